/**
 * The one output shape of a Close activity (note, call, email, meeting, status changes, task
 * completed): the common fields, then each type's own, absent ones as empty values so that every
 * activity maps the same way.
 */
import type { CloseActivity } from '../../shared/close-objects.js';
import { outputFields, type Formatted } from './common.js';
import { leadSampleRaw } from './lead.js';

export function formatActivity(activity: CloseActivity): Formatted {
  return {
    id: activity.id,
    type: activity._type,
    lead_id: activity.lead_id,
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

export const activitySample = formatActivity(activitySampleRaw);
