/**
 * Find Contact: by email address or phone number (both must match when both are given), through
 * Close's Advanced Filtering API, each candidate checked exactly (lib/data-search.ts); the most
 * recently updated match wins.
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
  firstVerified,
  hasEmail,
  hasPhone,
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

/** Candidates asked for; each is then checked for the exact address or number. */
const CANDIDATES = 10;

const schema = zod.object({ email: email(), phone: phone() });
const labels = labelsOf(inputFields);

const perform = (async (z, bundle) => {
  const values = parseInputs(z, schema, bundle.inputData, labels);
  const queries: SearchQuery[] = [];
  if (values.email) queries.push(contactWithEmail(values.email));
  if (values.phone) queries.push(contactWithPhone(values.phone));
  if (queries.length === 0) inputError(z, 'Fill in Email or Phone to find a contact.');
  const hits = await searchObjects(z, 'contact', and(...queries), { limit: CANDIDATES });
  const contact = await firstVerified(
    hits,
    (id) => closeGet(z, `/contact/${id}/`, contactSchema, undefined, { subject: `contact ${id}` }),
    (candidate) =>
      (!values.email || hasEmail(candidate, values.email)) &&
      (!values.phone || hasPhone(candidate, values.phone)),
  );
  if (!contact) return [];
  return [formatContact(contact, await customNamesFor(z, bundle, 'contact', contact))];
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
