/**
 * `POST /data/search/`: Close's advanced filtering for leads, contacts and opportunities (the
 * subset in services/search-query.ts), paged by cursor; `_fields` names the fields of each hit.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchResultSchema } from '../../../shared/close-objects.js';
import { searchRequestSchema } from '../../services/search-query.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/data/search/',
    { schema: { body: searchRequestSchema, response: { 200: searchResultSchema } } },
    async (request) => app.services.crm.search.run(request.principal.organizationId, request.body),
  );
};

export default routes;
