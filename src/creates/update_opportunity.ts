/** Update Opportunity: changes only the fields entered, e.g. moves it to a won or lost status. */
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { opportunitySchema } from '../../shared/close-objects.js';
import { opportunityOutputFields, opportunitySample } from '../formatters/opportunity.js';
import { opportunityIdField } from '../lib/id-fields.js';
import { labelsOf, parseInputs, requiredCloseId } from '../lib/inputs.js';
import {
  opportunityInputFields,
  opportunityValuesSchema,
  opportunityWrite,
} from '../lib/opportunity-input.js';
import { putOrRead } from '../lib/update.js';

const inputFields = defineInputFields([
  opportunityIdField({
    helpText: 'The opportunity to update: pick it, or map an opportunity ID (`oppo_…`).',
  }),
  ...opportunityInputFields({ forUpdate: true }),
]);

const schema = opportunityValuesSchema.extend({
  opportunity_id: requiredCloseId('oppo', 'opportunity'),
});
const labels = labelsOf(inputFields);

const perform = (async (z, bundle) => {
  const { opportunity_id: id, ...values } = parseInputs(z, schema, bundle.inputData, labels);
  const write = await opportunityWrite(z, bundle, values);
  const opportunity = await putOrRead(z, `/opportunity/${id}/`, write.body, opportunitySchema, {
    fieldLabels: write.fieldLabels,
    subject: `opportunity ${id}`,
  });
  return write.format(opportunity);
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'update_opportunity',
  noun: 'Opportunity',
  display: {
    label: 'Update Opportunity',
    description:
      'Updates an opportunity’s status, value, period, confidence, note, expected close date, ' +
      'owner or custom fields. Fields left empty are not changed.',
  },
  operation: {
    perform,
    inputFields,
    sample: opportunitySample,
    outputFields: opportunityOutputFields,
  },
});
