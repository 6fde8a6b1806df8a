/**
 * The subset of Close's advanced filtering query (`POST /data/search/`, smart views' `s_query`)
 * that the mock understands, in zod: `and` / `or` / `negate`, `object_type`, `field_condition`
 * on a regular or custom field with a `text` (full_words, phrase, beginning_of_words), `term` or
 * `exists` condition, `has_related` between leads, contacts, contact emails and phones and
 * opportunities, free `text`, and `saved_search`. Anything else is a 400 that says so.
 */
import { z } from 'zod';

export const SEARCH_OBJECT_TYPES = ['lead', 'contact', 'opportunity'] as const;
export type SearchObjectType = (typeof SEARCH_OBJECT_TYPES)[number];
export const RELATED_OBJECT_TYPES = [
  ...SEARCH_OBJECT_TYPES,
  'contact_email',
  'contact_phone',
] as const;
export type RelatedObjectType = (typeof RELATED_OBJECT_TYPES)[number];

export const TEXT_MODES = ['full_words', 'phrase', 'beginning_of_words'] as const;

const textCondition = z.object({
  type: z.literal('text'),
  mode: z.enum(TEXT_MODES).optional(),
  value: z.string(),
});
const termCondition = z.object({
  type: z.literal('term'),
  values: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1),
});
const existsCondition = z.object({ type: z.literal('exists') });
export const searchConditionSchema = z.discriminatedUnion('type', [
  textCondition,
  termCondition,
  existsCondition,
]);
export type SearchCondition = z.infer<typeof searchConditionSchema>;

export const searchFieldSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('regular_field'),
    object_type: z.enum(RELATED_OBJECT_TYPES),
    field_name: z.string(),
  }),
  z.object({ type: z.literal('custom_field'), custom_field_id: z.string() }),
]);
export type SearchField = z.infer<typeof searchFieldSchema>;

const negate = { negate: z.boolean().optional() };

export type SearchQuery =
  | { type: 'and' | 'or'; queries: SearchQuery[]; negate?: boolean | undefined }
  | { type: 'object_type'; object_type: SearchObjectType; negate?: boolean | undefined }
  | {
      type: 'field_condition';
      field: SearchField;
      condition: SearchCondition;
      negate?: boolean | undefined;
    }
  | {
      type: 'has_related';
      this_object_type: RelatedObjectType;
      related_object_type: RelatedObjectType;
      related_query: SearchQuery;
      negate?: boolean | undefined;
    }
  | {
      type: 'text';
      mode?: (typeof TEXT_MODES)[number] | undefined;
      value: string;
      negate?: boolean | undefined;
    }
  | { type: 'saved_search'; saved_search_id: string; negate?: boolean | undefined }
  | { type: 'match_all'; negate?: boolean | undefined };

export const searchQuerySchema: z.ZodType<SearchQuery> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.enum(['and', 'or']), queries: z.array(searchQuerySchema), ...negate }),
    z.object({
      type: z.literal('object_type'),
      object_type: z.enum(SEARCH_OBJECT_TYPES),
      ...negate,
    }),
    z.object({
      type: z.literal('field_condition'),
      field: searchFieldSchema,
      condition: searchConditionSchema,
      ...negate,
    }),
    z.object({
      type: z.literal('has_related'),
      this_object_type: z.enum(RELATED_OBJECT_TYPES),
      related_object_type: z.enum(RELATED_OBJECT_TYPES),
      related_query: searchQuerySchema,
      ...negate,
    }),
    z.object({
      type: z.literal('text'),
      mode: z.enum(TEXT_MODES).optional(),
      value: z.string(),
      ...negate,
    }),
    z.object({ type: z.literal('saved_search'), saved_search_id: z.string(), ...negate }),
    z.object({ type: z.literal('match_all'), ...negate }),
  ]),
);

/** "A contact with an email (or phone) that …", in the has_related form Close uses for both. */
export function contactPointQuery(
  kind: 'email' | 'phone',
  condition: SearchCondition,
): SearchQuery {
  const objectType = kind === 'email' ? 'contact_email' : 'contact_phone';
  return {
    type: 'has_related',
    this_object_type: 'contact',
    related_object_type: objectType,
    related_query: {
      type: 'field_condition',
      field: { type: 'regular_field', object_type: objectType, field_name: kind },
      condition,
    },
  };
}

const sortSchema = z.object({
  direction: z.enum(['asc', 'desc']).default('asc'),
  field: z.object({
    type: z.literal('regular_field'),
    object_type: z.enum(SEARCH_OBJECT_TYPES),
    field_name: z.string(),
  }),
});

export const SEARCH_PAGE_MAX = 200;
export const SEARCH_PAGE_DEFAULT = 100;

/** The body of `POST /data/search/`. */
export const searchRequestSchema = z.object({
  query: searchQuerySchema,
  _fields: z.partialRecord(z.enum(SEARCH_OBJECT_TYPES), z.array(z.string())).optional(),
  _limit: z.number().int().min(1).max(SEARCH_PAGE_MAX).nullish(),
  results_limit: z.number().int().min(0).nullish(),
  cursor: z.string().nullish(),
  sort: z.array(sortSchema).default([]),
  include_counts: z.boolean().optional(),
});
export type SearchRequest = z.infer<typeof searchRequestSchema>;
