/** Create Lead: a lead with its status, address, one contact and custom fields, in one request. */
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { leadSchema } from '../../shared/close-objects.js';
import { leadOutputFields, leadSample } from '../formatters/lead.js';
import { closeRequest } from '../lib/close-request.js';
import { parseInputs } from '../lib/inputs.js';
import {
  leadInputFields,
  leadLabels,
  leadValuesSchema,
  leadWrite,
  newLeadBody,
} from '../lib/lead-input.js';

const inputFields = defineInputFields(leadInputFields({ forUpdate: false }));

const perform = (async (z, bundle) => {
  const parsed = parseInputs(z, leadValuesSchema, bundle.inputData, leadLabels);
  const write = await leadWrite(z, bundle, parsed);
  const lead = await closeRequest(
    z,
    {
      url: '/lead/',
      method: 'POST',
      body: newLeadBody(write.values, write.custom),
      middlewareData: { fieldLabels: write.fieldLabels },
    },
    leadSchema,
  );
  return write.format(lead);
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'create_lead',
  noun: 'Lead',
  display: {
    label: 'Create Lead',
    description:
      'Creates a lead (a company) with its status, address, a contact and custom fields.',
  },
  operation: { perform, inputFields, sample: leadSample, outputFields: leadOutputFields },
});
