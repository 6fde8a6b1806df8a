/** Create Task: a to-do on a lead, assigned to a user, with a due date. */
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { z as zod } from 'zod';
import { taskSchema } from '../../shared/close-objects.js';
import { formatTask, taskOutputFields, taskSample } from '../formatters/task.js';
import { closeRequest } from '../lib/close-request.js';
import { leadIdField, userIdField } from '../lib/id-fields.js';
import {
  closeId,
  compactBody,
  dateOrDateTime,
  labelsOf,
  parseInputs,
  requiredCloseId,
  requiredText,
} from '../lib/inputs.js';

const inputFields = defineInputFields([
  leadIdField(),
  { key: 'text', label: 'Text', required: true, helpText: 'What is to be done.' },
  userIdField('assigned_to', 'Assignee', {
    helpText: 'Pick the user, or map a user ID (`user_…`). Left empty, the task is yours.',
  }),
  {
    key: 'due_date',
    label: 'Due Date',
    // Text, not `datetime`: Zapier turns a bare date in a datetime field into 09:00 that day,
    // which would make every all-day task a timed one.
    helpText:
      'A date (2026-03-31) for an all-day task, or a date and time with its timezone ' +
      '(2026-03-31T14:00:00-05:00).',
  },
]);

const schema = zod.object({
  lead_id: requiredCloseId('lead', 'lead'),
  text: requiredText(),
  assigned_to: closeId('user', 'user'),
  due_date: dateOrDateTime(),
});
const labels = labelsOf(inputFields);

const perform = (async (z, bundle) => {
  const { due_date: dueDate, ...values } = parseInputs(z, schema, bundle.inputData, labels);
  const task = await closeRequest(
    z,
    {
      url: '/task/',
      method: 'POST',
      body: compactBody({ _type: 'lead', ...values, date: dueDate }),
      middlewareData: {
        fieldLabels: { ...labels, date: labels.due_date ?? 'Due Date' },
        subject: `lead ${values.lead_id}`,
      },
    },
    taskSchema,
  );
  return formatTask(task);
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'create_task',
  noun: 'Task',
  display: {
    label: 'Create Task',
    description: 'Creates a task on a lead, with an assignee and a due date.',
  },
  operation: { perform, inputFields, sample: taskSample, outputFields: taskOutputFields },
});
