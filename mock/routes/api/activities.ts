/**
 * `/activity/` (every type, filtered by `_type`) and one path per type, each offering what Close
 * offers: notes, calls and emails are created, read, updated and deleted; meetings come from
 * calendar sync, so they are read, updated and deleted only; status changes can be posted (to
 * import history) and deleted; task completions are only read and deleted.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ACTIVITY_TYPES,
  activitySchema,
  listOf,
  type ActivityType,
} from '../../../shared/close-objects.js';
import { ACTIVITY_LIST, type ActivityInput } from '../../services/activities.js';
import { fieldList, listQuerySchema } from '../../services/listing.js';
import { resourceRoutes } from './resource.js';

const datetime = z.iso.datetime({
  offset: true,
  local: true,
  message: 'Use an ISO 8601 datetime.',
});
const text = z.string().nullable().optional();

const common = {
  lead_id: z.string(),
  contact_id: z.string().nullable().optional(),
  user_id: z.string().nullable().optional(),
  activity_at: datetime.optional(),
  date_created: datetime.optional(),
};

const note = z.object({
  ...common,
  note: z.string().optional(),
  note_html: z.string().optional(),
  title: text,
  pinned: z.boolean().optional(),
});
const call = z.object({
  ...common,
  direction: z.enum(['inbound', 'outbound']).optional(),
  duration: z.number().int().min(0).optional(),
  phone: text,
  note: text,
  status: z
    .enum(['completed', 'no-answer', 'busy', 'failed', 'cancel', 'in-progress', 'voicemail'])
    .optional(),
  disposition: text,
});
const email = z.object({
  ...common,
  status: z.enum(['inbox', 'draft', 'scheduled', 'outbox', 'sent']),
  subject: z.string().optional(),
  body_text: z.string().optional(),
  body_html: z.string().optional(),
  sender: z.string().optional(),
  to: z.array(z.email()).optional(),
  cc: z.array(z.email()).optional(),
  bcc: z.array(z.email()).optional(),
  date_sent: datetime.nullable().optional(),
});
const meeting = z.object({
  ...common,
  title: text,
  note: text,
  location: text,
  starts_at: datetime.optional(),
  ends_at: datetime.optional(),
  status: z.string().optional(),
});
const statusChange = { old_status_id: z.string().nullable().optional(), new_status_id: z.string() };
const leadStatusChange = z.object({ ...common, ...statusChange });
const { lead_id: _leadId, ...withoutLead } = common;
const opportunityStatusChange = z.object({
  ...withoutLead,
  opportunity_id: z.string(),
  ...statusChange,
});

type Operations = {
  create?: z.ZodType<ActivityInput>;
  update?: z.ZodType<ActivityInput>;
};

/** What each type's path offers beyond list, read and delete. */
const OPERATIONS: Record<ActivityType, Operations> = {
  Note: { create: note, update: note.partial() },
  Call: { create: call, update: call.partial() },
  Email: { create: email, update: email.partial() },
  Meeting: { update: meeting.partial() },
  LeadStatusChange: { create: leadStatusChange },
  OpportunityStatusChange: { create: opportunityStatusChange },
  TaskCompleted: {},
};

const routes: FastifyPluginAsyncZod = async (app) => {
  const { activities } = app.services.crm;
  const listQuery = listQuerySchema(ACTIVITY_LIST);

  app.get(
    '/activity/',
    { schema: { querystring: listQuery, response: { 200: listOf(activitySchema.partial()) } } },
    async (request) =>
      activities.list(
        request.principal.organizationId,
        request.query,
        undefined,
        fieldList(request.query._fields),
      ),
  );

  for (const [type, operations] of Object.entries(OPERATIONS) as [ActivityType, Operations][]) {
    const { create, update } = operations;
    type Body = z.ZodType<ActivityInput>;
    resourceRoutes<typeof activitySchema, Body, Body, typeof listQuery>(app, {
      path: `/activity/${ACTIVITY_TYPES[type]}/`,
      noun: 'Activity',
      item: activitySchema,
      list: {
        query: listQuery,
        handler: (context, query, fields) =>
          activities.list(context.organizationId, query, type, fields),
      },
      ...(create && {
        create: {
          body: create,
          handler: (context, body) => activities.create(context, type, body),
        },
      }),
      get: (context, id) => activities.get(context.organizationId, id, type),
      ...(update && {
        update: {
          body: update,
          handler: (context, id, body) => activities.update(context, type, id, body),
        },
      }),
      delete: (context, id) => activities.delete(context, type, id),
    });
  }
};

export default routes;
