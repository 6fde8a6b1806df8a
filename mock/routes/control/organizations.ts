/**
 * Control plane: organizations, each with an owner, so that tests and demos can hold several
 * tenants whose data must never cross.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const createOrganizationBody = z.object({
  name: z.string().trim().min(1).max(200),
  owner: z.object({
    email: z.email(),
    first_name: z.string().trim().min(1).max(100),
    last_name: z.string().trim().max(100).default(''),
  }),
});

const routes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/organizations',
    { schema: { body: createOrganizationBody } },
    async (request, reply) => {
      const { organization, user } = app.services.tenancy.createOrganization(request.body);
      return reply.code(201).send({ organization, owner: user });
    },
  );
};

export default routes;
