/**
 * Searching: advanced filtering queries (`POST /data/search/`, smart views) run with Close's
 * cursor paging and `_fields`. Lead `query` strings are parsed into the same query first, so the
 * lead list's filter, smart views and `/data/search/` select leads alike. The SQL comes from
 * search-compiler.ts.
 */
import type { CloseSearchResult } from '../../shared/close-objects.js';
import { fieldError } from './context.js';
import type { Crm } from './crm.js';
import { parseLeadQuery } from './lead-query.js';
import { pickFields, type Sql } from './listing.js';
import { Lookups } from './lookups.js';
import type { ObjectTable, StoredObject } from './records.js';
import { Compiler, TABLES, targetOf } from './search-compiler.js';
import {
  SEARCH_PAGE_DEFAULT,
  type SearchObjectType,
  type SearchQuery,
  type SearchRequest,
} from './search-query.js';

const SORTABLE: Record<string, (table: string) => string> = {
  date_created: () => 'date_created',
  date_updated: () => 'date_updated',
  name: () => "json_extract(body, '$.name')",
  display_name: () => "json_extract(body, '$.display_name')",
};

export class SearchService {
  constructor(private readonly crm: Crm) {}

  /** The SQL condition (over the leads table) of a lead `query` string. */
  leadQuerySql(organizationId: string, query: string): Sql {
    return this.compile(organizationId, this.parseLeadQuery(organizationId, query), 'lead');
  }

  parseLeadQuery(organizationId: string, query: string): SearchQuery {
    return parseLeadQuery(query, (nameOrId) =>
      this.crm.customFields.resolve(organizationId, 'lead', nameOrId),
    );
  }

  /** The condition selecting objects of `target` (unaliased, as the table's own name). */
  compile(organizationId: string, query: SearchQuery, target: SearchObjectType): Sql {
    return new Compiler(this.crm, organizationId).node(
      query,
      { type: target, alias: TABLES[target] },
      0,
    );
  }

  /** `POST /data/search/`: one page of hits and the cursor of the next. */
  run(organizationId: string, request: SearchRequest): CloseSearchResult {
    const target = targetOf(request.query);
    const where = this.compile(organizationId, request.query, target);
    const offset = decodeCursor(request.cursor);
    const pageSize = request._limit ?? SEARCH_PAGE_DEFAULT;
    const cap = request.results_limit ?? Number.POSITIVE_INFINITY;
    const take = Math.max(0, Math.min(pageSize, cap - offset));
    const orderBy = sortSql(request.sort, target);
    const { hits, more } = this.page(
      organizationId,
      target,
      where,
      orderBy,
      take,
      offset,
      request._fields?.[target],
    );
    const hasMore = more && offset + take < cap;
    return {
      data: hits,
      cursor: hasMore ? encodeCursor(offset + take) : null,
      ...(request.include_counts && {
        count: { total: Math.min(cap, this.table(target).count(organizationId, [where])) },
      }),
    };
  }

  private table(target: SearchObjectType) {
    return {
      lead: this.crm.leads.table,
      contact: this.crm.contacts.table,
      opportunity: this.crm.opportunities.table,
    }[target];
  }

  /** One page of hits: `__object_type` and `id`, plus the fields asked for. */
  private page(
    organizationId: string,
    target: SearchObjectType,
    where: Sql,
    orderBy: string,
    take: number,
    offset: number,
    fields: string[] | undefined,
  ): { hits: CloseSearchResult['data']; more: boolean } {
    if (take === 0) return { hits: [], more: false };
    const hit = (object: StoredObject) => ({
      __object_type: target,
      ...(fields && pickFields(object, fields)),
      id: object.id,
    });
    const select = <T extends StoredObject>(
      table: ObjectTable<T>,
      present: (records: T[]) => StoredObject[],
    ) => {
      const rows = table.select(organizationId, [where], orderBy, take + 1, offset);
      const records = rows.slice(0, take);
      return { hits: (fields ? present(records) : records).map(hit), more: rows.length > take };
    };
    switch (target) {
      case 'lead':
        return select(this.crm.leads.table, (records) =>
          this.crm.leads.present(organizationId, records, [...(fields ?? []), 'id']),
        );
      case 'contact':
        return select(this.crm.contacts.table, (records) => records);
      case 'opportunity':
        return select(this.crm.opportunities.table, (records) =>
          this.crm.opportunities.present(new Lookups(this.crm, organizationId), records),
        );
    }
  }
}

function sortSql(sort: SearchRequest['sort'], target: SearchObjectType): string {
  if (sort.length === 0) return 'date_created DESC, rowid DESC';
  const parts = sort.map((item, index) => {
    const expression = SORTABLE[item.field.field_name];
    if (item.field.object_type !== target || !expression) {
      throw fieldError(
        `sort.${index}.field`,
        `Sort by ${Object.keys(SORTABLE).join(', ')} of the ${target}.`,
      );
    }
    return `${expression(TABLES[target])} ${item.direction === 'desc' ? 'DESC' : 'ASC'}`;
  });
  const last = sort.at(-1)?.direction === 'desc' ? 'DESC' : 'ASC';
  return [...parts, `rowid ${last}`].join(', ');
}

function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  try {
    const { offset } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      offset?: unknown;
    };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the error below
  }
  throw fieldError('cursor', 'This cursor was not returned by a search; start without one.');
}
