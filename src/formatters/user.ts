/**
 * The one output shape of a Close user (searches and dropdowns).
 */
import type { CloseUser } from '../../shared/close-objects.js';
import { outputFields, type Formatted } from './common.js';

export function formatUser(user: CloseUser): Formatted {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
  return {
    id: user.id,
    email: user.email,
    first_name: user.first_name,
    last_name: user.last_name,
    display_name: user.display_name ?? (name || user.email),
    date_created: user.date_created,
    date_updated: user.date_updated,
  };
}

export const userOutputFields = outputFields([
  ['id', 'User ID'],
  ['email', 'Email'],
  ['first_name', 'First Name'],
  ['last_name', 'Last Name'],
  ['display_name', 'Name'],
  ['date_created', 'Date Created', 'datetime'],
  ['date_updated', 'Date Updated', 'datetime'],
]);

export const userSample = formatUser({
  id: 'user_2bQ7cR4dS9eT1fU6gV3hW8iX5jY0kZ7lA2mB4nC9oD1',
  email: 'sam.seller@example.com',
  first_name: 'Sam',
  last_name: 'Seller',
  date_created: '2025-11-18T08:00:12.000000+00:00',
  date_updated: '2026-02-01T10:21:45.000000+00:00',
});
