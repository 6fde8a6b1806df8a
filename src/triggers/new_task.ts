/** New Task (instant): a task is created in Close, optionally only one assigned to a chosen user. */
import { defineInputFields, defineTrigger, type InferInputData } from 'zapier-platform-core';
import { formatTask, taskOutputFields, taskSample } from '../formatters/task.js';
import { defineHookOperation } from '../lib/hook-trigger.js';
import { taskSource } from '../lib/sources.js';

const inputFields = defineInputFields([
  {
    key: 'assigned_to',
    label: 'Assignee',
    dynamic: 'user_list.id.label',
    helpText: 'Only trigger for tasks assigned to this user. Leave empty for every new task.',
  },
]);
type Input = InferInputData<typeof inputFields>;

export default defineTrigger({
  key: 'new_task',
  noun: 'Task',
  display: {
    label: 'New Task',
    description: 'Triggers when a task is created in Close, optionally only for a chosen assignee.',
  },
  operation: defineHookOperation({
    inputFields,
    events: () => [{ object_type: 'task.lead', action: 'created' }],
    ...taskSource({ filters: (input: Input) => ({ assigned_to: input.assigned_to }) }),
    matches: (task, input) => !input.assigned_to || task.assigned_to === input.assigned_to,
    format: formatTask,
    sample: taskSample,
    outputFields: taskOutputFields,
  }),
});
