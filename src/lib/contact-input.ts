/**
 * The contact's inputs, shared by Create Contact, Update Contact and the contact half of Find or
 * Create Contact: name, title, emails, phones and URLs (each a list, with one type for the
 * emails and one for the phones), custom fields; their zod schema and Close's contact body.
 */
import { defineInputFields } from 'zapier-platform-core';
import { z } from 'zod';
import type { CloseContact } from '../../shared/close-objects.js';
import { CONTACT_INFO_TYPES, mergeEntries, phoneNumber } from './contact-values.js';
import { customFieldsInput } from './custom-fields.js';
import {
  choice,
  choicesFor,
  compactBody,
  labelsOf,
  list,
  text,
  type FieldLabels,
} from './inputs.js';

const typeChoices = choicesFor(CONTACT_INFO_TYPES);

export const contactPlainFields = defineInputFields([
  { key: 'name', label: 'Name', helpText: 'The person’s full name.' },
  { key: 'title', label: 'Title', helpText: 'Job title, like VP Engineering.' },
  {
    key: 'emails',
    label: 'Emails',
    list: true,
    helpText: 'One or more email addresses; the first is the contact’s primary one.',
  },
  { key: 'email_type', label: 'Email Type', choices: typeChoices, default: 'office' },
  {
    key: 'phones',
    label: 'Phones',
    list: true,
    helpText: 'One or more phone numbers with the country code, like +1 650 555 1234.',
  },
  { key: 'phone_type', label: 'Phone Type', choices: typeChoices, default: 'office' },
  { key: 'urls', label: 'URLs', list: true, helpText: 'Web pages, like a LinkedIn profile.' },
]);

export const contactInputFields = (options: { forUpdate: boolean }) => [
  ...contactPlainFields,
  customFieldsInput('contact', options),
];

export const contactLabels: FieldLabels = labelsOf(contactPlainFields);

const emailItem = z.email({
  error: (issue) => `must be email addresses like name@example.com (got "${String(issue.input)}")`,
});
const urlItem = z
  .string()
  .transform((value) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`))
  .pipe(
    z.url({
      error: (issue) =>
        `must be web addresses like https://example.com (got "${String(issue.input)}")`,
    }),
  );

export const contactValuesSchema = z.object({
  name: text(),
  title: text(),
  emails: list(emailItem),
  email_type: choice(CONTACT_INFO_TYPES),
  phones: list(phoneNumber(), /[,;\n]/),
  phone_type: choice(CONTACT_INFO_TYPES),
  // URLs may hold commas and semicolons; only line breaks separate them in one mapped value.
  urls: list(urlItem, /\n/),
});
export type ContactValues = z.output<typeof contactValuesSchema>;

export const contactCloseLabels: FieldLabels = { ...contactLabels, lead_id: 'Lead' };

/** Close's contact body; on update the entered emails, phones and URLs go first, others stay. */
export function contactBody(values: ContactValues, existing?: CloseContact) {
  const { emails, phones, urls } = values;
  return compactBody({
    name: values.name,
    title: values.title,
    emails:
      emails && mergeEntries('email', emails, values.email_type ?? 'office', existing?.emails),
    phones:
      phones && mergeEntries('phone', phones, values.phone_type ?? 'office', existing?.phones),
    urls: urls && mergeEntries('url', urls, 'url', existing?.urls),
  });
}
