/**
 * New Activity (instant): a note, call, email or meeting is logged in Close; the user picks which
 * kinds. The subscription asks Close for exactly those kinds, and a poll asks `/activity/` for
 * them only, with only the fields the output carries (email bodies in HTML are left out).
 */
import { defineInputFields, defineTrigger } from 'zapier-platform-core';
import { activitySchema, type ActivityType } from '../../shared/close-objects.js';
import {
  ACTIVITY_FIELDS,
  activityOutputFields,
  activitySample,
  formatActivity,
} from '../formatters/activity.js';
import { defineHookOperation, type WebhookEventSpec } from '../lib/hook-trigger.js';
import { newestItems } from '../lib/poll.js';

/** The kinds this trigger offers, and the webhook object type Close uses for each. */
const KINDS = {
  Note: 'activity.note',
  Call: 'activity.call',
  Email: 'activity.email',
  Meeting: 'activity.meeting',
} as const satisfies Partial<Record<ActivityType, WebhookEventSpec['object_type']>>;
type Kind = keyof typeof KINDS;
const ALL_KINDS = Object.keys(KINDS) as Kind[];

const inputFields = defineInputFields([
  {
    key: 'types',
    label: 'Activity Types',
    list: true,
    choices: { Note: 'Note', Call: 'Call', Email: 'Email', Meeting: 'Meeting' },
    helpText: 'Which kinds of activity trigger this Zap. Leave empty for all four.',
  },
]);

/** The chosen kinds; none (or only unknown values) means all. */
function chosenKinds(types: readonly string[] | undefined): Kind[] {
  const chosen = ALL_KINDS.filter((kind) => types?.includes(kind));
  return chosen.length > 0 ? chosen : ALL_KINDS;
}

export default defineTrigger({
  key: 'new_activity',
  noun: 'Activity',
  display: {
    label: 'New Activity',
    description: 'Triggers when a note, call, email or meeting is logged in Close.',
  },
  operation: defineHookOperation({
    inputFields,
    events: (input) =>
      chosenKinds(input.types).map((kind) => ({ object_type: KINDS[kind], action: 'created' })),
    object: {
      schema: activitySchema,
      // `activity.call` → `/activity/call/<id>/`
      path: (id, event) => `/activity/${event.object_type.replace(/^activity\./, '')}/${id}/`,
    },
    list: (z, input, { limit }) =>
      newestItems(z, {
        path: '/activity/',
        item: activitySchema,
        limit,
        fields: ACTIVITY_FIELDS,
        params: { _type__in: chosenKinds(input.types).join(',') },
      }),
    matches: (activity, input) => chosenKinds(input.types).some((kind) => kind === activity._type),
    format: formatActivity,
    sample: activitySample,
    outputFields: activityOutputFields,
  }),
});
