/**
 * Smart views (`/saved_search/`): a named lead query. The query is kept as Close's search string
 * and as the equivalent advanced filtering query (`s_query`); either may be sent. Both are
 * checked when saved, so a smart view that is stored always runs.
 */
import type { CloseSavedSearch } from '../../shared/close-objects.js';
import { transaction } from '../store/db.js';
import { newId } from '../store/ids.js';
import {
  touched,
  created,
  fieldError,
  found,
  previousValues,
  type WriteContext,
  changeRecorder,
  type RecordChange,
} from './context.js';
import type { Crm } from './crm.js';
import {
  dateFilters,
  listPlan,
  pickFields,
  type ListQuery,
  type ListSpec,
  type Page,
} from './listing.js';
import { ObjectTable } from './records.js';
import { targetOf } from './search-compiler.js';
import type { SearchQuery } from './search-query.js';

export type SavedSearch = CloseSavedSearch & {
  organization_id: string;
  query: string;
  s_query: SearchQuery | null;
  type: 'lead';
  user_id: string | null;
  is_shared: boolean;
  created_by: string | null;
  updated_by: string | null;
};

export type SavedSearchInput = {
  name?: string | undefined;
  query?: string | undefined;
  s_query?: SearchQuery | undefined;
  type?: 'lead' | undefined;
  is_shared?: boolean | undefined;
};

export const SAVED_SEARCH_LIST: ListSpec = {
  maxLimit: 200,
  maxSkip: 10_000,
  filters: {
    type: { kind: 'custom', toSql: (value) => ({ sql: value === 'lead' ? '1' : '0', params: [] }) },
    type__in: {
      kind: 'custom',
      toSql: (value) => ({ sql: value.split(',').includes('lead') ? '1' : '0', params: [] }),
    },
    user_id: { kind: 'equals', column: 'user_id' },
    ...dateFilters('date_created'),
    ...dateFilters('date_updated'),
  },
  orderBy: {
    date_created: 'date_created',
    date_updated: 'date_updated',
    name: "json_extract(body, '$.name')",
  },
  defaultOrder: 'date_created',
};

export class SavedSearchService {
  readonly table: ObjectTable<SavedSearch>;
  private readonly record: RecordChange<SavedSearch>;

  constructor(private readonly crm: Crm) {
    this.table = new ObjectTable<SavedSearch>(crm.db, 'saved_searches', {
      user_id: (search) => search.user_id,
      date_created: (search) => search.date_created,
      date_updated: (search) => search.date_updated,
    });
    this.record = changeRecorder(crm.events, 'saved_search', () => null);
  }

  get(organizationId: string, id: string): SavedSearch | undefined {
    return this.table.get(organizationId, id);
  }

  list(organizationId: string, query: ListQuery, fields?: string[]): Page<Partial<SavedSearch>> {
    const page = this.table.page(organizationId, listPlan(SAVED_SEARCH_LIST, query));
    return { data: page.data.map((search) => pickFields(search, fields)), has_more: page.has_more };
  }

  /** What a smart view selects, as an advanced filtering query. */
  queryOf(search: SavedSearch): SearchQuery {
    return search.s_query ?? this.crm.search.parseLeadQuery(search.organization_id, search.query);
  }

  create(context: WriteContext, input: SavedSearchInput): SavedSearch {
    return transaction(this.crm.db, () => {
      if (!input.name) throw fieldError('name', 'This field is required.');
      const selection = this.selection(context.organizationId, input);
      if (!selection) throw fieldError('query', 'Send a query (search string) or an s_query.');
      const search: SavedSearch = {
        id: newId('save'),
        organization_id: context.organizationId,
        name: input.name,
        type: 'lead',
        ...selection,
        user_id: context.actor.userId,
        is_shared: input.is_shared ?? true,
        ...created(context),
      };
      this.table.insert(search);
      this.record(context, 'created', search);
      return search;
    });
  }

  update(context: WriteContext, id: string, input: SavedSearchInput): SavedSearch {
    return transaction(this.crm.db, () => {
      const before = found(this.table.get(context.organizationId, id), 'Smart view');
      const selection = this.selection(context.organizationId, input);
      const changed: SavedSearch = {
        ...before,
        ...(input.name !== undefined && { name: input.name }),
        ...(input.is_shared !== undefined && { is_shared: input.is_shared }),
        ...selection,
      };
      if (Object.keys(previousValues(before, changed)).length === 0) return before;
      const after: SavedSearch = {
        ...changed,
        ...touched(context),
      };
      this.table.update(after);
      this.record(context, 'updated', after, previousValues(before, after));
      return after;
    });
  }

  delete(context: WriteContext, id: string): void {
    transaction(this.crm.db, () => {
      const search = found(this.table.get(context.organizationId, id), 'Smart view');
      this.table.delete(context.organizationId, id);
      this.record(context, 'deleted', search);
    });
  }

  /** The query string and s_query from an input, checked by compiling them. */
  private selection(
    organizationId: string,
    input: SavedSearchInput,
  ): Pick<SavedSearch, 'query' | 's_query'> | undefined {
    if (input.type !== undefined && input.type !== 'lead') {
      throw fieldError('type', 'The mock keeps smart views of leads only.');
    }
    if (input.s_query !== undefined) {
      if (targetOf(input.s_query) !== 'lead')
        throw fieldError('s_query', 'A smart view selects leads.');
      this.crm.search.compile(organizationId, input.s_query, 'lead');
      return { query: input.query ?? '', s_query: input.s_query };
    }
    if (input.query !== undefined) {
      const s_query = this.crm.search.parseLeadQuery(organizationId, input.query);
      this.crm.search.compile(organizationId, s_query, 'lead');
      return { query: input.query, s_query };
    }
    return undefined;
  }
}
