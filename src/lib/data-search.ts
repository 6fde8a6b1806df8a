/**
 * Finding leads and contacts with Close's Advanced Filtering API (`POST /data/search/`), which
 * the searches use instead of the lead list's deprecated `query` string: the filter is a JSON
 * tree, so a user's value travels as a JSON string and is never spliced into a query language
 * (no quoting or escaping to get wrong), and contacts are searched as contacts. Close's word
 * matching finds candidates (an email's words, a phone's digits); each candidate is then read in
 * full and checked exactly here (the whole email address, the phone number, the custom value),
 * so that Find or Create never mistakes a similar record for the one asked for. The full object
 * read is also what the search returns, the same shape creates and triggers return.
 */
import type { ZObject } from 'zapier-platform-core';
import {
  customFieldKey,
  searchResultSchema,
  type CloseContact,
  type CloseCustomField,
  type CloseSearchResult,
} from '../../shared/close-objects.js';
import { closeRequest } from './close-request.js';

export type SearchQuery = { type: string } & Record<string, unknown>;
type SearchObject = 'lead' | 'contact' | 'contact_email' | 'contact_phone';

export type TextMode = 'full_words' | 'phrase';

export const and = (...queries: SearchQuery[]): SearchQuery => ({ type: 'and', queries });

export const objectType = (object: 'lead' | 'contact'): SearchQuery => ({
  type: 'object_type',
  object_type: object,
});

export const textCondition = (value: string, mode: TextMode) => ({ type: 'text', mode, value });

export const fieldCondition = (
  object: SearchObject,
  fieldName: string,
  condition: Record<string, unknown>,
): SearchQuery => ({
  type: 'field_condition',
  field: { type: 'regular_field', object_type: object, field_name: fieldName },
  condition,
});

export const hasRelated = (
  thisObject: SearchObject,
  relatedObject: SearchObject,
  relatedQuery: SearchQuery,
): SearchQuery => ({
  type: 'has_related',
  this_object_type: thisObject,
  related_object_type: relatedObject,
  related_query: relatedQuery,
});

/** Contacts with an address made of these words (checked exactly by `hasEmail`). */
export const contactWithEmail = (email: string): SearchQuery =>
  hasRelated(
    'contact',
    'contact_email',
    fieldCondition('contact_email', 'email', textCondition(email, 'full_words')),
  );

/** Digits and a leading +: how Close stores numbers, whatever punctuation was typed. */
export const phoneForSearch = (phone: string) => phone.replace(/(?!^\+)[^\d]/g, '');

/** Contacts with a number holding these digits (checked by `hasPhone`). */
export const contactWithPhone = (phone: string): SearchQuery =>
  hasRelated(
    'contact',
    'contact_phone',
    fieldCondition('contact_phone', 'phone', textCondition(phoneForSearch(phone), 'full_words')),
  );

/**
 * Candidates for "this custom field has this value": a term (exact value) for choices, users,
 * numbers and dates, the words for text; `customValueMatches` then checks exactly.
 */
export function customFieldCondition(field: CloseCustomField, value: unknown): SearchQuery {
  const values = Array.isArray(value) ? value : [value];
  const condition =
    field.type === 'text'
      ? textCondition(String(values[0]), 'full_words')
      : { type: 'term', values };
  return {
    type: 'field_condition',
    field: { type: 'custom_field', custom_field_id: field.id },
    condition,
  };
}

const digitsOf = (phone: string) => phone.replace(/\D/g, '');
/** Numbers shorter than this are not compared by their tail (a national number without +1). */
const MIN_PHONE_TAIL = 7;

/** Whether a contact has this email address (whole address, any case). */
export const hasEmail = (contact: CloseContact, email: string) =>
  contact.emails.some((entry) => entry.email.trim().toLowerCase() === email.toLowerCase());

/**
 * Whether a contact has this phone number: the same digits, or (a number typed without its
 * country code) one ending in the other's at least seven digits.
 */
export function hasPhone(contact: CloseContact, phone: string): boolean {
  const wanted = digitsOf(phone);
  return contact.phones.some((entry) => {
    const stored = digitsOf(entry.phone);
    if (stored === wanted) return true;
    const [shorter, longer] = stored.length < wanted.length ? [stored, wanted] : [wanted, stored];
    return shorter.length >= MIN_PHONE_TAIL && longer.endsWith(shorter);
  });
}

const sameValue = (field: CloseCustomField, actual: unknown, expected: unknown): boolean => {
  if (field.type === 'number') return Number(actual) === Number(expected);
  if (field.type === 'datetime') return Date.parse(String(actual)) === Date.parse(String(expected));
  return String(actual).trim().toLowerCase() === String(expected).toLowerCase();
};

/** Whether a record's value of the field is the one searched (all of them, for several). */
export function customValueMatches(
  field: CloseCustomField,
  record: Record<string, unknown>,
  expected: unknown,
): boolean {
  const actual = record[customFieldKey(field.id)];
  if (actual === undefined || actual === null) return false;
  const actuals = Array.isArray(actual) ? actual : [actual];
  const expecteds = Array.isArray(expected) ? expected : [expected];
  return expecteds.every((wanted) => actuals.some((value) => sameValue(field, value, wanted)));
}

export type SearchHit = CloseSearchResult['data'][number];

/**
 * The first `limit` objects matching `query`, most recently updated first, with the fields
 * asked for (the ID always).
 */
export async function searchObjects(
  zObject: ZObject,
  object: 'lead' | 'contact',
  query: SearchQuery,
  options: { limit: number; fields?: string[] },
): Promise<SearchHit[]> {
  const result = await closeRequest(
    zObject,
    {
      url: '/data/search/',
      method: 'POST',
      body: {
        query: and(objectType(object), query),
        _fields: { [object]: ['id', ...(options.fields ?? [])] },
        _limit: options.limit,
        results_limit: options.limit,
        sort: [
          {
            direction: 'desc',
            field: { type: 'regular_field', object_type: object, field_name: 'date_updated' },
          },
        ],
      },
    },
    searchResultSchema,
  );
  return result.data;
}

/**
 * The first candidate that, read in full, passes the exact check. Candidates are read one by one,
 * in order; most often the first is the one.
 */
export async function firstVerified<T>(
  hits: readonly SearchHit[],
  read: (id: string) => Promise<T>,
  verify: (object: T) => boolean,
): Promise<T | undefined> {
  for (const hit of hits) {
    const object = await read(hit.id);
    if (verify(object)) return object;
  }
  return undefined;
}
