/**
 * New Lead (instant): a lead is created in Close, optionally only with a chosen status. Lead
 * events carry `contact_ids`, not contacts, so a delivery's lead is fetched once to give the
 * primary contact's name, email and phone; polls list whole leads, newest first.
 */
import { defineInputFields, defineTrigger } from 'zapier-platform-core';
import { leadSchema } from '../../shared/close-objects.js';
import { formatLead, LEAD_FIELDS, leadOutputFields, leadSample } from '../formatters/lead.js';
import { pollFields } from '../lib/custom-field-cache.js';
import { defineHookOperation } from '../lib/hook-trigger.js';
import { newestItems } from '../lib/poll.js';

const inputFields = defineInputFields([
  {
    key: 'status_id',
    label: 'Lead Status',
    dynamic: 'lead_status_list.id.label',
    helpText: 'Only trigger for leads created with this status. Leave empty for every new lead.',
  },
]);

export default defineTrigger({
  key: 'new_lead',
  noun: 'Lead',
  display: {
    label: 'New Lead',
    description: 'Triggers when a lead is created in Close, optionally only with a chosen status.',
  },
  operation: defineHookOperation({
    inputFields,
    events: () => [{ object_type: 'lead', action: 'created' }],
    object: { schema: leadSchema, path: (id) => `/lead/${id}/` },
    customFields: 'lead',
    list: (z, _input, { limit, customFields }) =>
      newestItems(z, {
        path: '/lead/',
        item: leadSchema,
        limit,
        fields: pollFields(LEAD_FIELDS, customFields),
      }),
    matches: (lead, input) => !input.status_id || lead.status_id === input.status_id,
    format: formatLead,
    sample: leadSample,
    outputFields: leadOutputFields,
  }),
});
