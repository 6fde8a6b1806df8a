/**
 * Lead Status Changed (instant): Close logs every change of a lead's status as a
 * LeadStatusChange activity, so both deliveries and polls use that activity. Its id is the
 * dedupe key: a lead that changes status twice triggers twice.
 */
import { defineInputFields, defineTrigger } from 'zapier-platform-core';
import {
  activityOutputFields,
  formatActivity,
  leadStatusChangeSample,
} from '../formatters/activity.js';
import { defineHookOperation } from '../lib/hook-trigger.js';
import { statusChangeSource } from '../lib/sources.js';

const inputFields = defineInputFields([
  {
    key: 'from_status_id',
    label: 'From Status',
    dynamic: 'lead_status_list.id.label',
    helpText: 'Only trigger when a lead leaves this status. Leave empty for any.',
  },
  {
    key: 'to_status_id',
    label: 'To Status',
    dynamic: 'lead_status_list.id.label',
    helpText: 'Only trigger when a lead gets this status. Leave empty for any.',
  },
]);

export default defineTrigger({
  key: 'lead_status_changed',
  noun: 'Lead Status Change',
  display: {
    label: 'Lead Status Changed',
    description:
      "Triggers when a lead's status changes in Close, optionally only from or to chosen statuses.",
  },
  operation: defineHookOperation({
    inputFields,
    events: () => [{ object_type: 'activity.lead_status_change', action: 'created' }],
    ...statusChangeSource('lead'),
    matches: (change, input) =>
      change._type === 'LeadStatusChange' &&
      (!input.from_status_id || change.old_status_id === input.from_status_id) &&
      (!input.to_status_id || change.new_status_id === input.to_status_id),
    format: formatActivity,
    sample: leadStatusChangeSample,
    outputFields: activityOutputFields,
  }),
});
