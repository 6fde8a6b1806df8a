/**
 * Control plane: fault injection. `POST /_mock/faults` queues a fault for the next `count` API
 * requests matching `method` and `path` (exact, or a glob with `*` within a segment and `**`
 * across segments): an error status (with optional `body` and `headers`), a `delay_ms` before
 * the normal or faulted answer, a dropped connection (`drop`), or a 200 with a `body` string sent
 * verbatim, such as malformed JSON. `GET` lists what is queued, `DELETE` clears it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const HTTP_METHODS = ['*', 'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const DELAY_MAX_MS = 60_000;

const faultBody = z
  .object({
    method: z
      .string()
      .transform((value) => value.toUpperCase())
      .pipe(z.enum(HTTP_METHODS))
      .default('*'),
    path: z.string().startsWith('/', 'A path such as /api/v1/lead/ or /api/v1/lead/**.').max(500),
    count: z.number().int().min(1).max(10_000).default(1),
    status: z.number().int().min(200).max(599).optional(),
    delay_ms: z.number().int().min(0).max(DELAY_MAX_MS).optional(),
    drop: z.boolean().optional(),
    body: z.unknown().optional(),
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/), z.string().max(1000)).optional(),
  })
  .strict()
  .refine(
    (fault) =>
      fault.status !== undefined ||
      fault.delay_ms !== undefined ||
      fault.drop === true ||
      fault.body !== undefined,
    { message: 'Give at least one of status, delay_ms, drop or body.' },
  )
  .refine((fault) => !fault.drop || (fault.status === undefined && fault.body === undefined), {
    message: 'A dropped connection has no status or body.',
    path: ['drop'],
  });

const faultSchema = z.object({
  id: z.string(),
  method: z.string(),
  path: z.string(),
  count: z.number(),
  remaining: z.number(),
  status: z.number().optional(),
  delay_ms: z.number().optional(),
  drop: z.boolean().optional(),
  body: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  date_created: z.string(),
});

const routes: FastifyPluginAsyncZod = async (app) => {
  const { faults } = app.services;

  app.post(
    '/faults',
    { schema: { body: faultBody, response: { 201: faultSchema } } },
    async (request, reply) => reply.code(201).send(faults.add(request.body)),
  );

  app.get(
    '/faults',
    { schema: { response: { 200: z.object({ data: z.array(faultSchema) }) } } },
    async () => ({ data: faults.list() }),
  );

  app.delete(
    '/faults',
    { schema: { response: { 200: z.object({ cleared: z.number() }) } } },
    async () => ({ cleared: faults.clear() }),
  );
};

export default routes;
