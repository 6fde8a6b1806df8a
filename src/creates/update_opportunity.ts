/** Update Opportunity: changes only the fields entered, e.g. moves it to a won or lost status. */
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
import { customInputs, customNamesFor } from '../lib/custom-fields.js';
import { opportunityIdField } from '../lib/id-fields.js';
import { labelsOf, parseInputs, requiredCloseId } from '../lib/inputs.js';
import {
  opportunityBody,
  opportunityCloseLabels,
  opportunityInputFields,
  opportunityValuesSchema,
} from '../lib/opportunity-input.js';
import { opportunityStatusId } from '../lib/statuses.js';
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
  const { opportunity_id: id, ...parsed } = parseInputs(z, schema, bundle.inputData, labels);
  const custom = await customInputs(z, 'opportunity', bundle.inputData);
  const values = {
    ...parsed,
    status_id: await opportunityStatusId(z, parsed.status_id, parsed.pipeline_id),
  };
  const subject = `opportunity ${id}`;
  const body = opportunityBody(values, custom.values);
  const opportunity = await putOrRead(z, `/opportunity/${id}/`, body, opportunitySchema, {
    fieldLabels: { ...opportunityCloseLabels, ...custom.labels },
    subject,
  });
  return formatOpportunity(
    opportunity,
    await customNamesFor(z, 'opportunity', opportunity, custom.fields),
  );
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
