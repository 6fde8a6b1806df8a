/**
 * New Lead in Smart View (polling; Close has no webhook for it): a lead enters a chosen smart
 * view. One request per poll (besides the custom field definitions, cached between polls):
 * Close's search API evaluates the smart view itself (a `saved_search` query), newest updates
 * first, since a lead usually enters a view by being changed. The lead's id is the dedupe key: a lead triggers the first time it is seen in the view.
 */
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { z as zod } from 'zod';
import { leadSchema } from '../../shared/close-objects.js';
import type { Formatted } from '../formatters/common.js';
import { formatLead, LEAD_FIELDS, leadOutputFields, leadSample } from '../formatters/lead.js';
import { closeRequest } from '../lib/close-request.js';
import {
  customFieldDefinitions,
  customFieldNamesOf,
  pollFields,
} from '../lib/custom-field-cache.js';
import { newestFirst, pollLimit } from '../lib/poll.js';

const inputFields = defineInputFields([
  {
    key: 'smart_view_id',
    label: 'Smart View',
    dynamic: 'smart_view_list.id.label',
    required: true,
    helpText: 'The smart view (saved search) to watch for leads.',
  },
]);

const searchResults = zod.looseObject({
  data: zod.array(leadSchema),
  cursor: zod.string().nullable().optional(),
});

const perform = (async (z, bundle) => {
  const limit = pollLimit(bundle);
  const customFields = await customFieldDefinitions(z, bundle, 'lead');
  const results = await closeRequest(
    z,
    {
      url: '/data/search/',
      method: 'POST',
      body: {
        query: {
          type: 'and',
          queries: [
            { type: 'object_type', object_type: 'lead' },
            { type: 'saved_search', saved_search_id: bundle.inputData.smart_view_id },
          ],
        },
        sort: [
          {
            direction: 'desc',
            field: { type: 'regular_field', object_type: 'lead', field_name: 'date_updated' },
          },
        ],
        _limit: limit,
        // Without `_fields` the search answers ids only.
        _fields: { lead: pollFields(LEAD_FIELDS, customFields) ?? LEAD_FIELDS },
      },
      middlewareData: { subject: `smart view ${bundle.inputData.smart_view_id}` },
    },
    searchResults,
  );
  const names = customFieldNamesOf(customFields);
  return newestFirst(results.data, 'date_updated')
    .slice(0, limit)
    .map((lead) => formatLead(lead, names));
}) satisfies PollingTriggerPerform<typeof inputFields, Formatted>;

export default defineTrigger({
  key: 'new_lead_in_smart_view',
  noun: 'Lead',
  display: {
    label: 'New Lead in Smart View',
    description: 'Triggers when a lead enters a chosen smart view in Close.',
  },
  operation: {
    type: 'polling',
    perform,
    inputFields,
    sample: leadSample,
    outputFields: leadOutputFields,
  },
});
