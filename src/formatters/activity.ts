/**
 * The one output shape of a Close activity (note, call, email, meeting, status changes, task
 * completed): the common fields, then each type's own, absent ones as empty values so that every
 * activity maps the same way.
 */
import type { CloseActivity } from '../../shared/close-objects.js';
import { closeAppUrl } from '../lib/config.js';
import { outputFields, type Formatted } from './common.js';
import { leadSampleRaw } from './lead.js';

/**
 * The Close fields `formatActivity` reads: polls ask for only these (`_fields`), which leaves out
 * the bulk of emails (HTML bodies, envelopes, attachments) that the output does not carry.
 */
export const ACTIVITY_FIELDS = [
  'id',
  '_type',
  'lead_id',
  'user_id',
  'user_name',
  'contact_id',
  'activity_at',
  'note',
  'direction',
  'duration',
  'phone',
  'subject',
  'title',
  'body_text',
  'status',
  'old_status_id',
  'old_status_label',
  'new_status_id',
  'new_status_label',
  'old_status_type',
  'new_status_type',
  'opportunity_id',
  'task_id',
  'task_text',
  'organization_id',
  'date_created',
  'date_updated',
] as const;

export function formatActivity(activity: CloseActivity): Formatted {
  return {
    id: activity.id,
    type: activity._type,
    lead_id: activity.lead_id,
    // Activities carry no link; status changes in particular are mapped to "open the lead".
    lead_url: closeAppUrl(`lead/${activity.lead_id}/`),
    user_id: activity.user_id,
    user_name: activity.user_name ?? '',
    contact_id: activity.contact_id ?? null,
    activity_at: activity.activity_at ?? activity.date_created,
    note: activity.note ?? '',
    direction: activity.direction ?? '',
    duration: activity.duration ?? null,
    phone: activity.phone ?? '',
    subject: activity.subject ?? activity.title ?? '',
    body_text: activity.body_text ?? '',
    status: activity.status ?? '',
    old_status_id: activity.old_status_id ?? '',
    old_status_label: activity.old_status_label ?? '',
    new_status_id: activity.new_status_id ?? '',
    new_status_label: activity.new_status_label ?? '',
    old_status_type: activity.old_status_type ?? '',
    new_status_type: activity.new_status_type ?? '',
    opportunity_id: activity.opportunity_id ?? '',
    task_id: activity.task_id ?? '',
    task_text: activity.task_text ?? '',
    organization_id: activity.organization_id,
    date_created: activity.date_created,
    date_updated: activity.date_updated,
  };
}

export const activityOutputFields = outputFields([
  ['id', 'Activity ID'],
  ['type', 'Type (Note, Call, Email, Meeting, LeadStatusChange, …)'],
  ['lead_id', 'Lead ID'],
  ['lead_url', 'Lead URL in Close'],
  ['user_id', 'User ID'],
  ['user_name', 'User Name'],
  ['contact_id', 'Contact ID'],
  ['activity_at', 'Activity Date', 'datetime'],
  ['note', 'Note'],
  ['direction', 'Direction'],
  ['duration', 'Duration (seconds)', 'integer'],
  ['phone', 'Phone'],
  ['subject', 'Subject / Title'],
  ['body_text', 'Body'],
  ['status', 'Status'],
  ['old_status_label', 'Old Status'],
  ['new_status_label', 'New Status'],
  ['old_status_id', 'Old Status ID'],
  ['new_status_id', 'New Status ID'],
  ['old_status_type', 'Old Status Type'],
  ['new_status_type', 'New Status Type'],
  ['opportunity_id', 'Opportunity ID'],
  ['task_id', 'Task ID'],
  ['task_text', 'Task Text'],
  ['date_created', 'Date Created', 'datetime'],
  ['date_updated', 'Date Updated', 'datetime'],
]);

export const activitySampleRaw: CloseActivity = {
  id: 'acti_6yU8iO0pA2sD4fG6hJ8kL0zX2cV4bN6mQ8wE0rT2yU4',
  _type: 'Call',
  lead_id: leadSampleRaw.id,
  user_id: 'user_2bQ7cR4dS9eT1fU6gV3hW8iX5jY0kZ7lA2mB4nC9oD1',
  user_name: 'Sam Seller',
  contact_id: 'cont_7uLwM9nH1aQbZc2ErVtYp0sKdJ4fG6hX8iO3lU5mNw1',
  activity_at: '2026-03-06T14:30:00.000000+00:00',
  note: 'Discussed pilot scope; sending proposal.',
  direction: 'outbound',
  duration: 420,
  phone: '+16505551234',
  status: 'completed',
  organization_id: leadSampleRaw.organization_id,
  date_created: '2026-03-06T14:37:05.000000+00:00',
  date_updated: '2026-03-06T14:37:05.000000+00:00',
};

/** Samples are static: their URL does not depend on where CLOSE_API_BASE_URL points. */
const sampleOf = (raw: CloseActivity): Formatted => ({
  ...formatActivity(raw),
  lead_url: `https://app.close.com/lead/${raw.lead_id}/`,
});

export const activitySample = sampleOf(activitySampleRaw);

export const leadStatusChangeSample = sampleOf({
  id: 'acti_3nB5vC7xZ9aS1dF3gH5jK7lQ9wE1rT3yU5iO7pA9sD1',
  _type: 'LeadStatusChange',
  lead_id: leadSampleRaw.id,
  user_id: activitySampleRaw.user_id,
  user_name: 'Sam Seller',
  contact_id: null,
  activity_at: '2026-03-07T10:12:41.303000+00:00',
  old_status_id: 'stat_1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4aB5',
  old_status_label: 'Potential',
  new_status_id: 'stat_6cD7eF8gH9iJ0kL1mN2oP3qR4sT5uV6wX7yZ8aB9cD0',
  new_status_label: 'Qualified',
  organization_id: leadSampleRaw.organization_id,
  date_created: '2026-03-07T10:12:41.303000+00:00',
  date_updated: '2026-03-07T10:12:41.303000+00:00',
});

export const opportunityStatusChangeSample = sampleOf({
  id: 'acti_8pO6iU4yT2rE0wQ8zX6cV4bN2mL0kJ8hG6fD4sA2pO0',
  _type: 'OpportunityStatusChange',
  lead_id: leadSampleRaw.id,
  user_id: activitySampleRaw.user_id,
  user_name: 'Sam Seller',
  contact_id: null,
  activity_at: '2026-04-02T15:45:09.870000+00:00',
  opportunity_id: 'oppo_8kJ3hG5fD7sA9pO1iU2yT4rE6wQ0zX8cV3bN5mL7kJ9',
  old_status_id: 'stat_9zY8xW7vU6tS5rQ4pO3nM2lK1jI0hG9fE8dC7bA6zY5',
  old_status_label: 'Active',
  old_status_type: 'active',
  new_status_id: 'stat_4wQ2eR6tY8uI0oP2aS4dF6gH8jK0lZ2xC4vB6nM8qW0',
  new_status_label: 'Won',
  new_status_type: 'won',
  organization_id: leadSampleRaw.organization_id,
  date_created: '2026-04-02T15:45:09.870000+00:00',
  date_updated: '2026-04-02T15:45:09.870000+00:00',
});
