/**
 * Polling Close for the newest items, shared by every trigger's poll (`perform` of polling
 * triggers, `performList` of hook triggers): one request, asking Close only for as many of the
 * newest items as Zapier can use, newest first. Zapier dedupes on each item's id, so nothing here
 * remembers what an earlier poll saw.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { z as zod } from 'zod';
import { listOf } from '../../shared/close-objects.js';
import { closeGet } from './close-request.js';

/** Zapier handles at most 100 new items per poll; more would only be thrown away. */
export const POLL_MAX_ITEMS = 100;
/** The Zap editor shows three samples; a few more survive filters applied after fetching. */
export const SAMPLE_ITEMS = 10;

/** How many items to ask Close for: what Zapier says it needs, never more than it can use. */
export function pollLimit(bundle: Pick<Bundle, 'meta'>): number {
  const meta = bundle.meta as Partial<Bundle['meta']> | undefined;
  if (meta?.limit !== undefined && meta.limit > 0) return Math.min(meta.limit, POLL_MAX_ITEMS);
  return meta?.isLoadingSample ? SAMPLE_ITEMS : POLL_MAX_ITEMS;
}

export type ListParams = Record<string, string | number | boolean | undefined>;

/** Drops unset filters, so that an empty optional input never reaches Close as `x=`. */
export function definedParams(params: ListParams): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

/**
 * The newest items of a Close list endpoint, newest first by `orderBy` (a date field), in one
 * request. The order is also applied here, so a server that ignores `_order_by` cannot make a
 * poll return its oldest items first.
 */
export async function newestItems<S extends zod.ZodType<Record<string, unknown>>>(
  z: ZObject,
  options: {
    path: string;
    item: S;
    limit: number;
    orderBy?: 'date_created' | 'date_updated';
    /** `_fields`: only what the formatter reads, where that is smaller than the whole object. */
    fields?: readonly string[];
    params?: ListParams;
  },
): Promise<zod.output<S>[]> {
  const orderBy = options.orderBy ?? 'date_created';
  const list = await closeGet(
    z,
    options.path,
    listOf(options.item),
    definedParams({
      ...options.params,
      _order_by: `-${orderBy}`,
      _limit: options.limit,
      ...(options.fields && { _fields: options.fields.join(',') }),
    }),
  );
  return newestFirst(list.data as zod.output<S>[], orderBy).slice(0, options.limit);
}

/** Sorts by a Close date (ISO 8601 with offset), newest first; stable for equal dates. */
export function newestFirst<T extends Record<string, unknown>>(items: T[], key: string): T[] {
  const time = (item: T) => {
    const value = item[key];
    return typeof value === 'string' ? Date.parse(value) : 0;
  };
  return items
    .map((item, index) => ({ item, index, at: time(item) }))
    .sort((a, b) => b.at - a.at || a.index - b.index)
    .map(({ item }) => item);
}
