/**
 * Task Completed (instant): a task is marked complete in Close, optionally only one assigned to a
 * chosen user. Close sends a task's `completed` event (besides its `updated` one) when
 * `is_complete` turns true; that is the one event subscribed to. Polls list completed tasks,
 * most recently updated first; the task's id is the dedupe key, so a task reopened and completed
 * again triggers each time by webhook but once by polling.
 */
import { defineInputFields, defineTrigger } from 'zapier-platform-core';
import { taskSchema, type CloseEvent } from '../../shared/close-objects.js';
import {
  completedTaskSample,
  formatTask,
  TASK_FIELDS,
  taskOutputFields,
} from '../formatters/task.js';
import { defineHookOperation } from '../lib/hook-trigger.js';
import { newestItems } from '../lib/poll.js';

const inputFields = defineInputFields([
  {
    key: 'assigned_to',
    label: 'Assignee',
    dynamic: 'user_list.id.label',
    helpText: 'Only trigger for tasks assigned to this user. Leave empty for every completed task.',
  },
]);

/** A completion event whose task is (still) complete: a reopened task does not trigger. */
const isCompletion = (event: CloseEvent) => event.data?.is_complete === true;

export default defineTrigger({
  key: 'task_completed',
  noun: 'Task',
  display: {
    label: 'Task Completed',
    description:
      'Triggers when a task is completed in Close, optionally only for a chosen assignee.',
  },
  operation: defineHookOperation({
    inputFields,
    events: () => [{ object_type: 'task.lead', action: 'completed' }],
    firesOn: isCompletion,
    object: { schema: taskSchema, path: (id) => `/task/${id}/` },
    list: (z, input, { limit }) =>
      newestItems(z, {
        path: '/task/',
        item: taskSchema,
        limit,
        orderBy: 'date_updated',
        fields: TASK_FIELDS,
        params: { _type: 'lead', is_complete: true, assigned_to: input.assigned_to },
      }),
    matches: (task, input) =>
      task.is_complete && (!input.assigned_to || task.assigned_to === input.assigned_to),
    format: formatTask,
    sample: completedTaskSample,
    outputFields: taskOutputFields,
  }),
});
