/**
 * `/custom_field/lead|contact|opportunity/`: the custom fields of each object type — list,
 * create, read, update (name, description, choices, multiple values; not the type) and delete
 * (which removes the field's values from every object).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CUSTOM_FIELD_OBJECTS,
  CUSTOM_FIELD_TYPES,
  customFieldSchema,
} from '../../../shared/close-objects.js';
import { pickFields } from '../../services/listing.js';
import { fieldsQuery, resourceRoutes } from './resource.js';

const customFieldBody = z.object({
  name: z.string().trim().min(1, 'A custom field needs a name.'),
  type: z.enum(CUSTOM_FIELD_TYPES),
  description: z.string().nullable().optional(),
  accepts_multiple_values: z.boolean().optional(),
  choices: z.array(z.string().min(1)).optional(),
  required: z.boolean().optional(),
});

const routes: FastifyPluginAsyncZod = async (app) => {
  const { customFields } = app.services.crm;
  for (const objectType of CUSTOM_FIELD_OBJECTS) {
    resourceRoutes(app, {
      path: `/custom_field/${objectType}/`,
      noun: 'Custom field',
      item: customFieldSchema,
      list: {
        query: fieldsQuery.extend({
          _skip: z.coerce.number().int().min(0).default(0),
          _limit: z.coerce.number().int().min(0).max(1000).default(100),
        }),
        handler: (context, query, fields) => {
          const all = customFields.list(context.organizationId, objectType);
          return {
            data: all
              .slice(query._skip, query._skip + query._limit)
              .map((field) => pickFields(field, fields)),
            has_more: all.length > query._skip + query._limit,
          };
        },
      },
      create: {
        body: customFieldBody,
        handler: (context, body) => customFields.create(context, objectType, body),
      },
      get: (context, id) => customFields.get(context.organizationId, objectType, id),
      update: {
        body: customFieldBody.partial(),
        handler: (context, id, body) => customFields.update(context, objectType, id, body),
      },
      delete: (context, id) => customFields.delete(context, objectType, id),
    });
  }
};

export default routes;
