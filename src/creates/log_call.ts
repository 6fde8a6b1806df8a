/** Log Call: records a call that already happened (made outside Close) on a lead. */
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
import { phone } from '../lib/contact-values.js';
import { contactIdField, leadIdField } from '../lib/id-fields.js';
import {
  choice,
  closeId,
  compactBody,
  integer,
  labelsOf,
  parseInputs,
  requiredCloseId,
  text,
} from '../lib/inputs.js';

const DIRECTIONS = ['outbound', 'inbound'] as const;

const inputFields = defineInputFields([
  leadIdField(),
  {
    key: 'direction',
    label: 'Direction',
    choices: [
      { value: 'outbound', label: 'Outbound (we called)', sample: 'outbound' },
      { value: 'inbound', label: 'Inbound (they called)', sample: 'inbound' },
    ],
    default: 'outbound',
  },
  { key: 'duration', label: 'Duration (seconds)', helpText: 'How long the call lasted, like 420.' },
  { key: 'note', label: 'Note', type: 'text' },
  contactIdField({ ofLead: true, helpText: 'The lead’s contact who was on the call.' }),
  { key: 'phone', label: 'Phone', helpText: 'The number called, like +1 650 555 1234.' },
]);

const schema = zod.object({
  lead_id: requiredCloseId('lead', 'lead'),
  direction: choice(DIRECTIONS),
  duration: integer(0, 86_400, 'a whole number of seconds, at most 86400 (a day)'),
  note: text(),
  contact_id: closeId('cont', 'contact'),
  phone: phone(),
});
const labels = labelsOf(inputFields);

const perform = (async (z, bundle) => {
  const values = parseInputs(z, schema, bundle.inputData, labels);
  const call = await closeRequest(
    z,
    {
      url: '/activity/call/',
      method: 'POST',
      // A logged call has happened: "completed", as Close marks calls entered by hand.
      body: compactBody({
        ...values,
        direction: values.direction ?? 'outbound',
        status: 'completed',
      }),
      middlewareData: { fieldLabels: labels, subject: `lead ${values.lead_id}` },
    },
    activitySchema,
  );
  return formatActivity(call);
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'log_call',
  noun: 'Call',
  display: {
    label: 'Log Call',
    description:
      'Logs a call made outside Close on a lead: direction, duration, note, contact, phone.',
  },
  operation: { perform, inputFields, sample: activitySample, outputFields: activityOutputFields },
});
