/**
 * The one output shape of a Close contact: its fields, the first email and phone flattened for
 * mapping, and custom fields by name.
 */
import type { CloseContact } from '../../shared/close-objects.js';
import {
  AUDIT_FIELDS,
  customByName,
  customFieldEntries,
  outputFields,
  type CustomFieldNames,
  type Formatted,
} from './common.js';

/** The Close fields `formatContact` reads (custom fields besides): what polls ask for. */
export const CONTACT_FIELDS = [
  'id',
  'lead_id',
  'name',
  'title',
  'emails',
  'phones',
  'urls',
  'custom',
  ...AUDIT_FIELDS,
] as const;

export function formatContact(contact: CloseContact, customNames?: CustomFieldNames): Formatted {
  return {
    id: contact.id,
    lead_id: contact.lead_id,
    name: contact.name ?? '',
    title: contact.title ?? '',
    email: contact.emails[0]?.email ?? '',
    phone: contact.phones[0]?.phone ?? '',
    emails: contact.emails.map(({ email, type }) => ({ email, type })),
    phones: contact.phones.map(({ phone, type }) => ({ phone, type })),
    urls: contact.urls.map(({ url, type }) => ({ url, type })),
    custom: customByName(contact, customNames),
    ...customFieldEntries(contact),
    organization_id: contact.organization_id,
    date_created: contact.date_created,
    date_updated: contact.date_updated,
  };
}

export const contactOutputFields = outputFields([
  ['id', 'Contact ID'],
  ['lead_id', 'Lead ID'],
  ['name', 'Name'],
  ['title', 'Title'],
  ['email', 'Email (First)'],
  ['phone', 'Phone (First)'],
  ['emails[]email', 'Emails'],
  ['phones[]phone', 'Phones'],
  ['urls[]url', 'URLs'],
  ['date_created', 'Date Created', 'datetime'],
  ['date_updated', 'Date Updated', 'datetime'],
]);

export const contactSampleRaw: CloseContact = {
  id: 'cont_7uLwM9nH1aQbZc2ErVtYp0sKdJ4fG6hX8iO3lU5mNw1',
  lead_id: 'lead_4xPq2WnR8tYbHc5KdLm7Jf9Gs3Ae6Zv1Ui0Oo2Ty4Rk',
  name: 'Grace Hopper',
  title: 'VP Engineering',
  emails: [{ email: 'grace@acme.example', type: 'office' }],
  phones: [{ phone: '+16505551234', type: 'office' }],
  urls: [{ url: 'https://acme.example', type: 'url' }],
  organization_id: 'orga_9hT3kLm2Nq8Wp5Xr7Ys1Zt4Uv6Aw0Bx2Cy3Dz5Ea7Fb',
  date_created: '2026-03-02T09:15:27.412000+00:00',
  date_updated: '2026-03-04T16:40:03.118000+00:00',
  'custom.cf_Rb3Ls8Kq2Wn7Xv5Tp9Ym4Jh6Gd1Fc0Az2Sx8Dc4Vb7Nm1': 'Champion',
  custom: { 'Contact Role': 'Champion' },
};

export const contactSample = formatContact(contactSampleRaw);
