/** Create Opportunity: a deal on a lead, its value entered in currency units and sent in cents. */
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { opportunitySchema } from '../../shared/close-objects.js';
import {
  formatOpportunity,
  opportunityOutputFields,
  opportunitySample,
} from '../formatters/opportunity.js';
import { closeRequest } from '../lib/close-request.js';
import { customInputs, customNamesFor } from '../lib/custom-fields.js';
import { leadIdField } from '../lib/id-fields.js';
import { labelsOf, parseInputs, requiredCloseId } from '../lib/inputs.js';
import {
  opportunityBody,
  opportunityCloseLabels,
  opportunityInputFields,
  opportunityValuesSchema,
} from '../lib/opportunity-input.js';
import { opportunityStatusId } from '../lib/statuses.js';

const inputFields = defineInputFields([
  leadIdField(),
  ...opportunityInputFields({ forUpdate: false }),
]);

const schema = opportunityValuesSchema.extend({ lead_id: requiredCloseId('lead', 'lead') });
const labels = labelsOf(inputFields);

const perform = (async (z, bundle) => {
  const { lead_id: leadId, ...parsed } = parseInputs(z, schema, bundle.inputData, labels);
  const custom = await customInputs(z, 'opportunity', bundle.inputData);
  const values = {
    ...parsed,
    status_id: await opportunityStatusId(z, parsed.status_id, parsed.pipeline_id),
  };
  const opportunity = await closeRequest(
    z,
    {
      url: '/opportunity/',
      method: 'POST',
      body: { lead_id: leadId, ...opportunityBody(values, custom.values) },
      middlewareData: {
        fieldLabels: { ...opportunityCloseLabels, ...custom.labels },
        subject: `lead ${leadId}`,
      },
    },
    opportunitySchema,
  );
  return formatOpportunity(
    opportunity,
    await customNamesFor(z, 'opportunity', opportunity, custom.fields),
  );
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
