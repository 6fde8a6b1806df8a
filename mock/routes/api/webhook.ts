/**
 * `/api/v1/webhook/`: the organization's webhook subscriptions, as Close manages them. Creating
 * one answers its `signature_key`; at most 40 per organization; `url` must be http(s) and every
 * event an (object_type, action) pair Close emits, with an optional `extra_filter`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EVENT_ACTIONS,
  EVENT_OBJECT_TYPES,
  webhookSubscriptionSchema,
} from '../../../shared/close-objects.js';
import { FieldErrors, notFound } from '../../errors.js';
import { parseEventFilter } from '../../services/event-filters.js';
import { WEBHOOK_STATUSES, WEBHOOKS_PER_ORGANIZATION } from '../../services/webhooks.js';

const URL_MAX = 2000;

const webhookUrl = z
  .string()
  .trim()
  .max(URL_MAX)
  .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), {
    message: 'An http:// or https:// URL.',
  });

const eventSpec = z
  .object({
    object_type: z.enum(EVENT_OBJECT_TYPES),
    action: z.enum(EVENT_ACTIONS),
    extra_filter: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .superRefine((spec, context) => {
    if (!spec.extra_filter) return;
    const parsed = parseEventFilter(spec.extra_filter);
    if (!parsed.ok)
      context.addIssue({ code: 'custom', path: ['extra_filter'], message: parsed.message });
  });

const eventList = z
  .array(eventSpec)
  .min(1, 'Subscribe to at least one event.')
  .max(100, 'At most 100 events per subscription.');

const createBody = z.object({
  url: webhookUrl,
  events: eventList,
  verify_ssl: z.boolean().default(true),
});

const updateBody = z.object({
  url: webhookUrl.optional(),
  events: eventList.optional(),
  status: z.enum(WEBHOOK_STATUSES).optional(),
  verify_ssl: z.boolean().optional(),
});

const idParams = z.object({ id: z.string().max(100) });

const routes: FastifyPluginAsyncZod = async (app) => {
  const { webhooks } = app.services;

  app.get(
    '/webhook/',
    {
      schema: {
        response: {
          200: z.object({ data: z.array(webhookSubscriptionSchema), has_more: z.boolean() }),
        },
      },
    },
    async (request) => ({
      data: webhooks.list(request.principal.organizationId),
      has_more: false,
    }),
  );

  app.post(
    '/webhook/',
    { schema: { body: createBody, response: { 201: webhookSubscriptionSchema } } },
    async (request, reply) => {
      const { organizationId, userId } = request.principal;
      if (webhooks.count(organizationId) >= WEBHOOKS_PER_ORGANIZATION) {
        throw new FieldErrors({}, [
          `An organization can have at most ${WEBHOOKS_PER_ORGANIZATION} webhook subscriptions; ` +
            'delete one before creating another.',
        ]);
      }
      const subscription = webhooks.create(organizationId, request.body, userId);
      return reply.code(201).send(subscription);
    },
  );

  app.get(
    '/webhook/:id/',
    { schema: { params: idParams, response: { 200: webhookSubscriptionSchema } } },
    async (request) => {
      const subscription = webhooks.get(request.params.id, request.principal.organizationId);
      if (!subscription) throw notFound(`Webhook subscription ${request.params.id}`);
      return subscription;
    },
  );

  app.put(
    '/webhook/:id/',
    {
      schema: {
        params: idParams,
        body: updateBody,
        response: { 200: webhookSubscriptionSchema },
      },
    },
    async (request) => {
      const { organizationId, userId } = request.principal;
      const patch = Object.fromEntries(
        Object.entries(request.body).filter(([, value]) => value !== undefined),
      );
      const subscription = webhooks.update(request.params.id, organizationId, patch, userId);
      if (!subscription) throw notFound(`Webhook subscription ${request.params.id}`);
      return subscription;
    },
  );

  app.delete(
    '/webhook/:id/',
    { schema: { params: idParams, response: { 200: z.object({}) } } },
    async (request) => {
      if (!webhooks.delete(request.params.id, request.principal.organizationId)) {
        throw notFound(`Webhook subscription ${request.params.id}`);
      }
      return {};
    },
  );
};

export default routes;
