/**
 * Find Lead: by name, a contact's email or phone, or a custom field's value (any combination, all
 * must match), through Close's Advanced Filtering API (see lib/data-search.ts for why not the
 * lead list's `query`, and how candidates are checked exactly). The most recently updated match
 * wins, except that a lead named exactly as asked (ignoring case) beats one whose name merely
 * contains the words.
 */
import {
  defineInputFields,
  defineSearch,
  type Bundle,
  type PlainInputField,
  type SearchPerform,
  type InferInputData,
  type ZObject,
} from 'zapier-platform-core';
import { z as zod } from 'zod';
import { leadSchema, type CloseCustomField } from '../../shared/close-objects.js';
import { formatLead, leadOutputFields, leadSample } from '../formatters/lead.js';
import { closeGet } from '../lib/close-request.js';
import { phone } from '../lib/contact-values.js';
import {
  customFieldChoices,
  customNamesFor,
  customValueSchema,
  loadCustomFields,
} from '../lib/custom-fields.js';
import {
  and,
  contactWithEmail,
  contactWithPhone,
  customFieldCondition,
  customValueMatches,
  fieldCondition,
  firstVerified,
  hasEmail,
  hasPhone,
  hasRelated,
  searchObjects,
  textCondition,
  type SearchHit,
  type SearchQuery,
} from '../lib/data-search.js';
import { blankToUndefined, email, inputError, labelsOf, parseInputs, text } from '../lib/inputs.js';

/** Candidates asked for: enough to find the exact name among similar ones. */
const CANDIDATES = 10;

/** The value input takes the chosen custom field's type: a dropdown for choices and users. */
async function customValueField(z: ZObject, bundle: Bundle): Promise<PlainInputField[]> {
  const id = bundle.inputData.custom_field_id;
  const base = {
    key: 'custom_field_value',
    label: 'Custom Field Value',
    helpText: 'The value the custom field must have (exactly).',
  };
  if (typeof id !== 'string' || !id.startsWith('cf_')) return [base];
  const field = (await loadCustomFields(z, 'lead').catch(() => [])).find((f) => f.id === id);
  if (!field) return [base];
  if (field.type === 'choices' && field.choices?.length) {
    return [{ ...base, label: field.name, choices: field.choices }];
  }
  if (field.type === 'user') return [{ ...base, label: field.name, dynamic: 'user_list.id.label' }];
  if (field.type === 'date') return [{ ...base, label: field.name, type: 'datetime' }];
  return [{ ...base, label: field.name }];
}

const inputFields = defineInputFields([
  { key: 'name', label: 'Company / Organization Name', helpText: 'The lead’s name.' },
  { key: 'email', label: 'Contact Email', helpText: 'An email address of one of its contacts.' },
  { key: 'phone', label: 'Contact Phone', helpText: 'A phone number of one of its contacts.' },
  {
    key: 'custom_field_id',
    label: 'Custom Field',
    choices: { perform: customFieldChoices('lead') },
    altersDynamicFields: true,
    helpText: 'Find by a lead custom field: pick the field, or map its ID (`cf_…`).',
  },
  customValueField,
]);

const schema = zod.object({
  name: text(),
  email: email(),
  phone: phone(),
  custom_field_id: text(),
  custom_field_value: zod.unknown().optional(),
});
const labels = { ...labelsOf(inputFields), custom_field_value: 'Custom Field Value' };

/** The custom field and the value to find, checked by the field's type. */
async function customCriterion(
  z: ZObject,
  fieldId: string,
  rawValue: unknown,
): Promise<{ field: CloseCustomField; value: unknown }> {
  const field = (await loadCustomFields(z, 'lead')).find((candidate) => candidate.id === fieldId);
  if (!field) {
    inputError(
      z,
      `Custom Field "${fieldId}" is not one of your Close organization’s lead custom fields. ` +
        'Pick one from the dropdown.',
    );
  }
  const { value } = parseInputs(
    z,
    zod.object({ value: customValueSchema(field) }),
    { value: rawValue },
    { value: field.name },
  );
  return { field, value };
}

const perform = (async (z, bundle) => {
  const values = parseInputs(z, schema, bundle.inputData, labels);
  const customValue = blankToUndefined(values.custom_field_value);
  if ((values.custom_field_id === undefined) !== (customValue === undefined)) {
    inputError(z, 'To find by a custom field, fill in both Custom Field and Custom Field Value.');
  }
  const { name, email, phone: phoneNumber } = values;
  const custom = values.custom_field_id
    ? await customCriterion(z, values.custom_field_id, customValue)
    : undefined;
  const queries: SearchQuery[] = [];
  if (name) queries.push(fieldCondition('lead', 'name', textCondition(name, 'phrase')));
  if (email) queries.push(hasRelated('lead', 'contact', contactWithEmail(email)));
  if (phoneNumber) queries.push(hasRelated('lead', 'contact', contactWithPhone(phoneNumber)));
  if (custom) queries.push(customFieldCondition(custom.field, custom.value));
  if (queries.length === 0) {
    inputError(z, 'Fill in at least one of Name, Contact Email, Contact Phone or Custom Field.');
  }

  const hits = await searchObjects(z, 'lead', and(...queries), {
    limit: CANDIDATES,
    fields: ['display_name', 'name'],
  });
  const wanted = name?.toLowerCase();
  const isExactName = (hit: SearchHit) =>
    String(hit.name ?? hit.display_name ?? '').toLowerCase() === wanted;
  const ordered = wanted
    ? [...hits.filter(isExactName), ...hits.filter((hit) => !isExactName(hit))]
    : hits;
  const lead = await firstVerified(
    ordered,
    (id) => closeGet(z, `/lead/${id}/`, leadSchema, undefined, { subject: `lead ${id}` }),
    (candidate) =>
      (!email || candidate.contacts.some((contact) => hasEmail(contact, email))) &&
      (!phoneNumber || candidate.contacts.some((contact) => hasPhone(contact, phoneNumber))) &&
      (!custom || customValueMatches(custom.field, candidate, custom.value)),
  );
  if (!lead) return [];
  return [formatLead(lead, await customNamesFor(z, bundle, 'lead', lead))];
}) satisfies SearchPerform<InferInputData<typeof inputFields>>;

export default defineSearch({
  key: 'find_lead',
  noun: 'Lead',
  display: {
    label: 'Find Lead',
    description: 'Finds a lead by name, a contact’s email or phone, or a custom field value.',
  },
  operation: { perform, inputFields, sample: leadSample, outputFields: leadOutputFields },
});
