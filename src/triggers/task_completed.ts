/**
 * Task Completed (instant): a task is marked complete in Close, optionally only one assigned to a
 * chosen user. Close sends a task's `completed` event (besides its `updated` one) when
 * `is_complete` turns true; that is the one event subscribed to. Polls list completed tasks,
 * most recently updated first; the task's id is the dedupe key, so a task reopened and completed
 * again triggers each time by webhook but once by polling.
 */
import { defineInputFields, defineTrigger, type InferInputData } from 'zapier-platform-core';
import type { CloseEvent } from '../../shared/close-objects.js';
import { completedTaskSample, formatTask, taskOutputFields } from '../formatters/task.js';
import { defineHookOperation } from '../lib/hook-trigger.js';
import { taskSource } from '../lib/sources.js';

const inputFields = defineInputFields([
  {
    key: 'assigned_to',
    label: 'Assignee',
    dynamic: 'user_list.id.label',
    helpText: 'Only trigger for tasks assigned to this user. Leave empty for every completed task.',
  },
]);
type Input = InferInputData<typeof inputFields>;

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
    ...taskSource({
      filters: (input: Input) => ({ is_complete: true, assigned_to: input.assigned_to }),
      orderBy: 'date_updated',
    }),
    matches: (task, input) =>
      task.is_complete && (!input.assigned_to || task.assigned_to === input.assigned_to),
    format: formatTask,
    sample: completedTaskSample,
    outputFields: taskOutputFields,
  }),
});
