/**
 * Opportunity Status Changed (instant): Close logs each change of an opportunity's status as an
 * OpportunityStatusChange activity; deliveries and polls both use it, and its id is the dedupe
 * key, so an opportunity that changes status twice triggers twice. Optionally only changes to a
 * chosen status, or to a kind of status (won, lost, active).
 */
import { defineInputFields, defineTrigger } from 'zapier-platform-core';
import type { OPPORTUNITY_STATUS_TYPES } from '../../shared/close-objects.js';
import {
  activityOutputFields,
  formatActivity,
  opportunityStatusChangeSample,
} from '../formatters/activity.js';
import { defineHookOperation } from '../lib/hook-trigger.js';
import { statusChangeSource } from '../lib/sources.js';

const STATUS_TYPE_CHOICES = {
  won: 'Won',
  lost: 'Lost',
  active: 'Active',
} satisfies Record<(typeof OPPORTUNITY_STATUS_TYPES)[number], string>;

const inputFields = defineInputFields([
  {
    key: 'status_type',
    label: 'To Status Type',
    choices: STATUS_TYPE_CHOICES,
    helpText:
      'Only trigger when an opportunity is won, lost or reopened (active). Leave empty for any.',
  },
  {
    key: 'status_id',
    label: 'To Status',
    dynamic: 'opportunity_status_list.id.label',
    helpText: 'Only trigger when an opportunity gets this status. Leave empty for any.',
  },
]);

export default defineTrigger({
  key: 'opportunity_status_changed',
  noun: 'Opportunity Status Change',
  display: {
    label: 'Opportunity Status Changed',
    description:
      "Triggers when an opportunity's status changes in Close, optionally only to a chosen " +
      'status or kind of status (won, lost, active).',
  },
  operation: defineHookOperation({
    inputFields,
    events: () => [{ object_type: 'activity.opportunity_status_change', action: 'created' }],
    ...statusChangeSource('opportunity'),
    matches: (change, input) =>
      change._type === 'OpportunityStatusChange' &&
      (!input.status_type || change.new_status_type === input.status_type) &&
      (!input.status_id || change.new_status_id === input.status_id),
    format: formatActivity,
    sample: opportunityStatusChangeSample,
    outputFields: activityOutputFields,
  }),
});
