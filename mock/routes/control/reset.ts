/**
 * Control plane: `POST /_mock/reset` empties the store for a fresh start (CRM data, events,
 * webhook subscriptions and deliveries, plus queued deliveries, rate counters and faults).
 * By default organizations, users and API keys stay, so configured clients keep working;
 * `{"keep_keys": false}` drops them too, recreates the default organization and its owner, and
 * answers a new API key for that owner (shown once, like every key).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

// No body at all (Fastify passes null) means the defaults.
const resetBody = z
  .object({ keep_keys: z.boolean().default(true) })
  .strict()
  .nullish()
  .transform((body) => body ?? { keep_keys: true });

const routes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/reset',
    {
      schema: {
        body: resetBody,
        response: {
          200: z.object({
            tables_emptied: z.array(z.string()),
            kept_keys: z.boolean(),
            organization_id: z.string().optional(),
            key: z.string().optional(),
          }),
        },
      },
    },
    async (request) => {
      const { reset, tenancy, apiKeys } = app.services;
      const keepKeys = request.body.keep_keys;
      const result = reset.reset({ keepKeys });
      if (keepKeys) return result;
      const { organization, owner } = tenancy.ensureDefaultTenant();
      const { key } = apiKeys.create({
        name: 'Key after reset',
        userId: owner.id,
        organizationId: organization.id,
      });
      return { ...result, organization_id: organization.id, key };
    },
  );
};

export default routes;
