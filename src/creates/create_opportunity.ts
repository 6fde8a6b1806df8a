/** Create Opportunity: a deal on a lead, its value entered in currency units and sent in cents. */
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { opportunitySchema } from '../../shared/close-objects.js';
import { opportunityOutputFields, opportunitySample } from '../formatters/opportunity.js';
import { closeRequest } from '../lib/close-request.js';
import { leadIdField } from '../lib/id-fields.js';
import { labelsOf, parseInputs, requiredCloseId } from '../lib/inputs.js';
import {
  opportunityInputFields,
  opportunityValuesSchema,
  opportunityWrite,
} from '../lib/opportunity-input.js';

const inputFields = defineInputFields([
  leadIdField(),
  ...opportunityInputFields({ forUpdate: false }),
]);

const schema = opportunityValuesSchema.extend({ lead_id: requiredCloseId('lead', 'lead') });
const labels = labelsOf(inputFields);

const perform = (async (z, bundle) => {
  const { lead_id: leadId, ...values } = parseInputs(z, schema, bundle.inputData, labels);
  const write = await opportunityWrite(z, bundle, values);
  const opportunity = await closeRequest(
    z,
    {
      url: '/opportunity/',
      method: 'POST',
      body: { lead_id: leadId, ...write.body },
      middlewareData: { fieldLabels: write.fieldLabels, subject: `lead ${leadId}` },
    },
    opportunitySchema,
  );
  return write.format(opportunity);
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'create_opportunity',
  noun: 'Opportunity',
  display: {
    label: 'Create Opportunity',
    description:
      'Creates an opportunity (a deal) on a lead: status, value, period, confidence, expected ' +
      'close date, owner and custom fields.',
  },
  operation: {
    perform,
    inputFields,
    sample: opportunitySample,
    outputFields: opportunityOutputFields,
  },
});
