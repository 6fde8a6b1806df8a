/**
 * Find Contact: by email address or phone number (both must match when both are given), through
 * Close's Advanced Filtering API; the most recently updated match wins.
 */
import {
  defineInputFields,
  defineSearch,
  type InferInputData,
  type SearchPerform,
} from 'zapier-platform-core';
import { z as zod } from 'zod';
import { contactSchema } from '../../shared/close-objects.js';
import { contactOutputFields, contactSample, formatContact } from '../formatters/contact.js';
import { closeGet } from '../lib/close-request.js';
import { phone } from '../lib/contact-values.js';
import { customNamesFor } from '../lib/custom-fields.js';
import {
  and,
  contactWithEmail,
  contactWithPhone,
  searchObjects,
  type SearchQuery,
} from '../lib/data-search.js';
import { email, inputError, labelsOf, parseInputs } from '../lib/inputs.js';

const inputFields = defineInputFields([
  { key: 'email', label: 'Email', helpText: 'One of the contact’s email addresses.' },
  {
    key: 'phone',
    label: 'Phone',
    helpText: 'One of the contact’s phone numbers, with the country code, like +1 650 555 1234.',
  },
]);

const schema = zod.object({ email: email(), phone: phone() });
const labels = labelsOf(inputFields);

const perform = (async (z, bundle) => {
  const values = parseInputs(z, schema, bundle.inputData, labels);
  const queries: SearchQuery[] = [];
  if (values.email) queries.push(contactWithEmail(values.email));
  if (values.phone) queries.push(contactWithPhone(values.phone));
  if (queries.length === 0) inputError(z, 'Fill in Email or Phone to find a contact.');
  const [hit] = await searchObjects(z, 'contact', and(...queries), { limit: 1 });
  if (!hit) return [];
  const contact = await closeGet(z, `/contact/${hit.id}/`, contactSchema, undefined, {
    subject: `contact ${hit.id}`,
  });
  return [formatContact(contact, await customNamesFor(z, 'contact', contact))];
}) satisfies SearchPerform<InferInputData<typeof inputFields>>;

export default defineSearch({
  key: 'find_contact',
  noun: 'Contact',
  display: {
    label: 'Find Contact',
    description: 'Finds a contact by email address or phone number.',
  },
  operation: { perform, inputFields, sample: contactSample, outputFields: contactOutputFields },
});
