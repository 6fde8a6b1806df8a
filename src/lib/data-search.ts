/**
 * Finding leads and contacts with Close's Advanced Filtering API (`POST /data/search/`), which
 * the searches use instead of the lead list's deprecated `query` string: the filter is a JSON
 * tree, so a user's value travels as a JSON string and is never spliced into a query language
 * (no quoting or escaping to get wrong), matching can be exact, and contacts are searched as
 * contacts. The API answers IDs (and the few fields asked for); the caller then reads the full
 * object, so that searches return exactly what creates and triggers return.
 */
import type { ZObject } from 'zapier-platform-core';
import { z } from 'zod';
import type { CloseCustomField } from '../../shared/close-objects.js';
import { closeRequest } from './close-request.js';

export type SearchQuery = { type: string } & Record<string, unknown>;
type SearchObject = 'lead' | 'contact' | 'contact_email' | 'contact_phone';

export type TextMode = 'exact_value' | 'phrase' | 'full_words';

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

/** A contact with this email address (exact, as Close compares addresses). */
export const contactWithEmail = (email: string): SearchQuery =>
  hasRelated(
    'contact',
    'contact_email',
    fieldCondition('contact_email', 'email', textCondition(email, 'exact_value')),
  );

/** Digits and a leading +: how Close stores numbers, whatever punctuation was typed. */
export const phoneForSearch = (phone: string) => phone.replace(/(?!^\+)[^\d]/g, '');

export const contactWithPhone = (phone: string): SearchQuery =>
  hasRelated(
    'contact',
    'contact_phone',
    fieldCondition('contact_phone', 'phone', textCondition(phoneForSearch(phone), 'exact_value')),
  );

/** The condition that matches a custom field's value, by the field's type. */
export function customFieldCondition(field: CloseCustomField, value: unknown): SearchQuery {
  const values = Array.isArray(value) ? value : [value];
  const condition = (() => {
    switch (field.type) {
      case 'choices':
      case 'user':
        return { type: 'term', values };
      case 'number':
        return { type: 'number_range', gte: values[0], lte: values[0] };
      case 'date':
        return {
          type: 'moment_range',
          on_or_after: { type: 'fixed_local_date', value: values[0], which: 'start' },
          before: { type: 'fixed_local_date', value: values[0], which: 'end' },
        };
      case 'datetime':
      case 'text':
        return textCondition(String(values[0]), 'exact_value');
    }
  })();
  return {
    type: 'field_condition',
    field: { type: 'custom_field', custom_field_id: field.id },
    condition,
  };
}

const searchResultsSchema = z.looseObject({
  data: z.array(z.looseObject({ id: z.string() }).and(z.record(z.string(), z.unknown()))),
  cursor: z.string().nullable().optional(),
});
export type SearchHit = z.infer<typeof searchResultsSchema>['data'][number];

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
    searchResultsSchema,
  );
  return result.data;
}
