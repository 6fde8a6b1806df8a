/** Create Lead: a lead with its status, address, one contact and custom fields, in one request. */
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { leadSchema } from '../../shared/close-objects.js';
import { formatLead, leadOutputFields, leadSample } from '../formatters/lead.js';
import { closeRequest } from '../lib/close-request.js';
import { customInputs, customNamesFor } from '../lib/custom-fields.js';
import { parseInputs } from '../lib/inputs.js';
import {
  leadCloseLabels,
  leadInputFields,
  leadLabels,
  leadValuesSchema,
  newLeadBody,
} from '../lib/lead-input.js';
import { leadStatusId } from '../lib/statuses.js';

const inputFields = defineInputFields(leadInputFields({ forUpdate: false }));

const perform = (async (z, bundle) => {
  const parsed = parseInputs(z, leadValuesSchema, bundle.inputData, leadLabels);
  const custom = await customInputs(z, 'lead', bundle.inputData);
  const values = { ...parsed, status_id: await leadStatusId(z, parsed.status_id) };
  const lead = await closeRequest(
    z,
    {
      url: '/lead/',
      method: 'POST',
      body: newLeadBody(values, custom.values),
      middlewareData: { fieldLabels: { ...leadCloseLabels, ...custom.labels } },
    },
    leadSchema,
  );
  return formatLead(lead, await customNamesFor(z, 'lead', lead, custom.fields));
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
