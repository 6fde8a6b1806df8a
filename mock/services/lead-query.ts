/**
 * Close's lead search syntax (the `query` of `GET /lead/` and of smart views), translated into
 * the advanced filtering query the search compiler runs. Supported: free words (each must begin a
 * word of the lead or its contacts), quoted phrases, `field:value` and `field:"quoted value"`,
 * quoted field names with spaces (`"custom.Lead source":Web`), a leading `-` to negate a term,
 * and `OR` between groups of terms. Fields: name, description, url, status, status_id, id,
 * email, phone, contact (name), title (contact), and custom.<field name or ID>.
 */
import { fieldError } from './context.js';
import type { CustomField } from './custom-fields.js';
import { contactPointQuery, type SearchCondition, type SearchQuery } from './search-query.js';

export type CustomFieldResolver = (nameOrId: string) => CustomField | undefined;

type Term = { field?: string; value: string; quoted: boolean; negate: boolean };

const LEAD_TEXT_FIELDS = ['name', 'description', 'url', 'display_name'];
const KNOWN_FIELDS = [
  'name',
  'description',
  'url',
  'status',
  'status_id',
  'id',
  'lead_id',
  'email',
  'phone',
  'contact',
  'title',
  'custom.<field>',
];

const queryError = (message: string) => fieldError('query', message);

export function parseLeadQuery(
  query: string,
  resolveCustomField: CustomFieldResolver,
): SearchQuery {
  const groups: SearchQuery[][] = [[]];
  for (const term of tokenize(query)) {
    if (!term.field && !term.quoted && !term.negate && term.value === 'OR') {
      groups.push([]);
      continue;
    }
    if (!term.field && !term.quoted && !term.negate && term.value === 'AND') continue;
    const node = termQuery(term, resolveCustomField);
    groups.at(-1)!.push(term.negate ? { ...node, negate: true } : node);
  }
  const lead: SearchQuery = { type: 'object_type', object_type: 'lead' };
  const nonEmpty = groups.filter((group) => group.length > 0);
  if (nonEmpty.length <= 1) return { type: 'and', queries: [lead, ...(nonEmpty[0] ?? [])] };
  return {
    type: 'and',
    queries: [
      lead,
      { type: 'or', queries: nonEmpty.map((group) => ({ type: 'and', queries: group })) },
    ],
  };
}

function termQuery(term: Term, resolveCustomField: CustomFieldResolver): SearchQuery {
  const mode = term.quoted ? 'phrase' : 'beginning_of_words';
  if (!term.field) return { type: 'text', mode, value: term.value };
  const field = term.field.toLowerCase();
  const lead = (field_name: string) =>
    ({ type: 'regular_field', object_type: 'lead', field_name }) as const;
  const viaContact = (query: SearchQuery): SearchQuery => ({
    type: 'has_related',
    this_object_type: 'lead',
    related_object_type: 'contact',
    related_query: query,
  });
  if (LEAD_TEXT_FIELDS.includes(field)) {
    return {
      type: 'field_condition',
      field: lead(field),
      condition: { type: 'text', mode, value: term.value },
    };
  }
  switch (field) {
    case 'status':
      return {
        type: 'field_condition',
        field: lead('status_label'),
        condition: { type: 'term', values: [term.value] },
      };
    case 'status_id':
      return {
        type: 'field_condition',
        field: lead('status_id'),
        condition: { type: 'term', values: [term.value] },
      };
    case 'id':
    case 'lead_id':
      return {
        type: 'field_condition',
        field: lead('id'),
        condition: { type: 'term', values: [term.value] },
      };
    case 'email':
      // A whole address matches exactly; anything else (a domain) as a phrase of its words.
      return viaContact(
        contactPointQuery(
          'email',
          term.value.includes('@')
            ? { type: 'term', values: [term.value] }
            : { type: 'text', mode: 'phrase', value: term.value },
        ),
      );
    case 'phone':
      return viaContact(
        contactPointQuery('phone', { type: 'text', mode: 'phrase', value: term.value }),
      );
    case 'contact':
    case 'title':
      return viaContact({
        type: 'field_condition',
        field: {
          type: 'regular_field',
          object_type: 'contact',
          field_name: field === 'contact' ? 'name' : 'title',
        },
        condition: { type: 'text', mode, value: term.value },
      });
  }
  if (field.startsWith('custom.')) {
    const name = term.field.slice('custom.'.length);
    const custom = resolveCustomField(name);
    if (!custom) throw queryError(`There is no lead custom field "${name}".`);
    const condition: SearchCondition =
      custom.type === 'text'
        ? { type: 'text', mode, value: term.value }
        : {
            type: 'term',
            values: [custom.type === 'number' ? numberValue(term.value, name) : term.value],
          };
    return {
      type: 'field_condition',
      field: { type: 'custom_field', custom_field_id: custom.id },
      condition,
    };
  }
  throw queryError(
    `Unknown field "${term.field}" in the query. Known fields: ${KNOWN_FIELDS.join(', ')}.`,
  );
}

function numberValue(value: string, name: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number))
    throw queryError(`"custom.${name}" takes a number.`);
  return number;
}

function tokenize(query: string): Term[] {
  const terms: Term[] = [];
  let position = 0;
  const at = () => query[position];
  const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);
  const readQuoted = (): string => {
    position += 1;
    let text = '';
    while (position < query.length && at() !== '"') {
      if (at() === '\\' && position + 1 < query.length) position += 1;
      text += at();
      position += 1;
    }
    if (at() !== '"') throw queryError('The query has a quote that is not closed.');
    position += 1;
    return text;
  };
  const readBare = (stopAtColon: boolean): string => {
    let text = '';
    while (position < query.length && !isSpace(at()) && !(stopAtColon && at() === ':')) {
      text += at();
      position += 1;
    }
    return text;
  };
  while (position < query.length) {
    if (isSpace(at())) {
      position += 1;
      continue;
    }
    let negate = false;
    if (at() === '-' && position + 1 < query.length && !isSpace(query[position + 1])) {
      negate = true;
      position += 1;
    }
    const quoted = at() === '"';
    const first = quoted ? readQuoted() : readBare(true);
    if (at() === ':') {
      position += 1;
      const valueQuoted = at() === '"';
      const value = valueQuoted ? readQuoted() : readBare(false);
      if (value === '') throw queryError(`"${first}:" needs a value.`);
      terms.push({ field: first, value, quoted: valueQuoted, negate });
    } else if (first !== '' || quoted) {
      terms.push({ value: first, quoted, negate });
    }
  }
  return terms;
}
