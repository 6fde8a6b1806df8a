/**
 * The search compiler: an advanced filtering query (services/search-query.ts) becomes one SQL
 * condition over a CRM table. Word matches use the normalized word texts of `text.ts`; related
 * objects become `IN (SELECT …)` subqueries, which SQLite evaluates once per query, not once per
 * row; contacts' emails and phones are looked up in `contact_points` instead of their JSON.
 */
import { customFieldKey } from '../../shared/close-objects.js';
import { fieldError } from './context.js';
import type { Crm } from './crm.js';
import type { CustomField } from './custom-fields.js';
import { valuesIn, type Sql } from './listing.js';
import type {
  RelatedObjectType,
  SearchCondition,
  SearchObjectType,
  SearchQuery,
} from './search-query.js';
import { digits, wordPatterns, wordText, type TextMode } from './text.js';

type Scope = { type: RelatedObjectType; alias: string };
type FieldKind = 'text' | 'id' | 'number' | 'lead_status' | 'opportunity_status' | 'phone';
type FieldDef = { kind: FieldKind; expr: (alias: string) => string };

const json =
  (path: string): FieldDef['expr'] =>
  (alias) =>
    `json_extract(${alias}.body, '$.${path}')`;
const column =
  (name: string): FieldDef['expr'] =>
  (alias) =>
    `${alias}.${name}`;
const text = (path: string): FieldDef => ({ kind: 'text', expr: json(path) });
const id = (name: string): FieldDef => ({ kind: 'id', expr: column(name) });

const REGULAR_FIELDS: Record<RelatedObjectType, Record<string, FieldDef>> = {
  lead: {
    id: id('id'),
    name: text('name'),
    display_name: text('display_name'),
    description: text('description'),
    url: text('url'),
    status_id: id('status_id'),
    status_label: { kind: 'lead_status', expr: column('status_id') },
  },
  contact: {
    id: id('id'),
    lead_id: id('lead_id'),
    name: text('name'),
    display_name: text('display_name'),
    title: text('title'),
  },
  opportunity: {
    id: id('id'),
    lead_id: id('lead_id'),
    note: text('note'),
    status_id: id('status_id'),
    status_type: id('status_type'),
    status_label: { kind: 'opportunity_status', expr: column('status_id') },
    pipeline_id: id('pipeline_id'),
    user_id: id('user_id'),
    value_period: id('value_period'),
    value: { kind: 'number', expr: json('value') },
    confidence: { kind: 'number', expr: json('confidence') },
  },
  contact_email: {
    email: { kind: 'text', expr: (alias) => `json_extract(${alias}.value, '$.email')` },
    type: { kind: 'id', expr: (alias) => `json_extract(${alias}.value, '$.type')` },
  },
  contact_phone: {
    phone: { kind: 'phone', expr: (alias) => `json_extract(${alias}.value, '$.phone')` },
    type: { kind: 'id', expr: (alias) => `json_extract(${alias}.value, '$.type')` },
  },
};

export const TABLES: Record<SearchObjectType, string> = {
  lead: 'leads',
  contact: 'contacts',
  opportunity: 'opportunities',
};

/** The words of an object that a free `text` query matches. */
const FREE_TEXT: Record<RelatedObjectType, (alias: string) => string> = {
  lead: (alias) => `${alias}.search_text`,
  contact: (alias) => {
    const each = (path: string, field: string) =>
      `(SELECT group_concat(json_extract(item.value, '$.${field}'), ' ') FROM json_each(${alias}.body, '$.${path}') item)`;
    const fields = [
      `json_extract(${alias}.body, '$.name')`,
      `json_extract(${alias}.body, '$.title')`,
      each('emails', 'email'),
      each('phones', 'phone'),
    ];
    return `(${fields.map((field) => `close_words(${field})`).join(' || ')})`;
  },
  opportunity: (alias) => `close_words(json_extract(${alias}.body, '$.note'))`,
  contact_email: (alias) => `close_words(json_extract(${alias}.value, '$.email'))`,
  contact_phone: (alias) => `close_digits(json_extract(${alias}.value, '$.phone'))`,
};

export const searchError = (message: string) => fieldError('query', message);
const TRUE: Sql = { sql: '1', params: [] };
const FALSE: Sql = { sql: '0', params: [] };
const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');
const MAX_SAVED_SEARCH_DEPTH = 5;

export class Compiler {
  private aliases = 0;

  constructor(
    private readonly crm: Crm,
    private readonly organizationId: string,
  ) {}

  node(query: SearchQuery, scope: Scope, depth: number): Sql {
    const sql = this.positive(query, scope, depth);
    return query.negate ? { sql: `NOT (${sql.sql})`, params: sql.params } : sql;
  }

  private positive(query: SearchQuery, scope: Scope, depth: number): Sql {
    switch (query.type) {
      case 'and':
      case 'or': {
        if (query.queries.length === 0) return query.type === 'and' ? TRUE : FALSE;
        const parts = query.queries.map((child) => this.node(child, scope, depth));
        return {
          sql: parts.map((part) => `(${part.sql})`).join(query.type === 'and' ? ' AND ' : ' OR '),
          params: parts.flatMap((part) => part.params),
        };
      }
      case 'match_all':
        return TRUE;
      case 'object_type':
        return query.object_type === scope.type ? TRUE : FALSE;
      case 'text':
        return wordMatch(
          FREE_TEXT[scope.type](scope.alias),
          query.mode ?? 'full_words',
          query.value,
          scope.type === 'contact_phone',
        );
      case 'field_condition':
        return this.fieldCondition(query.field, query.condition, scope);
      case 'has_related':
        return this.related(query, scope, depth);
      case 'saved_search':
        return this.savedSearch(query.saved_search_id, scope, depth);
    }
  }

  private fieldCondition(
    field: Extract<SearchQuery, { type: 'field_condition' }>['field'],
    condition: SearchCondition,
    scope: Scope,
  ): Sql {
    if (field.type === 'custom_field')
      return this.customCondition(field.custom_field_id, condition, scope);
    if (field.object_type !== scope.type) {
      throw searchError(
        `A ${field.object_type} field cannot be matched on a ${scope.type}; use has_related.`,
      );
    }
    const definition = REGULAR_FIELDS[scope.type][field.field_name];
    if (!definition) {
      throw searchError(
        `The mock cannot filter ${scope.type}s on "${field.field_name}"; it knows ${Object.keys(REGULAR_FIELDS[scope.type]).join(', ')}.`,
      );
    }
    const expr = definition.expr(scope.alias);
    switch (definition.kind) {
      case 'lead_status':
      case 'opportunity_status':
        return this.statusCondition(definition.kind, expr, condition);
      case 'phone':
        if (condition.type === 'exists') return { sql: `coalesce(${expr}, '') != ''`, params: [] };
        return digitMatch(
          expr,
          condition.type === 'text' ? [condition.value] : condition.values.map(String),
        );
      case 'text':
        return textCondition(expr, condition);
      case 'id':
      case 'number':
        if (condition.type === 'exists') return { sql: `${expr} IS NOT NULL`, params: [] };
        return typedValuesIn(
          expr,
          condition.type === 'text' ? [condition.value] : condition.values,
          definition.kind,
        );
    }
  }

  private statusCondition(
    kind: 'lead_status' | 'opportunity_status',
    expr: string,
    condition: SearchCondition,
  ): Sql {
    if (condition.type === 'exists') return TRUE;
    const statuses =
      kind === 'lead_status'
        ? this.crm.statuses.leadStatuses(this.organizationId)
        : this.crm.statuses.opportunityStatuses(this.organizationId);
    const matches =
      condition.type === 'term'
        ? statuses.filter((status) =>
            condition.values.some(
              (value) =>
                String(value).toLowerCase() === status.label.toLowerCase() || value === status.id,
            ),
          )
        : statuses.filter((status) => {
            const patterns = wordPatterns(condition.mode ?? 'full_words', condition.value);
            const label = wordText([status.label]);
            return patterns.length > 0 && patterns.every((pattern) => label.includes(pattern));
          });
    if (matches.length === 0) return FALSE;
    return {
      sql: `${expr} IN (${placeholders(matches.length)})`,
      params: matches.map((status) => status.id),
    };
  }

  private customCondition(fieldId: string, condition: SearchCondition, scope: Scope): Sql {
    if (scope.type === 'contact_email' || scope.type === 'contact_phone') {
      throw searchError(`A ${scope.type} has no custom fields.`);
    }
    const field: CustomField | undefined = this.crm.customFields.get(
      this.organizationId,
      scope.type,
      fieldId,
    );
    if (!field) throw searchError(`There is no ${scope.type} custom field "${fieldId}".`);
    const path = `'$."${customFieldKey(field.id)}"'`;
    const value = `json_extract(${scope.alias}.body, ${path})`;
    if (condition.type === 'exists')
      return { sql: `json_type(${scope.alias}.body, ${path}) IS NOT NULL`, params: [] };
    if (condition.type === 'text')
      return wordMatch(
        `close_words(${value})`,
        condition.mode ?? 'full_words',
        condition.value,
        false,
      );
    // Each value of a multiple field counts (json_each of a single value is that value).
    const each = `SELECT 1 FROM json_each(${scope.alias}.body, ${path}) custom_value WHERE`;
    if (field.type === 'number') {
      const numbers = condition.values.map(Number).filter(Number.isFinite);
      if (numbers.length === 0) return FALSE;
      return {
        sql: `EXISTS (${each} custom_value.value IN (${placeholders(numbers.length)}))`,
        params: numbers,
      };
    }
    const values = condition.values.map((item) => String(item).toLowerCase());
    return {
      sql: `EXISTS (${each} lower(custom_value.value) IN (${placeholders(values.length)}))`,
      params: values,
    };
  }

  private related(
    query: Extract<SearchQuery, { type: 'has_related' }>,
    scope: Scope,
    depth: number,
  ): Sql {
    if (query.this_object_type !== scope.type) {
      throw searchError(
        `has_related starts from ${query.this_object_type} but is applied to a ${scope.type}.`,
      );
    }
    const direct = this.contactPointShortcut(query, scope);
    if (direct) return direct;
    const inner = `r${++this.aliases}`;
    const relatedScope: Scope = { type: query.related_object_type, alias: inner };
    const condition = () => this.node(query.related_query, relatedScope, depth);
    const org = this.organizationId;
    const subquery = (outer: string, selected: string, table: string): Sql => {
      const sql = condition();
      return {
        sql: `${outer} IN (SELECT ${inner}.${selected} FROM ${table} ${inner} WHERE ${inner}.organization_id = ? AND (${sql.sql}))`,
        params: [org, ...sql.params],
      };
    };
    const nested = (path: string): Sql => {
      const sql = condition();
      return {
        sql: `EXISTS (SELECT 1 FROM json_each(${scope.alias}.body, '$.${path}') ${inner} WHERE ${sql.sql})`,
        params: sql.params,
      };
    };
    switch (`${scope.type}>${query.related_object_type}`) {
      case 'lead>contact':
        return subquery(`${scope.alias}.id`, 'lead_id', 'contacts');
      case 'lead>opportunity':
        return subquery(`${scope.alias}.id`, 'lead_id', 'opportunities');
      case 'contact>lead':
      case 'opportunity>lead':
        return subquery(`${scope.alias}.lead_id`, 'id', 'leads');
      case 'opportunity>contact':
        return subquery(`${scope.alias}.lead_id`, 'lead_id', 'contacts');
      case 'contact>opportunity':
        return subquery(`${scope.alias}.lead_id`, 'lead_id', 'opportunities');
      case 'contact>contact_email':
        return nested('emails');
      case 'contact>contact_phone':
        return nested('phones');
      default:
        throw searchError(
          `The mock cannot relate a ${scope.type} to a ${query.related_object_type}.`,
        );
    }
  }

  /** Contacts (or leads with a contact) having a matching email or phone, from contact_points. */
  private contactPointShortcut(
    query: Extract<SearchQuery, { type: 'has_related' }>,
    scope: Scope,
  ): Sql | undefined {
    const viaContact = scope.type === 'lead' && query.related_object_type === 'contact';
    const condition = viaContact
      ? contactPointCondition(query.related_query)
      : scope.type === 'contact'
        ? contactPointCondition(query)
        : undefined;
    if (!condition) return undefined;
    const [outer, selected] = viaContact ? ['id', 'lead_id'] : ['id', 'contact_id'];
    return {
      sql: `${scope.alias}.${outer} IN (SELECT ${selected} FROM contact_points WHERE organization_id = ? AND ${condition.sql})`,
      params: [this.organizationId, ...condition.params],
    };
  }

  private savedSearch(id: string, scope: Scope, depth: number): Sql {
    if (depth >= MAX_SAVED_SEARCH_DEPTH)
      throw searchError('Smart views refer to each other in a loop.');
    const saved = this.crm.savedSearches.get(this.organizationId, id);
    if (!saved) throw searchError(`There is no smart view "${id}".`);
    return this.node(this.crm.savedSearches.queryOf(saved), scope, depth + 1);
  }
}

function wordMatch(words: string, mode: TextMode, value: string, phone: boolean): Sql {
  if (phone) return digitMatch(words, [value]);
  const patterns = wordPatterns(mode, value);
  if (patterns.length === 0) return FALSE;
  return { sql: patterns.map(() => `instr(${words}, ?) > 0`).join(' AND '), params: patterns };
}

function textCondition(expr: string, condition: SearchCondition): Sql {
  switch (condition.type) {
    case 'exists':
      return { sql: `coalesce(${expr}, '') != ''`, params: [] };
    case 'term': {
      const values = condition.values.map((value) => String(value).toLowerCase());
      return { sql: `lower(${expr}) IN (${placeholders(values.length)})`, params: values };
    }
    case 'text':
      return wordMatch(
        `close_words(${expr})`,
        condition.mode ?? 'full_words',
        condition.value,
        false,
      );
  }
}

/**
 * The `contact_points` condition for "a contact with an email / phone matching …", or undefined
 * when the query is something else: an exact email is an index lookup, a phone compares digits.
 */
function contactPointCondition(query: SearchQuery): Sql | undefined {
  if (query.type !== 'has_related' || query.negate || query.this_object_type !== 'contact')
    return undefined;
  const related = query.related_query;
  if (
    related.type !== 'field_condition' ||
    related.negate ||
    related.field.type !== 'regular_field'
  )
    return undefined;
  const { field, condition } = related;
  if (condition.type === 'exists') return undefined;
  const values = condition.type === 'text' ? [condition.value] : condition.values.map(String);
  if (query.related_object_type === 'contact_phone' && field.field_name === 'phone') {
    const match = digitMatch('value', values, false);
    return { sql: `kind = 'phone' AND (${match.sql})`, params: match.params };
  }
  if (query.related_object_type === 'contact_email' && field.field_name === 'email') {
    const needles = values.map((value) => value.trim().toLowerCase());
    if (condition.type === 'term') {
      return {
        sql: `kind = 'email' AND value IN (${placeholders(needles.length)})`,
        params: needles,
      };
    }
    // Text conditions on an address match a part of it (e.g. its domain).
    return { sql: `kind = 'email' AND instr(value, ?) > 0`, params: needles.slice(0, 1) };
  }
  return undefined;
}

/** Phone numbers match on their digits: "650-555-1234" finds +16505551234. */
function digitMatch(expr: string, values: string[], normalize = true): Sql {
  const needles = values.map(digits).filter(Boolean);
  if (needles.length === 0) return FALSE;
  const haystack = normalize ? `close_digits(${expr})` : expr;
  return { sql: needles.map(() => `instr(${haystack}, ?) > 0`).join(' OR '), params: needles };
}

function typedValuesIn(
  expr: string,
  values: (string | number | boolean)[],
  kind: 'id' | 'number',
): Sql {
  return valuesIn(
    expr,
    kind === 'number' ? values.map(Number).filter(Number.isFinite) : values.map(String),
  );
}

/** The object type a query selects: its `object_type` node, alone or in a top-level `and`. */
export function targetOf(query: SearchQuery): SearchObjectType {
  const types = new Set<SearchObjectType>();
  if (query.type === 'object_type' && !query.negate) types.add(query.object_type);
  if (query.type === 'and' && !query.negate) {
    for (const child of query.queries)
      if (child.type === 'object_type' && !child.negate) types.add(child.object_type);
  }
  const [type, ...others] = types;
  if (!type || others.length > 0) {
    throw searchError(
      'The query must select one object type, e.g. {"type": "and", "queries": [{"type": "object_type", "object_type": "lead"}, …]}.',
    );
  }
  return type;
}
