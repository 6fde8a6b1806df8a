/**
 * `/lead/`: list (with Close's `query` search string, ids, statuses and dates), create (with
 * embedded contacts, addresses and `custom.cf_…` values), read, update (only the fields sent;
 * contacts through `/contact/`), and delete (with everything on the lead).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { leadSchema } from '../../../shared/close-objects.js';
import { LEAD_LIST } from '../../services/leads.js';
import { listQuerySchema } from '../../services/listing.js';
import { contactInput } from './contacts.js';
import { resourceRoutes } from './resource.js';

const text = z.string().nullable().optional();

const addressInput = z.object({
  label: z.string().optional(),
  address_1: text,
  address_2: text,
  city: text,
  state: text,
  zipcode: text,
  country: text,
});

const leadBody = z.looseObject({
  name: text,
  description: text,
  url: text,
  status_id: z.string().optional(),
  status: z.string().optional(),
  addresses: z.array(addressInput).optional(),
  contacts: z.array(contactInput).optional(),
});

const routes: FastifyPluginAsyncZod = async (app) => {
  const { leads } = app.services.crm;
  resourceRoutes(app, {
    path: '/lead/',
    noun: 'Lead',
    item: leadSchema,
    list: {
      query: listQuerySchema(LEAD_LIST).extend({ query: z.string().optional() }),
      handler: (context, query, fields) => leads.list(context.organizationId, query, fields),
    },
    create: { body: leadBody, handler: (context, body) => leads.create(context, body) },
    get: (context, id, fields) => leads.get(context.organizationId, id, fields),
    update: { body: leadBody, handler: (context, id, body) => leads.update(context, id, body) },
    delete: (context, id) => leads.delete(context, id),
  });
};

export default routes;
