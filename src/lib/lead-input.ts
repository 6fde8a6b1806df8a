/**
 * The lead's inputs, shared by Create Lead, Update Lead and the lead half of Find or Create Lead:
 * the input fields (public keys: `name`, `url`, `description`, `status_id`, `contact_*`,
 * `address_1` … `country`, custom fields as `custom.cf_<id>`), their zod schema, and how the
 * values become Close's lead body (`contacts`, `addresses`, `custom.cf_…`).
 */
import { defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z } from 'zod';
import type { CloseAddress, CloseContact, CloseLead } from '../../shared/close-objects.js';
import { formatLead } from '../formatters/lead.js';
import { mergeEntries, phone } from './contact-values.js';
import { customFieldsInput, customInputs, customNamesFor } from './custom-fields.js';
import { leadStatusIdField } from './id-fields.js';
import { compactBody, email, labelsOf, text, url, type FieldLabels } from './inputs.js';
import { leadStatusId } from './statuses.js';

/** The lead's own fields and its primary contact's, without custom fields or `lead_id`. */
export const leadPlainFields = defineInputFields([
  {
    key: 'name',
    label: 'Company / Organization Name',
    helpText:
      'The lead’s name, usually the company. Close names a lead without one after its contact.',
  },
  {
    key: 'url',
    label: 'Website URL',
    helpText: 'The company’s website, like https://acme.example.',
  },
  { key: 'description', label: 'Description', type: 'text' },
  leadStatusIdField({
    helpText:
      'Pick the lead status, or map a status ID (`stat_…`) or a status name. Left empty on ' +
      'create, Close uses your organization’s default status.',
  }),
  { key: 'contact_name', label: 'Contact Name' },
  { key: 'contact_title', label: 'Contact Title', helpText: 'Job title, like VP Engineering.' },
  { key: 'contact_email', label: 'Contact Email' },
  {
    key: 'contact_phone',
    label: 'Contact Phone',
    helpText: 'With the country code, like +1 650 555 1234.',
  },
  { key: 'address_1', label: 'Address Line 1' },
  { key: 'address_2', label: 'Address Line 2' },
  { key: 'city', label: 'City' },
  { key: 'state', label: 'State / Region' },
  { key: 'zipcode', label: 'Zip / Postal Code' },
  {
    key: 'country',
    label: 'Country',
    helpText: 'The two-letter country code (ISO 3166), like US, GB or DE.',
  },
]);

export const leadInputFields = (options: { forUpdate: boolean }) => [
  ...leadPlainFields,
  customFieldsInput('lead', options),
];

export const leadLabels: FieldLabels = labelsOf(leadPlainFields);

const country = () =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined),
    z
      .string()
      .regex(/^[A-Za-z]{2}$/, {
        error: (issue) =>
          `must be a two-letter country code like US, GB or DE (got "${String(issue.input)}")`,
      })
      .transform((code) => code.toUpperCase())
      .optional(),
  );

export const leadValuesSchema = z.object({
  name: text(),
  url: url(),
  description: text(),
  // An ID, or a status's name resolved by statuses.ts.
  status_id: text(),
  contact_name: text(),
  contact_title: text(),
  contact_email: email(),
  contact_phone: phone(),
  address_1: text(),
  address_2: text(),
  city: text(),
  state: text(),
  zipcode: text(),
  country: country(),
});
export type LeadValues = z.output<typeof leadValuesSchema>;

/** Close's field names (as in its 400 `field-errors`) → the labels of these inputs. */
export const leadCloseLabels: FieldLabels = {
  ...leadLabels,
  contacts: 'Contact',
  addresses: 'Address',
  'contacts.0.name': leadLabels.contact_name ?? 'Contact Name',
  'contacts.0.title': leadLabels.contact_title ?? 'Contact Title',
  'contacts.0.emails': leadLabels.contact_email ?? 'Contact Email',
  'contacts.0.phones': leadLabels.contact_phone ?? 'Contact Phone',
};

const ADDRESS_KEYS = ['address_1', 'address_2', 'city', 'state', 'zipcode', 'country'] as const;

/** The entered address parts, or undefined when none was entered. */
export function addressParts(values: LeadValues): Partial<CloseAddress> | undefined {
  const parts = compactBody(Object.fromEntries(ADDRESS_KEYS.map((key) => [key, values[key]])));
  return Object.keys(parts).length > 0 ? parts : undefined;
}

export const hasContactValues = (values: LeadValues) =>
  [values.contact_name, values.contact_title, values.contact_email, values.contact_phone].some(
    (value) => value !== undefined,
  );

/**
 * The primary contact's body: a new contact from the inputs, or (on update) the existing one's
 * changed fields, with a new email or phone put first and the others kept.
 */
export function contactBodyFromLead(values: LeadValues, existing?: CloseContact) {
  return compactBody({
    name: values.contact_name,
    title: values.contact_title,
    emails: values.contact_email
      ? mergeEntries('email', [values.contact_email], 'office', existing?.emails)
      : undefined,
    phones: values.contact_phone
      ? mergeEntries('phone', [values.contact_phone], 'office', existing?.phones)
      : undefined,
  });
}

/** The lead's own fields (not contacts or addresses). */
export const leadOwnBody = (values: LeadValues) =>
  compactBody({
    name: values.name,
    url: values.url,
    description: values.description,
    status_id: values.status_id,
  });

/** Create Lead's body: the lead, its one contact and address when entered, custom fields. */
export function newLeadBody(values: LeadValues, custom: Record<string, unknown>) {
  const address = addressParts(values);
  return compactBody({
    ...leadOwnBody(values),
    contacts: hasContactValues(values) ? [contactBodyFromLead(values)] : undefined,
    addresses: address ? [{ label: 'business', ...address }] : undefined,
    ...custom,
  });
}

/**
 * Update Lead's addresses: the entered parts laid over the lead's first address (Close replaces
 * the whole list on update, so the other addresses are sent back as they are).
 */
export function updatedAddresses(
  values: LeadValues,
  current: readonly CloseAddress[],
): CloseAddress[] | undefined {
  const parts = addressParts(values);
  if (!parts) return undefined;
  const [first, ...rest] = current;
  return [{ label: 'business', ...first, ...parts }, ...rest];
}

/**
 * What Create and Update Lead need before they write: the values with a status name resolved,
 * the custom values checked by their definitions, the labels for Close's field errors, and a
 * formatter that names the result's custom values with the definitions already loaded.
 */
export async function leadWrite(z: ZObject, bundle: Bundle, parsed: LeadValues) {
  const custom = await customInputs(z, 'lead', bundle.inputData);
  return {
    values: { ...parsed, status_id: await leadStatusId(z, parsed.status_id) },
    custom: custom.values,
    fieldLabels: { ...leadCloseLabels, ...custom.labels },
    format: async (lead: CloseLead) =>
      formatLead(lead, await customNamesFor(z, bundle, 'lead', lead, custom.fields)),
  };
}
