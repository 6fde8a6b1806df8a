/**
 * `/task/`: lead tasks — list (by lead, assignee, completion, due date, dates), create, read,
 * update (only the fields sent; completing one writes a TaskCompleted activity), delete.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { taskSchema } from '../../../shared/close-objects.js';
import { listQuerySchema } from '../../services/listing.js';
import { TASK_LIST } from '../../services/tasks.js';
import { resourceRoutes } from './resource.js';

const taskBody = z.object({
  _type: z.literal('lead', 'The mock keeps lead tasks only.').optional(),
  lead_id: z.string(),
  text: z.string().min(1, 'A task needs a text.'),
  assigned_to: z.string().nullable().optional(),
  date: z.string().nullable().optional(),
  is_complete: z.boolean().optional(),
});

const routes: FastifyPluginAsyncZod = async (app) => {
  const { tasks } = app.services.crm;
  resourceRoutes(app, {
    path: '/task/',
    noun: 'Task',
    item: taskSchema,
    list: {
      query: listQuerySchema(TASK_LIST),
      handler: (context, query, fields) => tasks.list(context.organizationId, query, fields),
    },
    create: { body: taskBody, handler: (context, body) => tasks.create(context, body) },
    get: (context, id) => tasks.get(context.organizationId, id),
    update: {
      body: taskBody.partial(),
      handler: (context, id, body) => tasks.update(context, id, body),
    },
    delete: (context, id) => tasks.delete(context, id),
  });
};

export default routes;
