/**
 * Reading the event log as `GET /event/` does: one organization's events of the last 30 days,
 * newest first, filtered by the combinations Close supports, paged by opaque cursors (`_skip` is
 * not supported). A cursor is the position of an event in the log and a direction: `cursor_next`
 * reads older events, `cursor_previous` newer ones.
 */
import type { CloseEvent } from '../../shared/close-objects.js';
import { statementCache, type Db } from '../store/db.js';
import { isoNow } from '../store/ids.js';

export const EVENT_RETENTION_DAYS = 30;
export const EVENT_PAGE_MAX = 50;

export const EVENT_FILTERS = [
  'object_type',
  'object_id',
  'action',
  'lead_id',
  'user_id',
  'request_id',
] as const;
export type EventFilterName = (typeof EVENT_FILTERS)[number];

/** The combinations Close documents (`date_updated__*` may join any of them). */
export const SUPPORTED_FILTER_COMBINATIONS: readonly (readonly EventFilterName[])[] = [
  [],
  ['object_type', 'object_id'],
  ['object_type', 'action'],
  ['object_id', 'action'],
  ['lead_id', 'object_type'],
  ['lead_id', 'object_type', 'action'],
  ['lead_id', 'user_id', 'object_type'],
  ['lead_id', 'user_id', 'object_type', 'action'],
  ['lead_id', 'user_id'],
  ['user_id', 'object_id'],
  ['user_id', 'object_id', 'action'],
  ['user_id', 'object_type'],
  ['user_id', 'object_type', 'action'],
  ['lead_id'],
  ['user_id'],
  ['request_id'],
];

export function isSupportedCombination(names: readonly EventFilterName[]): boolean {
  const given = [...names].sort().join(',');
  return SUPPORTED_FILTER_COMBINATIONS.some((combo) => [...combo].sort().join(',') === given);
}

export type EventQuery = Partial<Record<EventFilterName, string>> & {
  /** ISO dates, already normalized to `isoNow` form so that they compare as strings. */
  date_updated__gt?: string;
  date_updated__gte?: string;
  date_updated__lt?: string;
  date_updated__lte?: string;
  cursor?: Cursor;
  limit: number;
};

export type Cursor = { direction: 'next' | 'previous'; seq: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.direction === 'next' ? 'n' : 'p'}${cursor.seq}`).toString(
    'base64url',
  );
}

export function decodeCursor(value: string): Cursor | undefined {
  const match = /^([np])(\d{1,15})$/.exec(Buffer.from(value, 'base64url').toString('latin1'));
  if (!match?.[1] || !match[2]) return undefined;
  return { direction: match[1] === 'n' ? 'next' : 'previous', seq: Number(match[2]) };
}

export type EventPage = {
  data: CloseEvent[];
  cursor_next: string | null;
  cursor_previous: string | null;
};

const DATE_OPERATORS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

export class EventLog {
  private readonly statement: ReturnType<typeof statementCache>;

  constructor(db: Db) {
    this.statement = statementCache(db);
  }

  get(organizationId: string, id: string, now = new Date()): CloseEvent | undefined {
    const row = this.statement(
      'SELECT body FROM events WHERE id = ? AND organization_id = ? AND date_created >= ?',
    ).get(id, organizationId, retentionStart(now)) as { body: string } | undefined;
    return row && (JSON.parse(row.body) as CloseEvent);
  }

  list(organizationId: string, query: EventQuery, now = new Date()): EventPage {
    const where = ['organization_id = ?', 'date_created >= ?'];
    const params: (string | number)[] = [organizationId, retentionStart(now)];
    for (const name of EVENT_FILTERS) {
      const value = query[name];
      if (value === undefined) continue;
      where.push(`${name} = ?`);
      params.push(value);
    }
    // The mock never updates an event after writing it, so date_updated is date_created.
    for (const [suffix, operator] of Object.entries(DATE_OPERATORS)) {
      const value = query[`date_updated__${suffix}` as keyof EventQuery];
      if (typeof value !== 'string') continue;
      where.push(`date_created ${operator} ?`);
      params.push(value);
    }
    const filtered = where.join(' AND ');
    const older = query.cursor?.direction !== 'previous';
    const pageWhere = query.cursor ? `${filtered} AND seq ${older ? '<' : '>'} ?` : filtered;
    const pageParams = query.cursor ? [...params, query.cursor.seq] : params;
    const rows = this.statement(
      `SELECT seq, body FROM events WHERE ${pageWhere}
       ORDER BY seq ${older ? 'DESC' : 'ASC'} LIMIT ?`,
    ).all(...pageParams, query.limit + 1) as { seq: number; body: string }[];
    const more = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    if (!older) page.reverse();
    const newest = page[0]?.seq;
    const oldest = page.at(-1)?.seq;
    const exists = (condition: string, seq: number) =>
      Boolean(
        this.statement(`SELECT 1 FROM events WHERE ${filtered} AND seq ${condition} ? LIMIT 1`).get(
          ...params,
          seq,
        ),
      );
    const hasOlder = older ? more : oldest !== undefined && exists('<', oldest);
    const hasNewer = older ? newest !== undefined && exists('>', newest) : more;
    return {
      data: page.map((row) => JSON.parse(row.body) as CloseEvent),
      cursor_next:
        hasOlder && oldest !== undefined ? encodeCursor({ direction: 'next', seq: oldest }) : null,
      cursor_previous:
        hasNewer && newest !== undefined
          ? encodeCursor({ direction: 'previous', seq: newest })
          : null,
    };
  }
}

function retentionStart(now: Date): string {
  return isoNow(new Date(now.getTime() - EVENT_RETENTION_DAYS * 24 * 60 * 60 * 1000));
}
