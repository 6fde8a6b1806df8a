/**
 * The one output shape of a Close task.
 */
import type { CloseTask } from '../../shared/close-objects.js';
import { outputFields, type Formatted } from './common.js';
import { leadSampleRaw } from './lead.js';

/** The Close fields `formatTask` reads (and the schema requires): what polls ask for. */
export const TASK_FIELDS = [
  'id',
  '_type',
  'lead_id',
  'lead_name',
  'text',
  'assigned_to',
  'assigned_to_name',
  'date',
  'is_complete',
  'organization_id',
  'date_created',
  'date_updated',
] as const;

export function formatTask(task: CloseTask): Formatted {
  return {
    id: task.id,
    lead_id: task.lead_id,
    lead_name: task.lead_name ?? '',
    text: task.text,
    assigned_to: task.assigned_to,
    assigned_to_name: task.assigned_to_name ?? '',
    due_date: task.date,
    is_complete: task.is_complete,
    organization_id: task.organization_id,
    date_created: task.date_created,
    date_updated: task.date_updated,
  };
}

export const taskOutputFields = outputFields([
  ['id', 'Task ID'],
  ['lead_id', 'Lead ID'],
  ['lead_name', 'Lead Name'],
  ['text', 'Text'],
  ['assigned_to', 'Assignee User ID'],
  ['assigned_to_name', 'Assignee Name'],
  ['due_date', 'Due Date'],
  ['is_complete', 'Is Complete', 'boolean'],
  ['date_created', 'Date Created', 'datetime'],
  ['date_updated', 'Date Updated', 'datetime'],
]);

export const taskSampleRaw: CloseTask = {
  id: 'task_5tR7eW9qA1sD3fG5hJ7kL9zX1cV3bN5mQ7wE9rT1yU3',
  _type: 'lead',
  lead_id: leadSampleRaw.id,
  lead_name: 'Acme Rockets',
  assigned_to: 'user_2bQ7cR4dS9eT1fU6gV3hW8iX5jY0kZ7lA2mB4nC9oD1',
  assigned_to_name: 'Sam Seller',
  text: 'Send the pilot proposal',
  date: '2026-03-10',
  is_complete: false,
  organization_id: leadSampleRaw.organization_id,
  date_created: '2026-03-05T11:10:02.550000+00:00',
  date_updated: '2026-03-05T11:10:02.550000+00:00',
};

export const taskSample = formatTask(taskSampleRaw);

export const completedTaskSample = formatTask({
  ...taskSampleRaw,
  is_complete: true,
  date_updated: '2026-03-09T17:26:48.091000+00:00',
});
