/**
 * `/saved_search/`: smart views — a named lead query, as a search string (`query`) or an
 * advanced filtering query (`s_query`). List, create, read, update, delete.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { savedSearchSchema } from '../../../shared/close-objects.js';
import { listQuerySchema } from '../../services/listing.js';
import { SAVED_SEARCH_LIST } from '../../services/saved-searches.js';
import { searchQuerySchema } from '../../services/search-query.js';
import { resourceRoutes } from './resource.js';

const savedSearchBody = z.object({
  name: z.string().trim().min(1, 'A smart view needs a name.'),
  query: z.string().optional(),
  s_query: searchQuerySchema.optional(),
  type: z.literal('lead', 'The mock keeps smart views of leads only.').optional(),
  is_shared: z.boolean().optional(),
});

const routes: FastifyPluginAsyncZod = async (app) => {
  const { savedSearches } = app.services.crm;
  resourceRoutes(app, {
    path: '/saved_search/',
    noun: 'Smart view',
    item: savedSearchSchema,
    list: {
      query: listQuerySchema(SAVED_SEARCH_LIST),
      handler: (context, query, fields) =>
        savedSearches.list(context.organizationId, query, fields),
    },
    create: {
      body: savedSearchBody,
      handler: (context, body) => savedSearches.create(context, body),
    },
    get: (context, id) => savedSearches.get(context.organizationId, id),
    update: {
      body: savedSearchBody.partial(),
      handler: (context, id, body) => savedSearches.update(context, id, body),
    },
    delete: (context, id) => savedSearches.delete(context, id),
  });
};

export default routes;
