/**
 * New Opportunity (instant): an opportunity is created in Close, optionally only with a chosen
 * status, in a chosen pipeline or owned by a chosen user. Polls let Close filter by status and
 * user; the pipeline is checked here, as Close's opportunity list has no pipeline filter.
 */
import { defineInputFields, defineTrigger } from 'zapier-platform-core';
import { opportunitySchema } from '../../shared/close-objects.js';
import {
  formatOpportunity,
  OPPORTUNITY_FIELDS,
  opportunityOutputFields,
  opportunitySample,
} from '../formatters/opportunity.js';
import { pollFields } from '../lib/custom-field-cache.js';
import { defineHookOperation } from '../lib/hook-trigger.js';
import { newestItems } from '../lib/poll.js';

const inputFields = defineInputFields([
  {
    key: 'pipeline_id',
    label: 'Pipeline',
    dynamic: 'pipeline_list.id.label',
    helpText: 'Only trigger for opportunities in this pipeline. Leave empty for any.',
  },
  {
    key: 'status_id',
    label: 'Opportunity Status',
    dynamic: 'opportunity_status_list.id.label',
    helpText: 'Only trigger for opportunities created with this status. Leave empty for any.',
  },
  {
    key: 'user_id',
    label: 'Owner',
    dynamic: 'user_list.id.label',
    helpText: 'Only trigger for opportunities owned by this user. Leave empty for any.',
  },
]);

export default defineTrigger({
  key: 'new_opportunity',
  noun: 'Opportunity',
  display: {
    label: 'New Opportunity',
    description:
      'Triggers when an opportunity is created in Close, optionally only with a chosen status, ' +
      'pipeline or owner.',
  },
  operation: defineHookOperation({
    inputFields,
    events: () => [{ object_type: 'opportunity', action: 'created' }],
    object: { schema: opportunitySchema, path: (id) => `/opportunity/${id}/` },
    customFields: 'opportunity',
    list: (z, input, { limit, customFields }) =>
      newestItems(z, {
        path: '/opportunity/',
        item: opportunitySchema,
        limit,
        fields: pollFields(OPPORTUNITY_FIELDS, customFields),
        params: { status_id: input.status_id, user_id: input.user_id },
      }),
    matches: (opportunity, input) =>
      (!input.status_id || opportunity.status_id === input.status_id) &&
      (!input.pipeline_id || opportunity.pipeline_id === input.pipeline_id) &&
      (!input.user_id || opportunity.user_id === input.user_id),
    format: formatOpportunity,
    sample: opportunitySample,
    outputFields: opportunityOutputFields,
  }),
});
