/**
 * Contacts: people on a lead, with emails, phones (normalized to E.164, numbers without a country
 * code read as US), URLs and custom values. A contact created without `lead_id` gets a new lead
 * named after it, as in Close. Every change refreshes what its lead keeps about it.
 */
import type { CloseContact } from '../../shared/close-objects.js';
import { statementCache, transaction } from '../store/db.js';
import { newId } from '../store/ids.js';
import {
  touched,
  created,
  found,
  previousValues,
  Problems,
  type WriteContext,
  changeRecorder,
  type RecordChange,
} from './context.js';
import type { Crm } from './crm.js';
import { customValuesOf, withCustomValues } from './custom-fields.js';
import {
  dateFilters,
  listPlan,
  pickFields,
  type ListQuery,
  type ListSpec,
  type Page,
} from './listing.js';
import { groupByLead, ObjectTable } from './records.js';
import { digits } from './text.js';

export type ContactEmail = { email: string; type: string };
export type ContactPhone = { phone: string; phone_formatted: string; type: string };
export type ContactUrl = { url: string; type: string };

export type ContactRecord = CloseContact & {
  organization_id: string;
  name: string | null;
  title: string | null;
  display_name: string;
  emails: ContactEmail[];
  phones: ContactPhone[];
  urls: ContactUrl[];
  created_by: string | null;
  updated_by: string | null;
  [custom: `custom.${string}`]: unknown;
};

export type ContactInput = {
  lead_id?: string | undefined;
  name?: string | null | undefined;
  title?: string | null | undefined;
  emails?: { email: string; type?: string | undefined }[] | undefined;
  phones?: { phone: string; type?: string | undefined }[] | undefined;
  urls?: { url: string; type?: string | undefined }[] | undefined;
  [key: string]: unknown;
};

export const CONTACT_LIST: ListSpec = {
  maxLimit: 200,
  maxSkip: 10_000,
  filters: {
    lead_id: { kind: 'equals', column: 'lead_id', multiple: true },
    id__in: { kind: 'in', column: 'id' },
    ...dateFilters('date_created'),
    ...dateFilters('date_updated'),
  },
  orderBy: {
    date_created: 'date_created',
    date_updated: 'date_updated',
    name: "json_extract(body, '$.name')",
  },
  defaultOrder: '-date_created',
};

export class ContactService {
  readonly table: ObjectTable<ContactRecord>;
  private readonly statement: ReturnType<typeof statementCache>;
  private readonly record: RecordChange<ContactRecord>;

  constructor(private readonly crm: Crm) {
    this.table = new ObjectTable<ContactRecord>(crm.db, 'contacts', {
      lead_id: (contact) => contact.lead_id,
      date_created: (contact) => contact.date_created,
      date_updated: (contact) => contact.date_updated,
    });
    this.statement = statementCache(crm.db);
    this.record = changeRecorder(crm.events, 'contact', (contact) => contact.lead_id);
  }

  /** Keeps the contact's rows in `contact_points` (its emails and phones) in step with it. */
  private syncPoints(before: ContactRecord | undefined, after: ContactRecord | undefined): void {
    const remove = this.statement(
      'DELETE FROM contact_points WHERE organization_id = ? AND kind = ? AND value = ? AND contact_id = ?',
    );
    if (before) {
      for (const [kind, value] of pointsOf(before))
        remove.run(before.organization_id, kind, value, before.id);
    }
    if (after) insertContactPoints(this.statement, [after]);
  }

  get(organizationId: string, id: string): ContactRecord | undefined {
    return this.table.get(organizationId, id);
  }

  list(organizationId: string, query: ListQuery, fields?: string[]): Page<Partial<ContactRecord>> {
    const page = this.table.page(organizationId, listPlan(CONTACT_LIST, query));
    return {
      data: page.data.map((contact) => pickFields(contact, fields)),
      has_more: page.has_more,
    };
  }

  recordsOf(organizationId: string, leadId: string): ContactRecord[] {
    return this.table.forLeads(organizationId, [leadId]);
  }

  /** The contacts of several leads, in one query. */
  forLeads(organizationId: string, leadIds: string[]): Map<string, ContactRecord[]> {
    return groupByLead(this.table.forLeads(organizationId, leadIds));
  }

  create(context: WriteContext, input: ContactInput): ContactRecord {
    return transaction(this.crm.db, () => {
      const { organizationId } = context;
      if (input.lead_id === undefined) {
        // Close makes a lead named after the contact.
        const { lead_id: _none, ...contact } = input;
        const lead = this.crm.leads.create(context, {
          name: input.name ?? null,
          contacts: [contact],
        });
        return found(this.recordsOf(organizationId, lead.id)[0], 'Contact');
      }
      const problems = new Problems();
      if (!this.crm.leads.exists(organizationId, input.lead_id)) {
        problems.add('lead_id', `Unknown lead "${input.lead_id}".`);
      }
      const contact = this.build(context, input.lead_id, input, problems);
      problems.throwIfAny();
      this.insertRecord(context, contact);
      this.crm.leads.refreshSearchText(organizationId, contact.lead_id);
      return contact;
    });
  }

  /** A new contact of `leadId` from its input; problems are named `${fieldPrefix}<field>`. */
  build(
    context: WriteContext,
    leadId: string,
    input: ContactInput,
    problems: Problems,
    fieldPrefix = '',
  ): ContactRecord {
    const custom = this.crm.customFields.applyValues(
      context.organizationId,
      'contact',
      input,
      {},
      problems,
      fieldPrefix,
    );
    const contact: ContactRecord = {
      id: newId('cont'),
      organization_id: context.organizationId,
      lead_id: leadId,
      name: input.name ?? null,
      title: input.title ?? null,
      display_name: '',
      emails: (input.emails ?? []).map((email) => ({
        email: email.email.trim(),
        type: email.type ?? 'office',
      })),
      phones: this.phones(input.phones ?? [], problems, fieldPrefix),
      urls: (input.urls ?? []).map((url) => ({ url: url.url, type: url.type ?? 'url' })),
      ...created(context),
    };
    return withCustomValues({ ...contact, display_name: contactDisplayName(contact) }, custom);
  }

  /** Stores a built contact and records its `created` event. */
  insertRecord(context: WriteContext, contact: ContactRecord): void {
    this.table.insert(contact);
    this.syncPoints(undefined, contact);
    this.record(context, 'created', contact);
  }

  update(context: WriteContext, id: string, input: ContactInput): ContactRecord {
    return transaction(this.crm.db, () => {
      const { organizationId } = context;
      const before = found(this.table.get(organizationId, id), 'Contact');
      const problems = new Problems();
      if (input.lead_id !== undefined && !this.crm.leads.exists(organizationId, input.lead_id)) {
        problems.add('lead_id', `Unknown lead "${input.lead_id}".`);
      }
      const custom = this.crm.customFields.applyValues(
        organizationId,
        'contact',
        input,
        customValuesOf(before),
        problems,
      );
      const phones =
        input.phones !== undefined ? this.phones(input.phones, problems, '') : before.phones;
      problems.throwIfAny();
      const changed: ContactRecord = withCustomValues(
        {
          ...before,
          ...(input.lead_id !== undefined && { lead_id: input.lead_id }),
          ...(input.name !== undefined && { name: input.name }),
          ...(input.title !== undefined && { title: input.title }),
          ...(input.emails !== undefined && {
            emails: input.emails.map((email) => ({
              email: email.email.trim(),
              type: email.type ?? 'office',
            })),
          }),
          phones,
          ...(input.urls !== undefined && {
            urls: input.urls.map((url) => ({ url: url.url, type: url.type ?? 'url' })),
          }),
        },
        custom,
      );
      const withName = { ...changed, display_name: contactDisplayName(changed) };
      if (Object.keys(previousValues(before, withName)).length === 0) return before;
      const after: ContactRecord = {
        ...withName,
        ...touched(context),
      };
      this.table.update(after);
      this.syncPoints(before, after);
      this.record(context, 'updated', after, previousValues(before, after));
      this.crm.leads.refreshSearchText(organizationId, after.lead_id);
      if (after.lead_id !== before.lead_id)
        this.crm.leads.refreshSearchText(organizationId, before.lead_id);
      return after;
    });
  }

  delete(context: WriteContext, id: string): void {
    transaction(this.crm.db, () => {
      const contact = found(this.table.get(context.organizationId, id), 'Contact');
      this.table.delete(context.organizationId, id);
      this.syncPoints(contact, undefined);
      this.record(context, 'deleted', contact);
      this.crm.leads.refreshSearchText(context.organizationId, contact.lead_id);
    });
  }

  deleteForLead(context: WriteContext, leadId: string): void {
    for (const contact of this.recordsOf(context.organizationId, leadId)) {
      this.table.delete(context.organizationId, contact.id);
      this.syncPoints(contact, undefined);
      this.record(context, 'deleted', contact);
    }
  }

  private phones(
    inputs: { phone: string; type?: string | undefined }[],
    problems: Problems,
    fieldPrefix: string,
  ): ContactPhone[] {
    return inputs.map((input, index) => {
      const phone = normalizePhone(input.phone);
      if (!phone)
        problems.add(
          `${fieldPrefix}phones.${index}.phone`,
          `"${input.phone}" is not a valid phone number.`,
        );
      return {
        phone: phone ?? input.phone,
        phone_formatted: formatPhone(phone ?? input.phone),
        type: input.type ?? 'office',
      };
    });
  }
}

/** A contact's emails in lower case and phones as digits, once each. */
function pointsOf(contact: ContactRecord): [kind: 'email' | 'phone', value: string][] {
  const points = new Map<string, ['email' | 'phone', string]>();
  for (const email of contact.emails)
    points.set(`e${email.email.toLowerCase()}`, ['email', email.email.toLowerCase()]);
  for (const phone of contact.phones)
    points.set(`p${digits(phone.phone)}`, ['phone', digits(phone.phone)]);
  return [...points.values()];
}

/**
 * Adds the `contact_points` rows of some contacts, in key order: for the thousands of contacts of
 * a seed, appending to the table's key is much faster than inserting at random places.
 */
export function insertContactPoints(
  statement: ReturnType<typeof statementCache>,
  contacts: ContactRecord[],
): void {
  const insert = statement(
    `INSERT OR IGNORE INTO contact_points (organization_id, kind, value, contact_id, lead_id)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const rows = contacts.flatMap((contact) =>
    pointsOf(contact).map(([kind, value]) => {
      const row = [contact.organization_id, kind, value, contact.id, contact.lead_id];
      return { key: row.slice(0, 4).join('\u0000'), row };
    }),
  );
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { row } of rows) insert.run(...row);
}

export function contactDisplayName(contact: Pick<ContactRecord, 'name' | 'emails'>): string {
  return contact.name ?? contact.emails[0]?.email ?? '';
}

/** E.164 (`+16505551234`), or undefined when the input cannot be a phone number. */
export function normalizePhone(input: string): string | undefined {
  const trimmed = input.trim();
  if (!/^\+?[\d\s().\-/]+$/.test(trimmed)) return undefined;
  const number = digits(trimmed);
  if (number.length < 7 || number.length > 15) return undefined;
  if (trimmed.startsWith('+')) return `+${number}`;
  if (number.length === 10) return `+1${number}`;
  if (number.length === 11 && number.startsWith('1')) return `+${number}`;
  return `+${number}`;
}

export function formatPhone(phone: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return match ? `+1 ${match[1]}-${match[2]}-${match[3]}` : phone;
}
