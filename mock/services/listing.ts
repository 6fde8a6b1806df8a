/**
 * The list machinery every Close list endpoint shares: `_skip`/`_limit` (Close's default 100, a
 * maximum per resource), `_fields`, `_order_by` (a `-` for descending), and each resource's
 * filters (`lead_id`, `id__in`, `date_created__gte`, …) declared once as data. A resource states
 * its `ListSpec`; `listQuerySchema` turns it into the route's zod querystring (so a bad value is
 * a 400 naming the parameter) and `listPlan` into SQL over indexed columns.
 */
import type { SQLInputValue } from 'node:sqlite';
import { z } from 'zod';
import { isoNow } from '../store/ids.js';

export type Sql = { sql: string; params: SQLInputValue[] };

export type Filter =
  /** `column = value`; with `multiple`, a comma-separated value matches any of them. */
  | { kind: 'equals'; column: string; multiple?: boolean }
  /** `column IN (…)` from a comma-separated value. */
  | { kind: 'in'; column: string }
  | { kind: 'boolean'; column: string }
  /** A date or datetime bound; datetimes are normalized to the stored `+00:00` form. */
  | { kind: 'compare'; column: string; op: '>' | '>=' | '<' | '<='; value: 'datetime' | 'date' }
  | { kind: 'custom'; toSql: (value: string) => Sql };

export type ListSpec = {
  maxLimit: number;
  maxSkip: number;
  filters: Record<string, Filter>;
  /** `_order_by` field → SQL expression (indexed columns where a list is expected to be big). */
  orderBy: Record<string, string>;
  defaultOrder: string;
};

export type ListPlan = {
  where: Sql[];
  orderBy: string;
  limit: number;
  skip: number;
};

export type Page<T> = { data: T[]; has_more: boolean };

export const DEFAULT_LIMIT = 100;

const COMPARISONS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** `date_created__gt/gte/lt/lte` (and the same for any other date column). */
/** `param=a` (repeatable) and `param__in=a,b` on the same column, as Close pairs them. */
export function valueFilters(...columns: string[]): Record<string, Filter> {
  return Object.fromEntries(
    columns.flatMap((column) => [
      [column, { kind: 'equals', column, multiple: true } satisfies Filter],
      [`${column}__in`, { kind: 'in', column } satisfies Filter],
    ]),
  );
}

export function dateFilters(
  param: string,
  column: string = param,
  value: 'datetime' | 'date' = 'datetime',
): Record<string, Filter> {
  return Object.fromEntries(
    Object.entries(COMPARISONS).map(([suffix, op]) => [
      `${param}__${suffix}`,
      { kind: 'compare', column, op, value } satisfies Filter,
    ]),
  );
}

const DATE_INPUT =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A date or datetime in the stored form, or undefined when `value` is not one. */
export function normalizeDateInput(value: string, kind: 'datetime' | 'date'): string | undefined {
  const trimmed = value.trim();
  if (!DATE_INPUT.test(trimmed)) return undefined;
  if (kind === 'date' && trimmed.length === 10) return trimmed;
  // Without an offset Close reads a datetime as UTC.
  const withZone =
    /(?:Z|[+-]\d{2}:?\d{2})$/.test(trimmed) || trimmed.length === 10 ? trimmed : `${trimmed}Z`;
  const date = new Date(withZone.replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? undefined : isoNow(date);
}

const csv = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

function filterSchema(filter: Filter): z.ZodType<string | undefined> {
  switch (filter.kind) {
    case 'boolean':
      return z
        .string()
        .regex(/^(true|false|1|0)$/i, 'Use true or false.')
        .optional();
    case 'compare':
      return z
        .string()
        .refine(
          (value) => normalizeDateInput(value, filter.value) !== undefined,
          filter.value === 'date'
            ? 'Use a date (YYYY-MM-DD) or an ISO 8601 datetime.'
            : 'Use an ISO 8601 datetime, e.g. 2024-05-01T12:00:00+00:00, or a date.',
        )
        .optional();
    default:
      return z.string().optional();
  }
}

/** The querystring schema of a list route: paging, fields, order and the resource's filters. */
export function listQuerySchema(spec: ListSpec) {
  const orderFields = Object.keys(spec.orderBy);
  const filters = Object.fromEntries(
    Object.entries(spec.filters).map(([param, filter]) => [param, filterSchema(filter)]),
  );
  return z.object({
    ...filters,
    _skip: z.coerce
      .number()
      .int()
      .min(0)
      .max(spec.maxSkip, `_skip may be at most ${spec.maxSkip}; narrow the query instead.`)
      .default(0),
    _limit: z.coerce
      .number()
      .int()
      .min(0)
      .max(spec.maxLimit, `_limit may be at most ${spec.maxLimit}.`)
      .default(DEFAULT_LIMIT),
    _fields: z.string().optional(),
    _order_by: z
      .enum([...orderFields, ...orderFields.map((field) => `-${field}`)] as [string, ...string[]])
      .optional(),
  });
}

export type ListQuery = {
  _skip: number;
  _limit: number;
  _fields?: string | undefined;
  _order_by?: string | undefined;
  [param: string]: unknown;
};

/** `_fields=a,b` → `['a', 'b']`; undefined when absent or empty. */
export function fieldList(fields: string | undefined): string[] | undefined {
  const list = fields ? csv(fields) : [];
  return list.length > 0 ? list : undefined;
}

/** Only the named fields of each object, as Close answers `_fields`. */
export function pickFields<T extends object>(object: T, fields: string[] | undefined): Partial<T> {
  if (!fields) return object;
  const source = object as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const field of fields) if (field in source) picked[field] = source[field];
  return picked as Partial<T>;
}

function orderSql(spec: ListSpec, order: string): string {
  const descending = order.startsWith('-');
  const field = descending ? order.slice(1) : order;
  const expression = spec.orderBy[field];
  if (!expression) throw new Error(`no order expression for ${field}`);
  // rowid is the last column of every index, so the tie-break keeps index order (no sort).
  const direction = descending ? 'DESC' : 'ASC';
  return `${expression} ${direction}, rowid ${direction}`;
}

/** `column IN (?, …)` (false for no values): a list the planner can look up in an index. */
export function valuesIn(column: string, values: SQLInputValue[]): Sql {
  if (values.length === 0) return { sql: '0', params: [] };
  if (values.length === 1) return { sql: `${column} = ?`, params: values };
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: values };
}

function filterSql(filter: Filter, value: string): Sql {
  switch (filter.kind) {
    case 'equals':
      return valuesIn(filter.column, filter.multiple ? csv(value) : [value]);
    case 'in':
      return valuesIn(filter.column, csv(value));
    case 'boolean':
      return { sql: `${filter.column} = ?`, params: [/^(true|1)$/i.test(value) ? 1 : 0] };
    case 'compare':
      return {
        sql: `${filter.column} ${filter.op} ?`,
        params: [normalizeDateInput(value, filter.value) ?? value],
      };
    case 'custom':
      return filter.toSql(value);
  }
}

/** The SQL of a validated list query: filters, order and paging. */
export function listPlan(spec: ListSpec, query: ListQuery): ListPlan {
  const where: Sql[] = [];
  for (const [param, filter] of Object.entries(spec.filters)) {
    const value = query[param];
    if (typeof value === 'string' && value !== '') where.push(filterSql(filter, value));
  }
  return {
    where,
    orderBy: orderSql(spec, query._order_by ?? spec.defaultOrder),
    limit: query._limit,
    skip: query._skip,
  };
}
