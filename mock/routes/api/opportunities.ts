/**
 * `/opportunity/`: list (by lead, user, status, status type, value period, dates),
 * create, read, update (only the fields sent), delete. Values are in cents.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { opportunitySchema, VALUE_PERIODS } from '../../../shared/close-objects.js';
import { listQuerySchema } from '../../services/listing.js';
import { OPPORTUNITY_LIST } from '../../services/opportunities.js';
import { resourceRoutes } from './resource.js';

const opportunityBody = z.looseObject({
  lead_id: z.string().optional(),
  status_id: z.string().optional(),
  pipeline_id: z.string().optional(),
  value: z.number().int('Send the value in cents, as a whole number.').nullable().optional(),
  value_period: z.enum(VALUE_PERIODS).optional(),
  value_currency: z.string().length(3, 'Use a 3-letter currency code.').optional(),
  confidence: z.number().int().min(0).max(100).nullable().optional(),
  note: z.string().nullable().optional(),
  user_id: z.string().nullable().optional(),
  contact_id: z.string().nullable().optional(),
  date_won: z.iso.date('Use a date as YYYY-MM-DD.').nullable().optional(),
});

const routes: FastifyPluginAsyncZod = async (app) => {
  const { opportunities } = app.services.crm;
  resourceRoutes(app, {
    path: '/opportunity/',
    noun: 'Opportunity',
    item: opportunitySchema,
    list: {
      query: listQuerySchema(OPPORTUNITY_LIST),
      handler: (context, query, fields) =>
        opportunities.list(context.organizationId, query, fields),
    },
    create: {
      body: opportunityBody.extend({ lead_id: z.string() }),
      handler: (context, body) => opportunities.create(context, body),
    },
    get: (context, id) => opportunities.get(context.organizationId, id),
    update: {
      body: opportunityBody,
      handler: (context, id, body) => opportunities.update(context, id, body),
    },
    delete: (context, id) => opportunities.delete(context, id),
  });
};

export default routes;
