/**
 * What every formatter shares: custom field values under their names, and output field
 * definitions written once as `[key, label, type]` rows.
 */
import type { PlainOutputField } from 'zapier-platform-core';
import { CUSTOM_FIELD_KEY_PREFIX } from '../../shared/close-objects.js';

export type Formatted = Record<string, unknown> & { id: string };

/** Fields every Close object has and formatters read: for the `*_FIELDS` lists polls ask for. */
export const AUDIT_FIELDS = [
  'organization_id',
  'created_by',
  'updated_by',
  'date_created',
  'date_updated',
] as const;

/** Custom field id → name, when the caller has the definitions (from /custom_field/<object>/). */
export type CustomFieldNames = ReadonlyMap<string, string>;

/**
 * Custom field values of a Close object, keyed by field name: from Close's `custom` object
 * (values by name) when present, else the `custom.cf_…` keys named through `names`. The raw
 * `custom.cf_…` keys stay on the object too, so Zaps that map by id keep working.
 */
export function customByName(
  object: Record<string, unknown>,
  names: CustomFieldNames = new Map(),
): Record<string, unknown> {
  const byName: Record<string, unknown> = {};
  const legacy = object.custom;
  const hasLegacy = Boolean(legacy && typeof legacy === 'object' && !Array.isArray(legacy));
  if (hasLegacy) Object.assign(byName, legacy);
  for (const [key, value] of Object.entries(object)) {
    if (!key.startsWith(CUSTOM_FIELD_KEY_PREFIX)) continue;
    const id = key.slice(CUSTOM_FIELD_KEY_PREFIX.length);
    const name = names.get(id);
    // Close's `custom` object already holds every value by name; ids are the last resort.
    if (name !== undefined) byName[name] = value;
    else if (!hasLegacy) byName[id] = value;
  }
  return byName;
}

/** The `custom.cf_…` keys of a Close object, as they are. */
export function customFieldEntries(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).filter(([key]) => key.startsWith(CUSTOM_FIELD_KEY_PREFIX)),
  );
}

type FieldRow = [key: string, label: string, type?: PlainOutputField['type']];

/** Output fields from compact rows; the first row is the object's id, marked primary. */
export function outputFields(rows: FieldRow[]): PlainOutputField[] {
  return rows.map(([key, label, type], index) => ({
    key,
    label,
    ...(type && { type }),
    ...(index === 0 && { primary: true }),
  }));
}

/** Close's dates as they are (ISO 8601 with offset), or null. */
export const dateOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;
