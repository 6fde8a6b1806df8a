/**
 * Close objects as they cross the wire, in zod: the mock server answers in these shapes and the
 * integration parses what it receives with them, so a drift between the two fails a test instead
 * of a user's Zap. Schemas are loose (`z.looseObject`): Close adds fields over time and a client
 * must not break on a field it does not know.
 */
import { z } from 'zod';

/** ISO 8601 with an explicit offset, as Close writes dates (`2024-05-01T12:00:00.123000+00:00`). */
export const closeDateTime = z.iso.datetime({ offset: true });

export const organizationSummarySchema = z.looseObject({
  id: z.string().startsWith('orga_'),
  name: z.string(),
});

export const membershipSchema = z.looseObject({
  id: z.string(),
  organization_id: z.string().startsWith('orga_'),
  user_id: z.string().startsWith('user_'),
  role_id: z.string(),
});

export const userSchema = z.looseObject({
  id: z.string().startsWith('user_'),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  display_name: z.string().optional(),
  image: z.string().nullable().optional(),
  date_created: closeDateTime,
  date_updated: closeDateTime,
});
export type CloseUser = z.infer<typeof userSchema>;

/** `GET /me/`: the key's user, with the organizations it belongs to. */
export const meSchema = userSchema.extend({
  organizations: z.array(organizationSummarySchema),
  memberships: z.array(membershipSchema),
  email_accounts: z.array(z.unknown()).optional(),
});
export type CloseMe = z.infer<typeof meSchema>;

/** Close's 400 body: `{"errors": [...], "field-errors": {"field": "message"}}`. */
export const fieldErrorsBodySchema = z.looseObject({
  errors: z.array(z.unknown()).optional(),
  'field-errors': z.record(z.string(), z.unknown()).optional(),
});

/** Close's other error bodies: `{"error": "…"}` (the error may also be an object). */
export const errorBodySchema = z.looseObject({
  error: z.union([z.string(), z.looseObject({ message: z.string().optional() })]),
});

/** Close's list envelope: `{"data": [...], "has_more": …}`. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    data: z.array(item),
    has_more: z.boolean(),
    total_results: z.number().int().optional(),
  });

/** Custom field values travel as top-level `custom.cf_<id>` keys on leads, contacts, opportunities. */
export const CUSTOM_FIELD_KEY_PREFIX = 'custom.';
export const customFieldKey = (fieldId: string) => `${CUSTOM_FIELD_KEY_PREFIX}${fieldId}`;
export const customFieldValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string(), z.number()])),
  z.null(),
]);

const closeId = (prefix: string) => z.string().startsWith(`${prefix}_`);
const audit = {
  organization_id: closeId('orga'),
  date_created: closeDateTime,
  date_updated: closeDateTime,
  created_by: z.string().nullable().optional(),
  updated_by: z.string().nullable().optional(),
};

export const addressSchema = z.looseObject({
  label: z.string().optional(),
  address_1: z.string().nullable().optional(),
  address_2: z.string().nullable().optional(),
  city: z.string().nullable().optional(),
  state: z.string().nullable().optional(),
  zipcode: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
});
export type CloseAddress = z.infer<typeof addressSchema>;
export const contactEmailSchema = z.looseObject({ email: z.string(), type: z.string() });
export const contactPhoneSchema = z.looseObject({
  phone: z.string(),
  type: z.string(),
  phone_formatted: z.string().optional(),
});
export const contactUrlSchema = z.looseObject({ url: z.string(), type: z.string() });

export const contactSchema = z.looseObject({
  id: closeId('cont'),
  lead_id: closeId('lead'),
  name: z.string().nullable(),
  display_name: z.string().optional(),
  title: z.string().nullable(),
  emails: z.array(contactEmailSchema),
  phones: z.array(contactPhoneSchema),
  urls: z.array(contactUrlSchema),
  ...audit,
});
export type CloseContact = z.infer<typeof contactSchema>;

export const OPPORTUNITY_STATUS_TYPES = ['active', 'won', 'lost'] as const;
export const statusTypeSchema = z.enum(OPPORTUNITY_STATUS_TYPES);
export const VALUE_PERIODS = ['one_time', 'monthly', 'annual'] as const;

export const opportunitySchema = z.looseObject({
  id: closeId('oppo'),
  lead_id: closeId('lead'),
  lead_name: z.string().nullable().optional(),
  status_id: closeId('stat'),
  status_label: z.string(),
  status_type: statusTypeSchema,
  pipeline_id: closeId('pipe').optional(),
  pipeline_name: z.string().optional(),
  /** In cents of `value_currency`. */
  value: z.number().int().nullable(),
  value_period: z.enum(VALUE_PERIODS),
  value_currency: z.string(),
  value_formatted: z.string().optional(),
  confidence: z.number().int().min(0).max(100).nullable(),
  note: z.string().nullable(),
  user_id: closeId('user').nullable(),
  user_name: z.string().nullable().optional(),
  contact_id: closeId('cont').nullable().optional(),
  /** The expected (or actual) close date, `YYYY-MM-DD`. */
  date_won: z.string().nullable(),
  ...audit,
});
export type CloseOpportunity = z.infer<typeof opportunitySchema>;

export const TASK_TYPES = ['lead'] as const;
export const taskSchema = z.looseObject({
  id: closeId('task'),
  _type: z.enum(TASK_TYPES),
  lead_id: closeId('lead'),
  lead_name: z.string().nullable().optional(),
  assigned_to: closeId('user').nullable(),
  assigned_to_name: z.string().nullable().optional(),
  text: z.string(),
  /** Due date: `YYYY-MM-DD` or a datetime with offset. */
  date: z.string().nullable(),
  is_complete: z.boolean(),
  is_dateless: z.boolean().optional(),
  ...audit,
});
export type CloseTask = z.infer<typeof taskSchema>;

export const leadSchema = z.looseObject({
  id: closeId('lead'),
  name: z.string().nullable(),
  display_name: z.string(),
  description: z.string().nullable(),
  url: z.string().nullable(),
  status_id: closeId('stat'),
  status_label: z.string(),
  contacts: z.array(contactSchema),
  opportunities: z.array(opportunitySchema).optional(),
  tasks: z.array(taskSchema).optional(),
  addresses: z.array(addressSchema),
  html_url: z.string(),
  ...audit,
});
export type CloseLead = z.infer<typeof leadSchema>;

/** Activity `_type`s and the path segment under `/activity/` that serves each. */
export const ACTIVITY_TYPES = {
  Note: 'note',
  Call: 'call',
  Email: 'email',
  Meeting: 'meeting',
  LeadStatusChange: 'status_change/lead',
  OpportunityStatusChange: 'status_change/opportunity',
  TaskCompleted: 'task_completed',
} as const;
export type ActivityType = keyof typeof ACTIVITY_TYPES;
export const activityTypeSchema = z.enum(
  Object.keys(ACTIVITY_TYPES) as [ActivityType, ...ActivityType[]],
);

/** One schema for every activity: the common fields, plus each type's own (all optional here). */
export const activitySchema = z.looseObject({
  id: closeId('acti'),
  _type: activityTypeSchema,
  lead_id: closeId('lead'),
  user_id: closeId('user').nullable(),
  user_name: z.string().nullable().optional(),
  contact_id: closeId('cont').nullable().optional(),
  activity_at: closeDateTime.optional(),
  // Note, Call
  note: z.string().nullable().optional(),
  // Call, Email
  direction: z.enum(['inbound', 'outbound', 'incoming', 'outgoing']).nullable().optional(),
  duration: z.number().int().nullable().optional(),
  phone: z.string().nullable().optional(),
  // Email, Meeting
  subject: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  body_text: z.string().nullable().optional(),
  status: z.string().nullable().optional(),
  // Status changes
  old_status_id: z.string().nullable().optional(),
  old_status_label: z.string().nullable().optional(),
  new_status_id: z.string().nullable().optional(),
  new_status_label: z.string().nullable().optional(),
  old_status_type: statusTypeSchema.nullable().optional(),
  new_status_type: statusTypeSchema.nullable().optional(),
  opportunity_id: closeId('oppo').nullable().optional(),
  // TaskCompleted
  task_id: closeId('task').nullable().optional(),
  task_text: z.string().nullable().optional(),
  ...audit,
});
export type CloseActivity = z.infer<typeof activitySchema>;

export const leadStatusSchema = z.looseObject({
  id: closeId('stat'),
  label: z.string(),
  organization_id: closeId('orga').optional(),
});
export type CloseLeadStatus = z.infer<typeof leadStatusSchema>;

export const opportunityStatusSchema = z.looseObject({
  id: closeId('stat'),
  label: z.string(),
  type: statusTypeSchema,
  pipeline_id: closeId('pipe'),
  organization_id: closeId('orga').optional(),
});
export type CloseOpportunityStatus = z.infer<typeof opportunityStatusSchema>;

export const pipelineSchema = z.looseObject({
  id: closeId('pipe'),
  name: z.string(),
  statuses: z.array(opportunityStatusSchema),
  organization_id: closeId('orga').optional(),
});
export type ClosePipeline = z.infer<typeof pipelineSchema>;

export const CUSTOM_FIELD_TYPES = [
  'text',
  'number',
  'date',
  'datetime',
  'choices',
  'user',
] as const;
export const CUSTOM_FIELD_OBJECTS = ['lead', 'contact', 'opportunity'] as const;
export type CustomFieldObject = (typeof CUSTOM_FIELD_OBJECTS)[number];
export const customFieldSchema = z.looseObject({
  id: closeId('cf'),
  name: z.string(),
  description: z.string().nullable().optional(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  accepts_multiple_values: z.boolean(),
  choices: z.array(z.string()).optional(),
  required: z.boolean().optional(),
  ...audit,
});
export type CloseCustomField = z.infer<typeof customFieldSchema>;

export const savedSearchSchema = z.looseObject({
  id: closeId('save'),
  name: z.string(),
  /** Close's lead search syntax, e.g. `status:"Potential" city:Boston`. */
  query: z.string(),
  /** The same selection as an advanced filtering query (`POST /data/search/`). */
  s_query: z.record(z.string(), z.unknown()).nullable().optional(),
  type: z.string().optional(),
  user_id: closeId('user').nullable().optional(),
  ...audit,
});
export type CloseSavedSearch = z.infer<typeof savedSearchSchema>;

/** Webhook event object types and actions the mock emits (a subset of Close's). */
export const EVENT_OBJECT_TYPES = [
  'lead',
  'contact',
  'opportunity',
  'task.lead',
  'activity.note',
  'activity.call',
  'activity.email',
  'activity.meeting',
  'activity.lead_status_change',
  'activity.opportunity_status_change',
  'activity.task_completed',
  // Configuration objects; the mock records their changes too.
  'status.lead',
  'status.opportunity',
  'pipeline',
  'custom_field.lead',
  'custom_field.contact',
  'custom_field.opportunity',
  'saved_search',
  'membership',
] as const;
export type EventObjectType = (typeof EVENT_OBJECT_TYPES)[number];
export const EVENT_ACTIONS = ['created', 'updated', 'deleted', 'merged', 'completed'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

export const eventSchema = z.looseObject({
  id: closeId('ev'),
  date_created: closeDateTime,
  date_updated: closeDateTime,
  object_type: z.string(),
  action: z.string(),
  object_id: z.string().nullable(),
  lead_id: z.string().nullable(),
  organization_id: closeId('orga'),
  user_id: z.string().nullable(),
  api_key_id: z.string().nullable(),
  request_id: z.string().nullable().optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
  data: z.record(z.string(), z.unknown()).nullable(),
  previous_data: z.record(z.string(), z.unknown()).nullable(),
  changed_fields: z.array(z.string()),
});
export type CloseEvent = z.infer<typeof eventSchema>;

export const webhookEventFilterSchema = z.looseObject({
  object_type: z.string(),
  action: z.string(),
  extra_filter: z.unknown().optional(),
});
export const webhookSubscriptionSchema = z.looseObject({
  id: closeId('whsub'),
  url: z.string(),
  events: z.array(webhookEventFilterSchema),
  status: z.enum(['active', 'paused']),
  verify_ssl: z.boolean(),
  /** Hex; the HMAC key for `close-sig-hash`. */
  signature_key: z.string().regex(/^[0-9a-f]+$/),
  ...audit,
});
export type CloseWebhookSubscription = z.infer<typeof webhookSubscriptionSchema>;

/** What Close POSTs to a webhook URL. */
export const webhookDeliverySchema = z.looseObject({
  subscription_id: closeId('whsub'),
  event: eventSchema,
});
export type CloseWebhookDelivery = z.infer<typeof webhookDeliverySchema>;

/** One hit of `POST /data/search/`: its type and id, plus the fields asked for in `_fields`. */
export const searchHitSchema = z.looseObject({
  __object_type: z.enum(['lead', 'contact', 'opportunity']),
  id: z.string(),
});

/** `POST /data/search/`: a page of hits and the cursor of the next page (null on the last). */
export const searchResultSchema = z.looseObject({
  data: z.array(searchHitSchema),
  cursor: z.string().nullable(),
  count: z.looseObject({ total: z.number().int() }).optional(),
});
export type CloseSearchResult = z.infer<typeof searchResultSchema>;
