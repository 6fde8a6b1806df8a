/**
 * Custom field definitions for triggers, kept in this process for a few minutes. Polls need them
 * twice over: to ask Close for only the fields a trigger returns (`_fields` must name each
 * `custom.cf_…` key) and to give values their names. Loading them on every poll would double
 * its requests; Zapier reuses a warm process between polls, so with this cache a poll in steady
 * state makes one request. A renamed or added field shows within `CUSTOM_FIELDS_TTL_MS`.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { z as zod } from 'zod';
import { apiKeyIdOf } from '../../shared/api-key.js';
import {
  customFieldKey,
  customFieldSchema,
  listOf,
  type CloseCustomField,
  type CustomFieldObject,
} from '../../shared/close-objects.js';
import type { CustomFieldNames } from '../formatters/common.js';
import { closeGet } from './close-request.js';
import { closeApiRoot } from './config.js';

export const CUSTOM_FIELDS_TTL_MS = 5 * 60_000;
const PAGE_SIZE = 100;
const MAX_PAGES = 10;

type Entry = { loadedAt: number; fields: Promise<CloseCustomField[]> };
const cache = new Map<string, Entry>();

/** Forgets every cached definition (tests; a developer switching organizations). */
export function clearCustomFieldCache(): void {
  cache.clear();
}

// Items are checked one by one, so that a field of a type this integration does not know yet
// does not fail the whole list.
const definitionPage = listOf(zod.unknown());

/** The definitions straight from Close, uncached (actions' forms and checks need them fresh). */
export async function loadCustomFieldDefinitions(
  z: ZObject,
  object: CustomFieldObject,
): Promise<CloseCustomField[]> {
  const fields: CloseCustomField[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const list = await closeGet(z, `/custom_field/${object}/`, definitionPage, {
      _skip: page * PAGE_SIZE,
      _limit: PAGE_SIZE,
    });
    for (const item of list.data) {
      const parsed = customFieldSchema.safeParse(item);
      if (parsed.success) fields.push(parsed.data);
    }
    if (!list.has_more) break;
  }
  return fields;
}

/**
 * The object's custom field definitions, from this process's cache when fresh. Undefined when
 * Close would not give them (names and `_fields` are conveniences; values stay under their ids).
 */
export async function customFieldDefinitions(
  z: ZObject,
  bundle: Pick<Bundle, 'authData'>,
  object: CustomFieldObject,
  now = Date.now(),
): Promise<CloseCustomField[] | undefined> {
  // Per API root and key (its public ID): definitions belong to the key's organization.
  const key = `${closeApiRoot()} ${apiKeyIdOf(bundle.authData.api_key) ?? ''} ${object}`;
  const cached = cache.get(key);
  const entry =
    cached && now - cached.loadedAt < CUSTOM_FIELDS_TTL_MS
      ? cached
      : { loadedAt: now, fields: loadCustomFieldDefinitions(z, object) };
  cache.set(key, entry);
  try {
    return await entry.fields;
  } catch {
    if (cache.get(key) === entry) cache.delete(key);
    return undefined;
  }
}

export const customFieldNamesOf = (
  fields: readonly CloseCustomField[] | undefined,
): CustomFieldNames | undefined => fields && new Map(fields.map((field) => [field.id, field.name]));

/** `_fields` for a poll: the formatter's fields and every custom field; none if unknown. */
export const pollFields = (
  base: readonly string[],
  fields: readonly CloseCustomField[] | undefined,
): string[] | undefined => fields && [...base, ...fields.map((field) => customFieldKey(field.id))];
