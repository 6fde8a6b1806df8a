/**
 * Close's webhook event filters (`extra_filter` on a subscription's event): a small JSON language
 * of `equals`, `not_equals`, `is_null`, `non_null`, `contains`, `and`, `or`, `not` and
 * `field_accessor` (which descends into a field of the event, e.g. `data` then `status_label`).
 * Parsed by hand rather than with a recursive zod schema so that nesting depth is bounded before
 * anything recurses: a hostile filter must end in a 400, never in a stack overflow.
 */

export type EventFilter =
  | { type: 'equals' | 'not_equals' | 'contains'; value: unknown }
  | { type: 'is_null' | 'non_null' }
  | { type: 'and' | 'or'; filters: EventFilter[] }
  | { type: 'not'; filter: EventFilter }
  | { type: 'field_accessor'; field: string; filter: EventFilter };

export const EVENT_FILTER_TYPES = [
  'equals',
  'not_equals',
  'is_null',
  'non_null',
  'contains',
  'and',
  'or',
  'not',
  'field_accessor',
] as const;

const MAX_DEPTH = 16;
const MAX_NODES = 200;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The filter, or a message saying where it is wrong (`extra_filter.filter.type: …`). */
export function parseEventFilter(
  input: unknown,
): { ok: true; filter: EventFilter } | { ok: false; message: string } {
  let nodes = 0;
  const walk = (value: unknown, at: string, depth: number): EventFilter => {
    if (depth > MAX_DEPTH) throw new FilterError(`${at}: filters nest at most ${MAX_DEPTH} deep`);
    if (++nodes > MAX_NODES) throw new FilterError(`a filter has at most ${MAX_NODES} parts`);
    if (!isRecord(value)) throw new FilterError(`${at}: a filter is an object with a "type"`);
    const type = value.type;
    switch (type) {
      case 'equals':
      case 'not_equals':
      case 'contains':
        if (!('value' in value)) throw new FilterError(`${at}: "${type}" needs a "value"`);
        return { type, value: value.value };
      case 'is_null':
      case 'non_null':
        return { type };
      case 'and':
      case 'or': {
        const filters = value.filters;
        if (!Array.isArray(filters) || filters.length === 0) {
          throw new FilterError(`${at}: "${type}" needs a non-empty "filters" list`);
        }
        return {
          type,
          filters: filters.map((item, i) => walk(item, `${at}.filters[${i}]`, depth + 1)),
        };
      }
      case 'not':
        return { type, filter: walk(value.filter, `${at}.filter`, depth + 1) };
      case 'field_accessor': {
        if (typeof value.field !== 'string' || value.field === '') {
          throw new FilterError(`${at}: "field_accessor" needs a "field" name`);
        }
        return {
          type,
          field: value.field,
          filter: walk(value.filter, `${at}.filter`, depth + 1),
        };
      }
      default:
        throw new FilterError(
          `${at}: unknown filter type ${JSON.stringify(type)}; use one of ${EVENT_FILTER_TYPES.join(', ')}`,
        );
    }
  };
  try {
    return { ok: true, filter: walk(input, 'extra_filter', 0) };
  } catch (error) {
    if (error instanceof FilterError) return { ok: false, message: error.message };
    throw error;
  }
}

class FilterError extends Error {}

/** Whether `value` (the whole event at the top) passes `filter`. */
export function matchesEventFilter(filter: EventFilter, value: unknown): boolean {
  switch (filter.type) {
    case 'equals':
      return deepEqual(value, filter.value);
    case 'not_equals':
      return !deepEqual(value, filter.value);
    case 'is_null':
      return value === null || value === undefined;
    case 'non_null':
      return value !== null && value !== undefined;
    case 'contains':
      if (Array.isArray(value)) return value.some((item) => deepEqual(item, filter.value));
      return (
        typeof value === 'string' &&
        typeof filter.value === 'string' &&
        value.includes(filter.value)
      );
    case 'and':
      return filter.filters.every((inner) => matchesEventFilter(inner, value));
    case 'or':
      return filter.filters.some((inner) => matchesEventFilter(inner, value));
    case 'not':
      return !matchesEventFilter(filter.filter, value);
    case 'field_accessor':
      return matchesEventFilter(filter.filter, isRecord(value) ? value[filter.field] : undefined);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
