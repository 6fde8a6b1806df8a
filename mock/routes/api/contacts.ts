/**
 * `/contact/`: list (by lead, ids, dates), create (with or without a lead), read, update (only
 * the fields sent), delete. Custom values travel as `custom.cf_…` keys.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contactSchema } from '../../../shared/close-objects.js';
import { CONTACT_LIST } from '../../services/contacts.js';
import { listQuerySchema } from '../../services/listing.js';
import { resourceRoutes } from './resource.js';

const typed = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ ...shape, type: z.string().optional() });

/** A contact as sent on its own or embedded in a new lead; `custom.*` keys pass through. */
export const contactInput = z.looseObject({
  name: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  emails: z.array(typed({ email: z.email('Enter a valid email address.') })).optional(),
  phones: z.array(typed({ phone: z.string().min(1) })).optional(),
  urls: z.array(typed({ url: z.string().min(1) })).optional(),
});

const contactBody = contactInput.extend({ lead_id: z.string().optional() });

const routes: FastifyPluginAsyncZod = async (app) => {
  const { contacts } = app.services.crm;
  resourceRoutes(app, {
    path: '/contact/',
    noun: 'Contact',
    item: contactSchema,
    list: {
      query: listQuerySchema(CONTACT_LIST),
      handler: (context, query, fields) => contacts.list(context.organizationId, query, fields),
    },
    create: { body: contactBody, handler: (context, body) => contacts.create(context, body) },
    get: (context, id) => contacts.get(context.organizationId, id),
    update: {
      body: contactBody,
      handler: (context, id, body) => contacts.update(context, id, body),
    },
    delete: (context, id) => contacts.delete(context, id),
  });
};

export default routes;
