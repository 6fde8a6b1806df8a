/** New Task (instant): a task is created in Close, optionally only one assigned to a chosen user. */
import { defineInputFields, defineTrigger } from 'zapier-platform-core';
import { taskSchema } from '../../shared/close-objects.js';
import { formatTask, TASK_FIELDS, taskOutputFields, taskSample } from '../formatters/task.js';
import { defineHookOperation } from '../lib/hook-trigger.js';
import { newestItems } from '../lib/poll.js';

const inputFields = defineInputFields([
  {
    key: 'assigned_to',
    label: 'Assignee',
    dynamic: 'user_list.id.label',
    helpText: 'Only trigger for tasks assigned to this user. Leave empty for every new task.',
  },
]);

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
    object: { schema: taskSchema, path: (id) => `/task/${id}/` },
    list: (z, input, { limit }) =>
      newestItems(z, {
        path: '/task/',
        item: taskSchema,
        limit,
        fields: TASK_FIELDS,
        params: { _type: 'lead', assigned_to: input.assigned_to },
      }),
    matches: (task, input) => !input.assigned_to || task.assigned_to === input.assigned_to,
    format: formatTask,
    sample: taskSample,
    outputFields: taskOutputFields,
  }),
});
