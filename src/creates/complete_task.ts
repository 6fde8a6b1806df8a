/** Complete Task: marks a task done (Close records a "task completed" activity). */
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
import { leadIdField, taskIdField } from '../lib/id-fields.js';
import { closeId, labelsOf, parseInputs, requiredCloseId } from '../lib/inputs.js';

const inputFields = defineInputFields([
  leadIdField({
    required: false,
    helpText: 'Optional: narrows the Task dropdown to this lead’s open tasks.',
  }),
  taskIdField(),
]);

const schema = zod.object({
  lead_id: closeId('lead', 'lead'),
  task_id: requiredCloseId('task', 'task'),
});
const labels = labelsOf(inputFields);

const perform = (async (z, bundle) => {
  const { task_id: taskId } = parseInputs(z, schema, bundle.inputData, labels);
  const task = await closeRequest(
    z,
    {
      url: `/task/${taskId}/`,
      method: 'PUT',
      body: { is_complete: true },
      middlewareData: { fieldLabels: labels, subject: `task ${taskId}` },
    },
    taskSchema,
  );
  return formatTask(task);
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'complete_task',
  noun: 'Task',
  display: { label: 'Complete Task', description: 'Marks a task as complete.' },
  operation: {
    perform,
    inputFields,
    sample: { ...taskSample, is_complete: true },
    outputFields: taskOutputFields,
  },
});
