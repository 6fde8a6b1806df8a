/**
 * Control plane: API keys. Creating one answers the full key once; listing and reading answer
 * the ID, name, creation date and last use, never a secret; deleting one cuts it off at once.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiKeyIdSchema } from '../../../shared/api-key.js';
import { ApiError, FieldErrors } from '../../errors.js';
import { KEY_NAME_MAX_LENGTH } from '../../services/api-keys.js';

const lastUseSchema = z.object({
  at: z.string(),
  ip: z.string(),
  userAgent: z.string().nullable(),
});
export const keyListingSchema = z.object({
  id: z.string(),
  name: z.string(),
  user_id: z.string(),
  organization_id: z.string(),
  date_created: z.string(),
  last_used: lastUseSchema.nullable(),
});

/** A key's name as a person types it (also the settings page's rule). */
export const keyNameSchema = z
  .string()
  .trim()
  .min(1, 'A name is required, e.g. "Zapier".')
  .max(KEY_NAME_MAX_LENGTH, `A name is at most ${KEY_NAME_MAX_LENGTH} characters.`);

const createKeyBody = z.object({
  name: keyNameSchema,
  user_id: z.string().optional(),
  organization_id: z.string().optional(),
});

const routes: FastifyPluginAsyncZod = async (app) => {
  const { apiKeys, tenancy } = app.services;

  app.get(
    '/keys',
    {
      schema: {
        querystring: z.object({ organization_id: z.string().optional() }),
        response: { 200: z.object({ data: z.array(keyListingSchema) }) },
      },
    },
    async (request) => ({ data: apiKeys.list(request.query.organization_id) }),
  );

  app.post(
    '/keys',
    {
      schema: {
        body: createKeyBody,
        response: { 201: keyListingSchema.extend({ key: z.string() }) },
      },
    },
    async (request, reply) => {
      const owner = resolveOwner(request.body.organization_id, request.body.user_id);
      if (apiKeys.nameInUse(request.body.name, owner.organizationId)) {
        throw new FieldErrors({ name: `A key named "${request.body.name}" already exists.` });
      }
      const { key, listing } = apiKeys.create({ name: request.body.name, ...owner });
      return reply.code(201).send({ ...listing, key });
    },
  );

  app.get(
    '/keys/:id',
    {
      schema: { params: z.object({ id: apiKeyIdSchema }), response: { 200: keyListingSchema } },
    },
    async (request) => {
      const key = apiKeys.get(request.params.id);
      if (!key)
        throw new ApiError(404, `No API key ${request.params.id} (it may have been deleted).`);
      return key;
    },
  );

  app.delete(
    '/keys/:id',
    { schema: { params: z.object({ id: apiKeyIdSchema }) } },
    async (request, reply) => {
      if (!apiKeys.delete(request.params.id)) {
        throw new ApiError(
          404,
          `No API key ${request.params.id} (it may have been deleted already).`,
        );
      }
      return reply.code(204).send();
    },
  );

  /** The default organization's first user, unless the request names another owner. */
  function resolveOwner(organizationId?: string, userId?: string) {
    const organization = organizationId
      ? tenancy.organization(organizationId)
      : tenancy.defaultOrganization();
    if (!organization) throw new FieldErrors({ organization_id: 'No such organization.' });
    const user = userId ? tenancy.user(userId) : tenancy.usersOf(organization.id)[0];
    if (!user || !tenancy.isMember(user.id, organization.id)) {
      throw new FieldErrors({ user_id: 'No such user in this organization.' });
    }
    return { userId: user.id, organizationId: organization.id };
  }
};

export default routes;
