/**
 * Update Contact: changes only the fields entered. Emails, phones and URLs entered are put first
 * (the first is the primary one) and the contact's others are kept.
 */
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { contactSchema } from '../../shared/close-objects.js';
import { contactOutputFields, contactSample, formatContact } from '../formatters/contact.js';
import { closeGet } from '../lib/close-request.js';
import {
  contactBody,
  contactCloseLabels,
  contactInputFields,
  contactValuesSchema,
} from '../lib/contact-input.js';
import { customInputs, customNamesFor } from '../lib/custom-fields.js';
import { contactIdField } from '../lib/id-fields.js';
import { compactBody, labelsOf, parseInputs, requiredCloseId } from '../lib/inputs.js';
import { putOrRead } from '../lib/update.js';

const inputFields = defineInputFields([
  contactIdField({
    required: true,
    helpText: 'The contact to update: pick it, or map a contact ID (`cont_…`).',
  }),
  ...contactInputFields({ forUpdate: true }),
]);

const schema = contactValuesSchema.extend({ contact_id: requiredCloseId('cont', 'contact') });
const labels = labelsOf(inputFields);

const perform = (async (z, bundle) => {
  const { contact_id: contactId, ...values } = parseInputs(z, schema, bundle.inputData, labels);
  const custom = await customInputs(z, 'contact', bundle.inputData);
  const subject = `contact ${contactId}`;
  const needsCurrent = Boolean(values.emails ?? values.phones ?? values.urls);
  const current = needsCurrent
    ? await closeGet(z, `/contact/${contactId}/`, contactSchema, undefined, { subject })
    : undefined;
  const body = compactBody({ ...contactBody(values, current), ...custom.values });
  const contact = await putOrRead(z, `/contact/${contactId}/`, body, contactSchema, {
    fieldLabels: { ...contactCloseLabels, ...custom.labels },
    subject,
  });
  return formatContact(contact, await customNamesFor(z, bundle, 'contact', contact, custom.fields));
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'update_contact',
  noun: 'Contact',
  display: {
    label: 'Update Contact',
    description:
      'Updates a contact’s name, title, emails, phones, URLs or custom fields. Fields left empty ' +
      'are not changed.',
  },
  operation: { perform, inputFields, sample: contactSample, outputFields: contactOutputFields },
});
