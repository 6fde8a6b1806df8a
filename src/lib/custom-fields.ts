/**
 * Close custom fields in actions, from one place: their definitions loaded from
 * `/custom_field/<object>/`, typed Zapier input fields made from them (text, number, date,
 * date-time, a dropdown for single or multiple choices and for users) under the public keys
 * `custom.cf_<id>`, and the values users enter validated and coerced with zod against the same
 * definitions before they are sent. A field type this integration does not know yet is left out
 * of the form rather than breaking it.
 */
import type { Bundle, PlainInputField, ZObject } from 'zapier-platform-core';
import { z } from 'zod';
import {
  customFieldKey,
  CUSTOM_FIELD_KEY_PREFIX,
  type CloseCustomField,
  type CustomFieldObject,
} from '../../shared/close-objects.js';
import type { CustomFieldNames } from '../formatters/common.js';
import {
  customFieldDefinitions,
  customFieldNamesOf,
  loadCustomFieldDefinitions,
} from './custom-field-cache.js';
import type { ChoicesPage } from './id-fields.js';
import {
  blankToUndefined,
  choiceOf,
  closeId,
  date,
  dateTime,
  decimal,
  parseInputs,
  requiredCloseId,
  text,
  type FieldLabels,
} from './inputs.js';

const NOUNS: Record<CustomFieldObject, string> = {
  lead: 'lead',
  contact: 'contact',
  opportunity: 'opportunity',
};

/**
 * The object's definitions, fresh from Close (not the triggers' few-minute cache): a form must
 * show a field added a minute ago, and a value must be checked against today's choices.
 */
export const loadCustomFields = loadCustomFieldDefinitions;

const MAX_HELP_TEXT = 1000;

function helpTextFor(field: CloseCustomField, extra?: string): string | undefined {
  const parts = [field.description?.trim(), extra].filter(
    (part): part is string => typeof part === 'string' && part !== '',
  );
  const joined = parts.join(' ');
  return joined === '' ? undefined : joined.slice(0, MAX_HELP_TEXT);
}

/** The Zapier input field for one custom field: its type decides the widget. */
export function customInputField(
  field: CloseCustomField,
  options: { forUpdate: boolean },
): PlainInputField {
  const multiple = field.accepts_multiple_values;
  const replaceNote =
    options.forUpdate && multiple ? 'The values entered replace the current ones.' : undefined;
  const base = {
    key: customFieldKey(field.id),
    label: field.name,
    required: !options.forUpdate && field.required === true,
  };
  const withHelp = (extra?: string) => {
    const helpText = helpTextFor(field, extra);
    return helpText === undefined ? {} : { helpText };
  };
  switch (field.type) {
    case 'number':
      // Text, not `number`: see NUMBER_INPUTS in inputs.ts.
      return { ...base, type: 'string', ...withHelp('A number, like 1250.50.') };
    case 'date':
      return { ...base, type: 'datetime', ...withHelp('A date, like 2026-03-31.') };
    case 'datetime':
      return { ...base, type: 'datetime', ...withHelp() };
    case 'choices':
      return {
        ...base,
        ...(field.choices && field.choices.length > 0 && { choices: field.choices }),
        list: multiple,
        ...withHelp(replaceNote),
      };
    case 'user':
      return {
        ...base,
        dynamic: 'user_list.id.label',
        search: 'find_user.id',
        list: multiple,
        ...withHelp(replaceNote),
      };
    case 'text':
      return { ...base, type: 'string', ...withHelp() };
  }
}

/**
 * An input-field function for the object's custom fields. If Close cannot list them (a
 * restricted user, an outage), the form says so instead of failing as a whole.
 */
export function customFieldsInput(object: CustomFieldObject, options: { forUpdate: boolean }) {
  return async (z: ZObject, _bundle: Bundle): Promise<PlainInputField[]> => {
    try {
      const fields = await loadCustomFields(z, object);
      return fields.map((field) => customInputField(field, options));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return [
        {
          key: `${object}_custom_fields_unavailable`,
          label: 'Custom Fields',
          type: 'copy',
          helpText:
            `The ${NOUNS[object]} custom fields could not be loaded from Close, so they are not ` +
            `shown: ${reason}`.slice(0, MAX_HELP_TEXT),
        },
      ];
    }
  };
}

/** A perform-based dropdown of the object's custom fields ("Lead Source (choices)"). */
export const customFieldChoices =
  (object: CustomFieldObject) =>
  async (z: ZObject, _bundle: Bundle): Promise<ChoicesPage> => ({
    results: (await loadCustomFields(z, object)).map((field) => ({
      id: field.id,
      label: `${field.name} (${field.type})`,
    })),
    paging_token: null,
  });

const choiceValue = (field: CloseCustomField) => choiceOf(field.choices ?? []);

/** Several values: a Zapier list, or one mapped string "A, B" unless that string is a choice. */
function splitValues(field: CloseCustomField) {
  const choices = new Set((field.choices ?? []).map((choice) => choice.toLowerCase()));
  return (value: unknown): unknown => {
    const blank = blankToUndefined(value);
    if (blank === undefined) return undefined;
    const entries = Array.isArray(blank) ? blank : [blank];
    const values = entries
      .flatMap((entry) =>
        typeof entry === 'string' && !choices.has(entry.toLowerCase()) ? entry.split(',') : [entry],
      )
      .map(blankToUndefined)
      .filter((entry) => entry !== undefined);
    return values.length > 0 ? values : undefined;
  };
}

/** The zod schema for one custom field's value, by its type. */
export function customValueSchema(field: CloseCustomField): z.ZodType {
  const single = (() => {
    switch (field.type) {
      case 'number':
        return decimal();
      case 'date':
        return date();
      case 'datetime':
        return dateTime();
      case 'choices':
        return field.choices && field.choices.length > 0
          ? z.preprocess(blankToUndefined, choiceValue(field).optional())
          : text();
      case 'user':
        return closeId('user', 'user');
      case 'text':
        return text();
    }
  })();
  if (!field.accepts_multiple_values) return single;
  const item =
    field.type === 'choices' && field.choices && field.choices.length > 0
      ? choiceValue(field)
      : field.type === 'user'
        ? requiredCloseId('user', 'user')
        : z.string();
  return z.preprocess(splitValues(field), z.array(item).optional());
}

/** Input key (`custom.cf_…`) → the label users saw. */
export function customFieldLabels(fields: readonly CloseCustomField[]): FieldLabels {
  return Object.fromEntries(fields.map((field) => [customFieldKey(field.id), field.name]));
}

export const isCustomFieldKey = (key: string) => key.startsWith(`${CUSTOM_FIELD_KEY_PREFIX}cf_`);

/** True when the inputs hold a non-empty custom field value (so definitions must be loaded). */
export function hasCustomValues(inputData: Record<string, unknown>): boolean {
  return Object.entries(inputData).some(
    ([key, value]) => isCustomFieldKey(key) && blankToUndefined(value) !== undefined,
  );
}

/**
 * The `custom.cf_…` values among the inputs, validated and coerced by their definitions; empty
 * ones left out. A key with no definition (a field deleted since the Zap was built) is sent as
 * entered, so that Close's own answer names it.
 */
export function customValuesFromInputs(
  zObject: ZObject,
  inputData: Record<string, unknown>,
  fields: readonly CloseCustomField[],
): Record<string, unknown> {
  const byKey = new Map(fields.map((field) => [customFieldKey(field.id), field]));
  const shape: Record<string, z.ZodType> = {};
  const entered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(inputData)) {
    if (!isCustomFieldKey(key)) continue;
    const field = byKey.get(key);
    shape[key] = field ? customValueSchema(field) : z.preprocess(blankToUndefined, z.unknown());
    entered[key] = value;
  }
  const values = parseInputs(zObject, z.object(shape), entered, customFieldLabels(fields));
  return Object.fromEntries(
    Object.entries(values as Record<string, unknown>).filter(([, value]) => value !== undefined),
  );
}

/**
 * What an action needs about custom fields for its inputs: the definitions when any custom value
 * was entered (none are fetched otherwise), the coerced values, and their labels for Close's
 * field errors.
 */
export async function customInputs(
  zObject: ZObject,
  object: CustomFieldObject,
  inputData: Record<string, unknown>,
): Promise<{
  values: Record<string, unknown>;
  labels: FieldLabels;
  fields: CloseCustomField[] | undefined;
}> {
  if (!hasCustomValues(inputData)) return { values: {}, labels: {}, fields: undefined };
  const fields = await loadCustomFields(zObject, object);
  return {
    values: customValuesFromInputs(zObject, inputData, fields),
    labels: customFieldLabels(fields),
    fields,
  };
}

/** Whether a record has custom values that Close's legacy `custom` object does not name. */
export function needsCustomFieldNames(record: Record<string, unknown>): boolean {
  const legacy = record.custom;
  return Object.keys(record).some(isCustomFieldKey) && !(legacy && typeof legacy === 'object');
}

/**
 * Names for a record's custom field values, for the formatter: Close's legacy `custom` object
 * names them already; otherwise the definitions the action loaded, or the triggers' cached ones
 * (loaded only if the record has custom values), so an object looks the same from every step.
 */
export async function customNamesFor(
  zObject: ZObject,
  bundle: Pick<Bundle, 'authData'>,
  object: CustomFieldObject,
  record: Record<string, unknown>,
  loaded?: readonly CloseCustomField[],
): Promise<CustomFieldNames | undefined> {
  if (loaded) return customFieldNamesOf(loaded);
  if (!needsCustomFieldNames(record)) return undefined;
  return customFieldNamesOf(await customFieldDefinitions(zObject, bundle, object));
}
