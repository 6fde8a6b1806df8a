/**
 * `GET /api/v1/event/` and `GET /api/v1/event/{id}/`: the organization's event log as Close
 * serves it: newest first, 30 days, filtered by the documented combinations of `object_type`,
 * `object_id`, `action`, `lead_id`, `user_id` and `request_id` (plus `date_updated__*` with any),
 * paged with `_cursor` / `cursor_next` and `_limit` (capped at 50).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eventSchema } from '../../../shared/close-objects.js';
import { FieldErrors, notFound } from '../../errors.js';
import {
  decodeCursor,
  EVENT_FILTERS,
  EVENT_PAGE_MAX,
  isSupportedCombination,
  SUPPORTED_FILTER_COMBINATIONS,
  type EventQuery,
} from '../../services/event-log.js';
import { isoNow } from '../../store/ids.js';

/** An ISO date or datetime; normalized so that it compares with stored dates as a string. */
const dateFilter = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), {
    message: 'An ISO 8601 date or date and time, e.g. 2024-05-01T12:00:00+00:00.',
  })
  .transform((value) => isoNow(new Date(value)))
  .optional();

const filterValue = z.string().trim().min(1).max(200).optional();

const listQuery = z.object({
  _limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(EVENT_PAGE_MAX)
    .transform((limit) => Math.min(limit, EVENT_PAGE_MAX)),
  _cursor: z.string().max(100).optional(),
  object_type: filterValue,
  object_id: filterValue,
  action: filterValue,
  lead_id: filterValue,
  user_id: filterValue,
  request_id: filterValue,
  date_updated__gt: dateFilter,
  date_updated__gte: dateFilter,
  date_updated__lt: dateFilter,
  date_updated__lte: dateFilter,
});

const COMBINATIONS_TEXT = SUPPORTED_FILTER_COMBINATIONS.filter((combo) => combo.length > 0)
  .map((combo) => combo.join(' + '))
  .join('; ');

const routes: FastifyPluginAsyncZod = async (app) => {
  const { eventLog } = app.services;

  app.get(
    '/event/',
    {
      schema: {
        querystring: listQuery,
        response: {
          200: z.object({
            data: z.array(eventSchema),
            cursor_next: z.string().nullable(),
            cursor_previous: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const { _limit, _cursor, ...filters } = request.query;
      const given = EVENT_FILTERS.filter((name) => filters[name] !== undefined);
      if (!isSupportedCombination(given)) {
        throw new FieldErrors({}, [
          `Unsupported combination of event filters (${given.join(' + ')}). Supported: ` +
            `${COMBINATIONS_TEXT}; date_updated__gt/gte/lt/lte may be added to any.`,
        ]);
      }
      const query: EventQuery = { ...filters, limit: _limit };
      if (_cursor !== undefined) {
        const cursor = decodeCursor(_cursor);
        if (!cursor) {
          throw new FieldErrors({
            _cursor: 'Not a cursor this endpoint issued; use cursor_next or cursor_previous.',
          });
        }
        query.cursor = cursor;
      }
      return eventLog.list(request.principal.organizationId, query);
    },
  );

  app.get(
    '/event/:id/',
    {
      schema: {
        params: z.object({ id: z.string().max(100) }),
        response: { 200: eventSchema },
      },
    },
    async (request) => {
      const event = eventLog.get(request.principal.organizationId, request.params.id);
      if (!event) throw notFound(`Event ${request.params.id}`);
      return event;
    },
  );
};

export default routes;
