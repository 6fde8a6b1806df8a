/**
 * The route builder every Close resource uses: given a path, the object's response schema, and
 * the operations the resource offers (list, create, get, update, delete), it registers
 * `GET/POST <path>` and `GET/PUT/DELETE <path>{id}/` with their zod schemas, scopes each call to
 * the key's organization, and passes the key's user and ID on as the actor of writes. Deletes
 * answer `{}` like Close.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf } from '../../../shared/close-objects.js';
import { notFound } from '../../errors.js';
import type { WriteContext } from '../../services/context.js';
import { fieldList, pickFields, type Page } from '../../services/listing.js';

export type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

/** The organization and actor of a request made with an API key. */
export function contextOf(request: FastifyRequest): WriteContext {
  const { organizationId, userId, keyId } = request.principal;
  return { organizationId, actor: { userId, apiKeyId: keyId, requestId: request.id } };
}

export const idParams = z.object({ id: z.string() });
export const fieldsQuery = z.object({ _fields: z.string().optional() });
export const emptyObject = z.object({});

type Item = z.ZodObject;

export type ResourceSpec<
  I extends Item,
  C extends z.ZodType,
  U extends z.ZodType,
  Q extends z.ZodType,
> = {
  /** The collection path, e.g. `/contact/`; items live at `<path>:id/`. */
  path: string;
  /** What a 404 calls the object ("Lead", "Contact", …). */
  noun: string;
  item: I;
  list?: {
    query: Q;
    handler: (
      context: WriteContext,
      query: z.output<Q>,
      fields: string[] | undefined,
    ) => Page<Partial<z.output<I>>>;
  };
  create?: { body: C; handler: (context: WriteContext, body: z.output<C>) => z.output<I> };
  get?: (
    context: WriteContext,
    id: string,
    fields: string[] | undefined,
  ) => z.output<I> | undefined;
  update?: {
    body: U;
    handler: (context: WriteContext, id: string, body: z.output<U>) => z.output<I>;
  };
  delete?: (context: WriteContext, id: string) => void;
};

/** Registers the operations of one resource. */
export function resourceRoutes<
  I extends Item,
  C extends z.ZodType,
  U extends z.ZodType,
  Q extends z.ZodType,
>(app: ZodApp, spec: ResourceSpec<I, C, U, Q>): void {
  const itemPath = `${spec.path}:id/`;
  // Widened to its bound: the route's reply type must not depend on the generic. With
  // `_fields` any field may be left out, so reads answer the partial schema.
  const item: Item = spec.item;
  const partialItem: Item = spec.item.partial();
  const { list, create, get, update } = spec;
  const remove = spec.delete;
  if (list) {
    app.get(
      spec.path,
      { schema: { querystring: list.query, response: { 200: listOf(partialItem) } } },
      async (request) => {
        const query = request.query as z.output<Q> & { _fields?: string };
        return list.handler(contextOf(request), query, fieldList(query._fields));
      },
    );
  }
  if (create) {
    app.post(
      spec.path,
      { schema: { body: create.body, response: { 200: item } } },
      async (request) => create.handler(contextOf(request), request.body as z.output<C>),
    );
  }
  if (get) {
    app.get(
      itemPath,
      { schema: { params: idParams, querystring: fieldsQuery, response: { 200: partialItem } } },
      async (request) => {
        const fields = fieldList(request.query._fields);
        const found = get(contextOf(request), request.params.id, fields);
        if (found === undefined) throw notFound(spec.noun);
        return pickFields(found, fields);
      },
    );
  }
  if (update) {
    app.put(
      itemPath,
      { schema: { params: idParams, body: update.body, response: { 200: item } } },
      async (request) =>
        update.handler(contextOf(request), request.params.id, request.body as z.output<U>),
    );
  }
  if (remove) {
    app.delete(
      itemPath,
      { schema: { params: idParams, response: { 200: emptyObject } } },
      async (request) => {
        remove(contextOf(request), request.params.id);
        return {};
      },
    );
  }
}
