/**
 * Find Opportunity: a lead's opportunities, optionally only those in a status or of a status type
 * (active, won, lost), most recently updated first.
 */
import {
  defineInputFields,
  defineSearch,
  type InferInputData,
  type SearchPerform,
} from 'zapier-platform-core';
import { z as zod } from 'zod';
import { listOf, OPPORTUNITY_STATUS_TYPES, opportunitySchema } from '../../shared/close-objects.js';
import {
  formatOpportunity,
  opportunityOutputFields,
  opportunitySample,
} from '../formatters/opportunity.js';
import { closeGet } from '../lib/close-request.js';
import { customNamesFor } from '../lib/custom-fields.js';
import { leadIdField, opportunityStatusIdField, pipelineIdField } from '../lib/id-fields.js';
import {
  choice,
  choicesFor,
  closeId,
  compactBody,
  labelsOf,
  parseInputs,
  requiredCloseId,
  text,
} from '../lib/inputs.js';
import { opportunityStatusId } from '../lib/statuses.js';

/** Zapier uses the first result; a few more let "return all" style steps see alternatives. */
const RESULTS = 10;

const inputFields = defineInputFields([
  leadIdField({ helpText: 'The lead whose opportunities to search: pick it, or map a lead ID.' }),
  pipelineIdField(),
  opportunityStatusIdField({
    helpText: 'Only opportunities in this status (optional): pick it, or map its ID or name.',
  }),
  {
    key: 'status_type',
    label: 'Status Type',
    choices: choicesFor(OPPORTUNITY_STATUS_TYPES),
    helpText: 'Only opportunities whose status is of this type (optional).',
  },
]);

const schema = zod.object({
  lead_id: requiredCloseId('lead', 'lead'),
  pipeline_id: closeId('pipe', 'pipeline'),
  status_id: text(),
  status_type: choice(OPPORTUNITY_STATUS_TYPES),
});
const labels = labelsOf(inputFields);

const perform = (async (z, bundle) => {
  const { pipeline_id: pipelineId, ...values } = parseInputs(z, schema, bundle.inputData, labels);
  const statusId = await opportunityStatusId(z, values.status_id, pipelineId);
  const list = await closeGet(
    z,
    '/opportunity/',
    listOf(opportunitySchema),
    compactBody({ ...values, status_id: statusId, _order_by: '-date_updated', _limit: RESULTS }),
    { subject: `lead ${values.lead_id}` },
  );
  return Promise.all(
    list.data.map(async (opportunity) =>
      formatOpportunity(opportunity, await customNamesFor(z, bundle, 'opportunity', opportunity)),
    ),
  );
}) satisfies SearchPerform<InferInputData<typeof inputFields>>;

export default defineSearch({
  key: 'find_opportunity',
  noun: 'Opportunity',
  display: {
    label: 'Find Opportunity',
    description: 'Finds a lead’s opportunity, optionally by status or status type.',
  },
  operation: {
    perform,
    inputFields,
    sample: opportunitySample,
    outputFields: opportunityOutputFields,
  },
});
