/**
 * Lead statuses (`/status/lead/`), opportunity statuses (`/status/opportunity/`) and pipelines
 * (`/pipeline/`), with the methods Close offers: list and create, rename (`PUT`) and delete by
 * ID. Pipelines answer 201 on create and 204 on delete, as Close's API description says.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  leadStatusSchema,
  listOf,
  OPPORTUNITY_STATUS_TYPES,
  opportunityStatusSchema,
  pipelineSchema,
} from '../../../shared/close-objects.js';
import { contextOf, fieldsQuery, idParams, resourceRoutes } from './resource.js';

const label = z.string().trim().min(1, 'A status needs a label.');
const unpaged = <T>(data: T[]) => ({ data, has_more: false });

const routes: FastifyPluginAsyncZod = async (app) => {
  const { statuses } = app.services.crm;

  resourceRoutes(app, {
    path: '/status/lead/',
    noun: 'Lead status',
    item: leadStatusSchema,
    list: {
      query: fieldsQuery,
      handler: (context) => unpaged(statuses.leadStatuses(context.organizationId)),
    },
    create: {
      body: z.object({ label }),
      handler: (context, body) => statuses.createLeadStatus(context, body),
    },
    update: {
      body: z.object({ label }),
      handler: (context, id, body) => statuses.renameLeadStatus(context, id, body),
    },
    delete: (context, id) => statuses.deleteLeadStatus(context, id),
  });

  resourceRoutes(app, {
    path: '/status/opportunity/',
    noun: 'Opportunity status',
    item: opportunityStatusSchema,
    list: {
      query: fieldsQuery,
      handler: (context) => unpaged(statuses.opportunityStatuses(context.organizationId)),
    },
    create: {
      body: z.object({
        label,
        type: z.enum(OPPORTUNITY_STATUS_TYPES),
        pipeline_id: z.string().optional(),
      }),
      handler: (context, body) => statuses.createOpportunityStatus(context, body),
    },
    update: {
      body: z.object({ label }),
      handler: (context, id, body) => statuses.renameOpportunityStatus(context, id, body),
    },
    delete: (context, id) => statuses.deleteOpportunityStatus(context, id),
  });

  const name = z.string().trim().min(1, 'A pipeline needs a name.');
  app.get(
    '/pipeline/',
    { schema: { response: { 200: listOf(pipelineSchema) } } },
    async (request) => unpaged(statuses.pipelines(request.principal.organizationId)),
  );
  app.post(
    '/pipeline/',
    { schema: { body: z.object({ name }), response: { 201: pipelineSchema } } },
    async (request, reply) =>
      reply.code(201).send(statuses.createPipeline(contextOf(request), request.body)),
  );
  app.put(
    '/pipeline/:id/',
    {
      schema: {
        params: idParams,
        body: z.object({
          name: name.optional(),
          statuses: z.array(z.object({ id: z.string() })).optional(),
        }),
        response: { 200: pipelineSchema },
      },
    },
    async (request) => statuses.updatePipeline(contextOf(request), request.params.id, request.body),
  );
  app.delete('/pipeline/:id/', { schema: { params: idParams } }, async (request, reply) => {
    statuses.deletePipeline(contextOf(request), request.params.id);
    return reply.code(204).send();
  });
};

export default routes;
