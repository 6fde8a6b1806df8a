/** Create Note: a note activity on a lead. */
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { z as zod } from 'zod';
import { activitySchema } from '../../shared/close-objects.js';
import { activityOutputFields, activitySample, formatActivity } from '../formatters/activity.js';
import { closeRequest } from '../lib/close-request.js';
import { contactIdField, leadIdField } from '../lib/id-fields.js';
import {
  closeId,
  compactBody,
  labelsOf,
  parseInputs,
  requiredCloseId,
  requiredText,
} from '../lib/inputs.js';

const inputFields = defineInputFields([
  leadIdField(),
  { key: 'note', label: 'Note', type: 'text', required: true },
  contactIdField({ ofLead: true, helpText: 'The lead’s contact the note is about (optional).' }),
]);

const schema = zod.object({
  lead_id: requiredCloseId('lead', 'lead'),
  note: requiredText(),
  contact_id: closeId('cont', 'contact'),
});
const labels = labelsOf(inputFields);

const perform = (async (z, bundle) => {
  const values = parseInputs(z, schema, bundle.inputData, labels);
  const note = await closeRequest(
    z,
    {
      url: '/activity/note/',
      method: 'POST',
      body: compactBody(values),
      middlewareData: { fieldLabels: labels, subject: `lead ${values.lead_id}` },
    },
    activitySchema,
  );
  return formatActivity(note);
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'create_note',
  noun: 'Note',
  display: { label: 'Create Note', description: 'Adds a note to a lead.' },
  operation: {
    perform,
    inputFields,
    sample: {
      ...activitySample,
      type: 'Note',
      direction: '',
      duration: null,
      phone: '',
      status: '',
    },
    outputFields: activityOutputFields,
  },
});
