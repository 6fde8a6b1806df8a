/**
 * `/user/` and `/user/{id}/`: the members of the key's organization (another organization's user
 * is a 404). `/membership/` adds a member by email; `/membership/{id}/` changes a role.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf, membershipSchema, userSchema } from '../../../shared/close-objects.js';
import { notFound } from '../../errors.js';
import { fieldList, pickFields } from '../../services/listing.js';
import { ROLES } from '../../services/users.js';
import { contextOf, fieldsQuery, idParams } from './resource.js';

const USER_PAGE_MAX = 200;

const routes: FastifyPluginAsyncZod = async (app) => {
  const { users } = app.services.crm;

  app.get(
    '/user/',
    {
      schema: {
        querystring: fieldsQuery.extend({
          _skip: z.coerce.number().int().min(0).default(0),
          _limit: z.coerce
            .number()
            .int()
            .min(0)
            .max(USER_PAGE_MAX, `_limit may be at most ${USER_PAGE_MAX}.`)
            .default(100),
        }),
        response: { 200: listOf(userSchema.partial()) },
      },
    },
    async (request) => {
      const { _skip: skip, _limit: limit } = request.query;
      const all = users.list(request.principal.organizationId);
      const fields = fieldList(request.query._fields);
      return {
        data: all.slice(skip, skip + limit).map((user) => pickFields(user, fields)),
        has_more: all.length > skip + limit,
      };
    },
  );

  app.get(
    '/user/:id/',
    {
      schema: {
        params: idParams,
        querystring: fieldsQuery,
        response: { 200: userSchema.partial() },
      },
    },
    async (request) => {
      const user = users.get(request.principal.organizationId, request.params.id);
      if (!user) throw notFound('User');
      return pickFields(user, fieldList(request.query._fields));
    },
  );

  app.post(
    '/membership/',
    {
      schema: {
        body: z.object({
          email: z.email('Enter a valid email address.'),
          role_id: z.enum(ROLES),
          first_name: z.string().optional(),
          last_name: z.string().optional(),
        }),
        response: { 200: membershipSchema },
      },
    },
    async (request) => users.addMember(contextOf(request), request.body),
  );

  app.put(
    '/membership/:id/',
    {
      schema: {
        params: idParams,
        body: z.object({ role_id: z.enum(ROLES) }),
        response: { 200: membershipSchema },
      },
    },
    async (request) => users.setRole(contextOf(request), request.params.id, request.body.role_id),
  );
};

export default routes;
