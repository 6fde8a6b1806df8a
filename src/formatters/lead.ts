/**
 * The one output shape of a Close lead, used by triggers, creates and searches alike: the lead's
 * fields, its status, its primary (first) contact and first address flattened for mapping, a
 * link to the lead in Close, and custom fields under their names.
 */
import type { CloseLead } from '../../shared/close-objects.js';
import {
  AUDIT_FIELDS,
  customByName,
  customFieldEntries,
  outputFields,
  type CustomFieldNames,
  type Formatted,
} from './common.js';
import { contactSampleRaw, formatContact } from './contact.js';

/**
 * The Close fields `formatLead` reads (custom fields besides, named one by one as
 * `custom.cf_…`): what polls ask for, leaving out the opportunities and tasks a lead embeds.
 * `custom` is Close's legacy object of values by name.
 */
export const LEAD_FIELDS = [
  'id',
  'name',
  'display_name',
  'description',
  'url',
  'html_url',
  'status_id',
  'status_label',
  'contacts',
  'addresses',
  'custom',
  ...AUDIT_FIELDS,
] as const;

export function formatLead(lead: CloseLead, customNames?: CustomFieldNames): Formatted {
  const primary = lead.contacts[0];
  const address = lead.addresses[0];
  return {
    id: lead.id,
    name: lead.name ?? lead.display_name,
    display_name: lead.display_name,
    description: lead.description ?? '',
    url: lead.url ?? '',
    html_url: lead.html_url,
    status_id: lead.status_id,
    status_label: lead.status_label,
    primary_contact_id: primary?.id ?? '',
    primary_contact_name: primary?.name ?? '',
    primary_contact_title: primary?.title ?? '',
    primary_contact_email: primary?.emails[0]?.email ?? '',
    primary_contact_phone: primary?.phones[0]?.phone ?? '',
    contacts: lead.contacts.map((contact) => formatContact(contact)),
    address_1: address?.address_1 ?? '',
    address_2: address?.address_2 ?? '',
    city: address?.city ?? '',
    state: address?.state ?? '',
    zipcode: address?.zipcode ?? '',
    country: address?.country ?? '',
    addresses: lead.addresses,
    custom: customByName(lead, customNames),
    ...customFieldEntries(lead),
    organization_id: lead.organization_id,
    created_by: lead.created_by ?? null,
    updated_by: lead.updated_by ?? null,
    date_created: lead.date_created,
    date_updated: lead.date_updated,
  };
}

export const leadOutputFields = outputFields([
  ['id', 'Lead ID'],
  ['name', 'Company / Organization Name'],
  ['display_name', 'Display Name'],
  ['description', 'Description'],
  ['url', 'Website URL'],
  ['html_url', 'Lead URL in Close'],
  ['status_id', 'Status ID'],
  ['status_label', 'Status'],
  ['primary_contact_id', 'Primary Contact ID'],
  ['primary_contact_name', 'Primary Contact Name'],
  ['primary_contact_title', 'Primary Contact Title'],
  ['primary_contact_email', 'Primary Contact Email'],
  ['primary_contact_phone', 'Primary Contact Phone'],
  ['address_1', 'Address Line 1'],
  ['address_2', 'Address Line 2'],
  ['city', 'City'],
  ['state', 'State'],
  ['zipcode', 'Zip Code'],
  ['country', 'Country'],
  ['created_by', 'Created By (User ID)'],
  ['date_created', 'Date Created', 'datetime'],
  ['date_updated', 'Date Updated', 'datetime'],
]);

export const leadSampleRaw: CloseLead = {
  id: contactSampleRaw.lead_id,
  name: 'Acme Rockets',
  display_name: 'Acme Rockets',
  description: 'Reusable rockets for small payloads.',
  url: 'https://acme.example',
  html_url: `https://app.close.com/lead/${contactSampleRaw.lead_id}/`,
  status_id: 'stat_1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4aB5',
  status_label: 'Potential',
  contacts: [contactSampleRaw],
  addresses: [
    {
      label: 'business',
      address_1: '1 Launch Way',
      address_2: 'Suite 200',
      city: 'Austin',
      state: 'TX',
      zipcode: '78701',
      country: 'US',
    },
  ],
  organization_id: contactSampleRaw.organization_id,
  created_by: 'user_2bQ7cR4dS9eT1fU6gV3hW8iX5jY0kZ7lA2mB4nC9oD1',
  updated_by: 'user_2bQ7cR4dS9eT1fU6gV3hW8iX5jY0kZ7lA2mB4nC9oD1',
  date_created: '2026-03-02T09:15:26.990000+00:00',
  date_updated: '2026-03-04T16:40:03.118000+00:00',
  'custom.cf_Hq5Wd2Lk9Xr3Tn7Vb1Mz4Pj8Gf6Sc0Ay2Ue5Io7Lk3Rt9': 'Web',
  custom: { 'Lead Source': 'Web' },
};

export const leadSample = formatLead(leadSampleRaw);
