/**
 * `GET /api/v1/me/`: the key's user with the organization the key belongs to, in Close's shape.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meSchema } from '../../../shared/close-objects.js';
import { ApiError } from '../../errors.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/',
    {
      schema: {
        querystring: z.object({ _fields: z.string().optional() }),
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const { tenancy } = app.services;
      const { userId, organizationId } = request.principal;
      const user = tenancy.user(userId);
      const organization = tenancy.organization(organizationId);
      if (!user || !organization) throw new ApiError(401, 'The API key’s user no longer exists.');
      return {
        ...user,
        display_name: `${user.first_name} ${user.last_name}`.trim(),
        image: null,
        organizations: [{ id: organization.id, name: organization.name }],
        memberships: tenancy
          .membershipsOf(userId)
          .filter((membership) => membership.organization_id === organizationId),
        email_accounts: [],
      };
    },
  );
};

export default routes;
