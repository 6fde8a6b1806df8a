/** Dropdown: the organization's users, labelled "Name (email)". */
import { userSchema } from '../../shared/close-objects.js';
import { defineDropdownTrigger } from '../lib/dropdown.js';

export default defineDropdownTrigger({
  key: 'user_list',
  noun: 'User',
  path: '/user/',
  item: userSchema,
  toChoice: (user) => {
    const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
    return { id: user.id, label: name ? `${name} (${user.email})` : user.email };
  },
});
