/**
 * Control plane: webhook subscriptions of every organization and each one's delivery log (what
 * was sent, how often, what the receiver answered), so tests can assert on deliveries without
 * standing up a receiver that records them.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { webhookSubscriptionSchema } from '../../../shared/close-objects.js';
import { ApiError } from '../../errors.js';
import { DELIVERY_STATUSES } from '../../services/webhook-deliveries.js';

const deliverySchema = z.object({
  id: z.string(),
  subscription_id: z.string(),
  event_id: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  last_status_code: z.number().int().nullable(),
  last_error: z.string().nullable(),
  next_attempt_at: z.string().nullable(),
  payload: z.unknown(),
  date_created: z.string(),
  date_updated: z.string(),
});

const routes: FastifyPluginAsyncZod = async (app) => {
  const { webhooks, deliveries } = app.services;

  app.get(
    '/webhooks',
    { schema: { response: { 200: z.object({ data: z.array(webhookSubscriptionSchema) }) } } },
    async () => ({ data: webhooks.listAll() }),
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        params: z.object({ id: z.string().max(100) }),
        response: { 200: z.object({ data: z.array(deliverySchema) }) },
      },
    },
    async (request) => {
      if (!webhooks.get(request.params.id)) {
        throw new ApiError(404, `No webhook subscription ${request.params.id}.`);
      }
      return { data: deliveries.list(request.params.id) };
    },
  );
};

export default routes;
