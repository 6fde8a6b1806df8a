/**
 * Custom fields of leads, contacts and opportunities, and their values: an object carries each
 * value as a top-level `custom.cf_<id>` key. Values are checked and normalized by the field's
 * type (text, number, date, datetime, choices, user; several values when the field accepts
 * multiple), and writes may name a field by ID or (deprecated in Close) by name, and add or
 * remove single values of a multiple field with `.add` / `.remove`.
 */
import type { CloseCustomField, CustomFieldObject } from '../../shared/close-objects.js';
import { CUSTOM_FIELD_KEY_PREFIX, customFieldKey } from '../../shared/close-objects.js';
import { transaction } from '../store/db.js';
import { newId } from '../store/ids.js';
import {
  touched,
  created,
  fieldError,
  found,
  previousValues,
  type Problems,
  type WriteContext,
  changeRecorder,
  type RecordChange,
} from './context.js';
import type { Crm } from './crm.js';
import { normalizeDateInput } from './listing.js';
import { ObjectTable } from './records.js';

export type CustomFieldType = CloseCustomField['type'];
export type CustomField = CloseCustomField & { object_type: CustomFieldObject };

export type CustomFieldInput = {
  name: string;
  type: CustomFieldType;
  description?: string | null | undefined;
  accepts_multiple_values?: boolean | undefined;
  choices?: string[] | undefined;
  required?: boolean | undefined;
};
export type CustomFieldUpdate = Partial<Omit<CustomFieldInput, 'type'>> & {
  type?: CustomFieldType | undefined;
};

/** The custom values of an object: `custom.cf_…` → value. */
export type CustomValues = Record<string, unknown>;

const TABLE_OF: Record<CustomFieldObject, string> = {
  lead: 'leads',
  contact: 'contacts',
  opportunity: 'opportunities',
};

type Normalized = { value: unknown } | { error: string };

export class CustomFieldService {
  private readonly table: ObjectTable<CustomField>;
  private readonly record: RecordChange<CustomField>;

  constructor(private readonly crm: Crm) {
    this.table = new ObjectTable<CustomField>(crm.db, 'custom_fields', {
      object_type: (field) => field.object_type,
      date_created: (field) => field.date_created,
      date_updated: (field) => field.date_updated,
    });
    this.record = changeRecorder(
      crm.events,
      (field) => `custom_field.${field.object_type}`,
      () => null,
    );
  }

  list(organizationId: string, objectType: CustomFieldObject): CustomField[] {
    return this.table.select(
      organizationId,
      [{ sql: 'object_type = ?', params: [objectType] }],
      'date_created, rowid',
    );
  }

  get(organizationId: string, objectType: CustomFieldObject, id: string): CustomField | undefined {
    const field = this.table.get(organizationId, id);
    return field?.object_type === objectType ? field : undefined;
  }

  /** A field by ID or by (case-insensitive) name. */
  resolve(
    organizationId: string,
    objectType: CustomFieldObject,
    idOrName: string,
  ): CustomField | undefined {
    const fields = this.list(organizationId, objectType);
    return (
      fields.find((field) => field.id === idOrName) ??
      fields.find((field) => field.name.toLowerCase() === idOrName.toLowerCase())
    );
  }

  create(
    context: WriteContext,
    objectType: CustomFieldObject,
    input: CustomFieldInput,
  ): CustomField {
    return transaction(this.crm.db, () => {
      this.assertNameFree(context.organizationId, objectType, input.name);
      if (input.type === 'choices' && !input.choices?.length) {
        throw fieldError('choices', 'A choices field needs at least one choice.');
      }
      const field: CustomField = {
        id: newId('cf'),
        organization_id: context.organizationId,
        object_type: objectType,
        name: input.name,
        description: input.description ?? null,
        type: input.type,
        accepts_multiple_values: input.accepts_multiple_values ?? false,
        ...(input.type === 'choices' && { choices: input.choices ?? [] }),
        required: input.required ?? false,
        ...created(context),
      };
      this.table.insert(field);
      this.record(context, 'created', field);
      return field;
    });
  }

  update(
    context: WriteContext,
    objectType: CustomFieldObject,
    id: string,
    input: CustomFieldUpdate,
  ): CustomField {
    return transaction(this.crm.db, () => {
      const before = found(this.get(context.organizationId, objectType, id), 'Custom field');
      if (input.type !== undefined && input.type !== before.type) {
        throw fieldError('type', 'The type of a custom field cannot change; create a new field.');
      }
      if (input.name !== undefined && input.name.toLowerCase() !== before.name.toLowerCase()) {
        this.assertNameFree(context.organizationId, objectType, input.name);
      }
      if (input.choices !== undefined && before.type !== 'choices') {
        throw fieldError('choices', 'Only a choices field has choices.');
      }
      if (input.choices !== undefined && input.choices.length === 0) {
        throw fieldError('choices', 'A choices field needs at least one choice.');
      }
      const changed: CustomField = {
        ...before,
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.accepts_multiple_values !== undefined && {
          accepts_multiple_values: input.accepts_multiple_values,
        }),
        ...(input.choices !== undefined && { choices: input.choices }),
        ...(input.required !== undefined && { required: input.required }),
      };
      const previous = previousValues(before, changed);
      if (Object.keys(previous).length === 0) return before;
      const after: CustomField = {
        ...changed,
        ...touched(context),
      };
      this.table.update(after);
      this.record(context, 'updated', after, previousValues(before, after));
      return after;
    });
  }

  /** Deletes the field and its value on every object. */
  delete(context: WriteContext, objectType: CustomFieldObject, id: string): void {
    transaction(this.crm.db, () => {
      const field = found(this.get(context.organizationId, objectType, id), 'Custom field');
      const path = `$."${customFieldKey(field.id)}"`;
      this.crm.db
        .prepare(
          `UPDATE ${TABLE_OF[objectType]} SET body = json_remove(body, ?)
           WHERE organization_id = ? AND json_type(body, ?) IS NOT NULL
           RETURNING ${objectType === 'lead' ? 'id' : objectType === 'contact' ? 'lead_id' : 'NULL'} AS lead_id`,
        )
        .all(path, context.organizationId, path)
        .forEach((row) => {
          if (typeof row.lead_id === 'string')
            this.crm.leads.refreshSearchText(context.organizationId, row.lead_id);
        });
      this.table.delete(context.organizationId, id);
      this.record(context, 'deleted', field);
    });
  }

  /**
   * The custom values after applying the `custom.*` keys of `input` to `current`. Problems are
   * collected under the key as sent (`custom.cf_…`, prefixed with `fieldPrefix` for nested
   * objects).
   */
  applyValues(
    organizationId: string,
    objectType: CustomFieldObject,
    input: Record<string, unknown>,
    current: CustomValues,
    problems: Problems,
    fieldPrefix = '',
  ): CustomValues {
    const keys = Object.keys(input).filter((key) => key.startsWith(CUSTOM_FIELD_KEY_PREFIX));
    const next: CustomValues = { ...current };
    if (keys.length === 0) return next;
    const fields = this.list(organizationId, objectType);
    const userIds = new Set(this.crm.tenancy.usersOf(organizationId).map((user) => user.id));
    for (const key of keys) {
      const match = /^custom\.(.+?)(?:\.(add|remove))?$/.exec(key);
      const name = match?.[1] ?? '';
      const operation = match?.[2] as 'add' | 'remove' | undefined;
      const field =
        fields.find((candidate) => candidate.id === name) ??
        fields.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
      const problemKey = `${fieldPrefix}${key}`;
      if (!field) {
        problems.add(problemKey, `There is no ${objectType} custom field "${name}".`);
        continue;
      }
      const storedKey = customFieldKey(field.id);
      if (operation) {
        if (!field.accepts_multiple_values) {
          problems.add(
            problemKey,
            `.${operation} works only on fields that accept multiple values.`,
          );
          continue;
        }
        const single = normalizeSingle(field, input[key], userIds);
        if ('error' in single) {
          problems.add(problemKey, single.error);
          continue;
        }
        const existing = Array.isArray(next[storedKey]) ? (next[storedKey] as unknown[]) : [];
        const values =
          operation === 'add'
            ? existing.includes(single.value)
              ? existing
              : [...existing, single.value]
            : existing.filter((value) => value !== single.value);
        if (values.length > 0) next[storedKey] = values;
        else delete next[storedKey];
        continue;
      }
      const normalized = normalizeValue(field, input[key], userIds);
      if ('error' in normalized) {
        problems.add(problemKey, normalized.error);
      } else if (normalized.value === null) {
        delete next[storedKey];
      } else {
        next[storedKey] = normalized.value;
      }
    }
    return next;
  }

  private assertNameFree(
    organizationId: string,
    objectType: CustomFieldObject,
    name: string,
  ): void {
    if (
      this.list(organizationId, objectType).some(
        (field) => field.name.toLowerCase() === name.toLowerCase(),
      )
    ) {
      throw fieldError('name', `A ${objectType} custom field named "${name}" already exists.`);
    }
  }
}

/** The custom values of a stored object (its `custom.*` keys). */
export function customValuesOf(object: object): CustomValues {
  return Object.fromEntries(
    Object.entries(object).filter(([key]) => key.startsWith(CUSTOM_FIELD_KEY_PREFIX)),
  );
}

/** `object` with its custom values replaced by `values`. */
export function withCustomValues<T extends object>(object: T, values: CustomValues): T {
  const base = Object.fromEntries(
    Object.entries(object).filter(([key]) => !key.startsWith(CUSTOM_FIELD_KEY_PREFIX)),
  );
  return { ...base, ...values } as T;
}

function normalizeValue(field: CustomField, raw: unknown, userIds: Set<string>): Normalized {
  if (raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0))
    return { value: null };
  if (Array.isArray(raw) && !field.accepts_multiple_values) {
    return { error: `"${field.name}" accepts a single value, not a list.` };
  }
  if (field.accepts_multiple_values) {
    const values: unknown[] = [];
    for (const item of Array.isArray(raw) ? raw : [raw]) {
      const single = normalizeSingle(field, item, userIds);
      if ('error' in single) return single;
      if (!values.includes(single.value)) values.push(single.value);
    }
    return { value: values };
  }
  return normalizeSingle(field, raw, userIds);
}

function normalizeSingle(field: CustomField, raw: unknown, userIds: Set<string>): Normalized {
  switch (field.type) {
    case 'text':
      return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
        ? { value: String(raw) }
        : { error: `"${field.name}" takes text.` };
    case 'number': {
      const value =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && raw.trim() !== ''
            ? Number(raw)
            : NaN;
      return Number.isFinite(value) ? { value } : { error: `"${field.name}" takes a number.` };
    }
    case 'date': {
      const value = typeof raw === 'string' ? normalizeDateInput(raw, 'date') : undefined;
      return value && value.length === 10
        ? { value }
        : { error: `"${field.name}" takes a date as YYYY-MM-DD.` };
    }
    case 'datetime': {
      const value = typeof raw === 'string' ? normalizeDateInput(raw, 'datetime') : undefined;
      return value ? { value } : { error: `"${field.name}" takes an ISO 8601 datetime.` };
    }
    case 'choices': {
      const choices = field.choices ?? [];
      const choice =
        typeof raw === 'string'
          ? (choices.find((candidate) => candidate === raw) ??
            choices.find((candidate) => candidate.toLowerCase() === raw.toLowerCase()))
          : undefined;
      return choice !== undefined
        ? { value: choice }
        : { error: `"${String(raw)}" is not a choice of "${field.name}" (${choices.join(', ')}).` };
    }
    case 'user':
      return typeof raw === 'string' && userIds.has(raw)
        ? { value: raw }
        : { error: `"${field.name}" takes the ID of a user of this organization.` };
  }
}
