/**
 * Leads: created with embedded contacts, addresses and custom values, a status (the
 * organization's first when none is given), read with their contacts, opportunities and tasks.
 * `PUT` changes only the fields sent; a status change writes a LeadStatusChange activity; a
 * delete removes everything that hangs off the lead, each with its own `deleted` event, as Close
 * does. The `search_text` column keeps the words of the lead and its contacts for queries.
 */
import type { CloseLead } from '../../shared/close-objects.js';
import { transaction } from '../store/db.js';
import { newId } from '../store/ids.js';
import type { ContactInput, ContactRecord } from './contacts.js';
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
import { Lookups } from './lookups.js';
import { ObjectTable } from './records.js';
import { wordText } from './text.js';

export type Address = {
  label: string;
  address_1: string | null;
  address_2: string | null;
  city: string | null;
  state: string | null;
  zipcode: string | null;
  country: string | null;
};
export type AddressInput = { [K in keyof Address]?: Address[K] | undefined };

export type LeadRecord = {
  id: string;
  organization_id: string;
  name: string | null;
  display_name: string;
  description: string | null;
  url: string | null;
  status_id: string;
  addresses: Address[];
  created_by: string | null;
  updated_by: string | null;
  date_created: string;
  date_updated: string;
  [custom: `custom.${string}`]: unknown;
};

export type LeadInput = {
  name?: string | null | undefined;
  description?: string | null | undefined;
  url?: string | null | undefined;
  status_id?: string | undefined;
  /** The status by label (Close accepts either, not both). */
  status?: string | undefined;
  addresses?: AddressInput[] | undefined;
  contacts?: ContactInput[] | undefined;
  [key: string]: unknown;
};

export type Lead = CloseLead & Record<string, unknown>;

export const LEAD_LIST: ListSpec = {
  maxLimit: 200,
  maxSkip: 10_000,
  filters: {
    id__in: { kind: 'in', column: 'id' },
    status_id: { kind: 'equals', column: 'status_id', multiple: true },
    ...dateFilters('date_created'),
    ...dateFilters('date_updated'),
  },
  orderBy: {
    date_created: 'date_created',
    date_updated: 'date_updated',
    name: "json_extract(body, '$.display_name')",
  },
  defaultOrder: '-date_created',
};

/** Fields of a presented lead that come from other tables. */
const NESTED = ['contacts', 'opportunities', 'tasks'] as const;

export const leadHtmlUrl = (id: string) => `https://app.close.com/lead/${id}/`;

export class LeadService {
  readonly table: ObjectTable<LeadRecord>;
  private readonly record: RecordChange<Lead>;

  constructor(private readonly crm: Crm) {
    this.table = new ObjectTable<LeadRecord>(crm.db, 'leads', {
      status_id: (lead) => lead.status_id,
      date_created: (lead) => lead.date_created,
      date_updated: (lead) => lead.date_updated,
    });
    this.record = changeRecorder(crm.events, 'lead', (lead) => lead.id);
  }

  get(organizationId: string, id: string, fields?: string[]): Lead | undefined {
    const record = this.table.get(organizationId, id);
    return record && this.present(organizationId, [record], fields)[0];
  }

  list(
    organizationId: string,
    query: ListQuery & { query?: string | undefined },
    fields?: string[],
  ): Page<Lead> {
    const plan = listPlan(LEAD_LIST, query);
    if (query.query?.trim())
      plan.where.push(this.crm.search.leadQuerySql(organizationId, query.query));
    const page = this.table.page(organizationId, plan);
    return { data: this.present(organizationId, page.data, fields), has_more: page.has_more };
  }

  create(context: WriteContext, input: LeadInput): Lead {
    return transaction(this.crm.db, () => {
      const { organizationId } = context;
      const problems = new Problems();
      const id = newId('lead');
      const statusId =
        this.resolveStatus(organizationId, input, problems) ??
        this.crm.statuses.defaultLeadStatus(organizationId).id;
      const custom = this.crm.customFields.applyValues(organizationId, 'lead', input, {}, problems);
      const contacts = (input.contacts ?? []).map((contact, index) =>
        this.crm.contacts.build(context, id, contact, problems, `contacts.${index}.`),
      );
      problems.throwIfAny();
      const record: LeadRecord = withCustomValues(
        {
          id,
          organization_id: organizationId,
          name: input.name ?? null,
          display_name: displayName(input.name ?? null, contacts),
          description: input.description ?? null,
          url: input.url ?? null,
          status_id: statusId,
          addresses: (input.addresses ?? []).map(toAddress),
          ...created(context),
        },
        custom,
      );
      this.table.insert(record, { search_text: searchText(record, contacts) });
      for (const contact of contacts) this.crm.contacts.insertRecord(context, contact);
      const lead = this.presentOne(organizationId, record);
      this.record(context, 'created', lead);
      return lead;
    });
  }

  update(context: WriteContext, id: string, input: LeadInput): Lead {
    return transaction(this.crm.db, () => {
      const { organizationId } = context;
      const before = found(this.table.get(organizationId, id), 'Lead');
      const problems = new Problems();
      if (input.contacts !== undefined) {
        problems.add('contacts', 'Contacts cannot be changed through the lead; use /contact/.');
      }
      const statusId = this.resolveStatus(organizationId, input, problems);
      const custom = this.crm.customFields.applyValues(
        organizationId,
        'lead',
        input,
        customValuesOf(before),
        problems,
      );
      problems.throwIfAny();
      const contacts = this.crm.contacts.recordsOf(organizationId, id);
      const name = input.name !== undefined ? input.name : before.name;
      const changed: LeadRecord = withCustomValues(
        {
          ...before,
          name,
          display_name: displayName(name, contacts),
          ...(input.description !== undefined && { description: input.description }),
          ...(input.url !== undefined && { url: input.url }),
          ...(statusId !== undefined && { status_id: statusId }),
          ...(input.addresses !== undefined && { addresses: input.addresses.map(toAddress) }),
        },
        custom,
      );
      if (Object.keys(previousValues(before, changed)).length === 0)
        return this.presentOne(organizationId, before);
      const after: LeadRecord = {
        ...changed,
        ...touched(context),
      };
      this.table.update(after, { search_text: searchText(after, contacts) });
      const lookups = new Lookups(this.crm, organizationId);
      const lead = this.presentOne(organizationId, after, lookups);
      this.record(
        context,
        'updated',
        lead,
        previousValues(this.basics(before, lookups), this.basics(after, lookups)),
      );
      if (after.status_id !== before.status_id) {
        this.crm.activities.recordLeadStatusChange(context, after, before.status_id, lookups);
      }
      return lead;
    });
  }

  /** Deletes the lead with its contacts, opportunities, tasks and activities. */
  delete(context: WriteContext, id: string): void {
    transaction(this.crm.db, () => {
      const record = found(this.table.get(context.organizationId, id), 'Lead');
      const lead = this.presentOne(context.organizationId, record);
      this.crm.activities.deleteForLead(context, id);
      this.crm.tasks.deleteForLead(context, id);
      this.crm.opportunities.deleteForLead(context, id);
      this.crm.contacts.deleteForLead(context, id);
      this.table.delete(context.organizationId, id);
      this.record(context, 'deleted', lead);
    });
  }

  exists(organizationId: string, id: string): boolean {
    return this.table.count(organizationId, [{ sql: 'id = ?', params: [id] }]) > 0;
  }

  /** Recomputes what a lead keeps about its contacts (display name, search words). */
  refreshSearchText(organizationId: string, id: string): void {
    const record = this.table.get(organizationId, id);
    if (!record) return;
    const contacts = this.crm.contacts.recordsOf(organizationId, id);
    this.table.update(
      { ...record, display_name: displayName(record.name, contacts) },
      { search_text: searchText(record, contacts) },
    );
  }

  /** Leads as Close answers them; `fields` (from `_fields`) skips nested lists not asked for. */
  present(
    organizationId: string,
    records: LeadRecord[],
    fields?: string[],
    lookups = new Lookups(this.crm, organizationId),
  ): Lead[] {
    const wants = (field: (typeof NESTED)[number]) => !fields || fields.includes(field);
    const ids = records.map((record) => record.id);
    const contacts = wants('contacts')
      ? this.crm.contacts.forLeads(organizationId, ids)
      : undefined;
    const opportunities = wants('opportunities')
      ? this.crm.opportunities.forLeads(organizationId, ids, lookups)
      : undefined;
    const tasks = wants('tasks')
      ? this.crm.tasks.forLeads(organizationId, ids, lookups)
      : undefined;
    return records.map((record) => {
      const lead = {
        ...this.basics(record, lookups),
        contacts: contacts?.get(record.id) ?? [],
        opportunities: opportunities?.get(record.id) ?? [],
        tasks: tasks?.get(record.id) ?? [],
        html_url: leadHtmlUrl(record.id),
      };
      return pickFields(lead, fields) as Lead;
    });
  }

  private presentOne(organizationId: string, record: LeadRecord, lookups?: Lookups): Lead {
    return this.present(organizationId, [record], undefined, lookups)[0]!;
  }

  /** The lead's own fields, with its status label: what a lead `updated` event compares. */
  private basics(record: LeadRecord, lookups: Lookups): Record<string, unknown> {
    const { id, name, display_name, status_id, ...rest } = record;
    return {
      id,
      name,
      display_name,
      status_id,
      status_label: lookups.leadStatus(status_id)?.label ?? '',
      ...rest,
    };
  }

  /** `status_id`, or the status by label; undefined when neither was sent. */
  private resolveStatus(
    organizationId: string,
    input: LeadInput,
    problems: Problems,
  ): string | undefined {
    if (input.status_id !== undefined && input.status !== undefined) {
      problems.add('status', 'Send either status or status_id, not both.');
      return undefined;
    }
    const statuses = this.crm.statuses.leadStatuses(organizationId);
    if (input.status_id !== undefined) {
      if (statuses.some((status) => status.id === input.status_id)) return input.status_id;
      problems.add('status_id', `Unknown lead status "${input.status_id}". See GET /status/lead/.`);
    } else if (input.status !== undefined) {
      const label = input.status.toLowerCase();
      const status = statuses.find((candidate) => candidate.label.toLowerCase() === label);
      if (status) return status.id;
      problems.add('status', `Unknown lead status "${input.status}". See GET /status/lead/.`);
    }
    return undefined;
  }
}

export function toAddress(input: AddressInput): Address {
  return {
    label: input.label ?? 'business',
    address_1: input.address_1 ?? null,
    address_2: input.address_2 ?? null,
    city: input.city ?? null,
    state: input.state ?? null,
    zipcode: input.zipcode ?? null,
    country: input.country ?? null,
  };
}

/** Close shows a lead without a name by its first contact's name. */
export function displayName(name: string | null, contacts: Pick<ContactRecord, 'name'>[]): string {
  return name ?? contacts.find((contact) => contact.name)?.name ?? '';
}

/** The words free-text queries match: the lead's fields, addresses, custom values, contacts. */
export function searchText(lead: LeadRecord, contacts: ContactRecord[]): string {
  return wordText([
    lead.name,
    lead.description,
    lead.url,
    ...lead.addresses.flatMap((address) => [
      address.address_1,
      address.address_2,
      address.city,
      address.state,
      address.zipcode,
      address.country,
    ]),
    ...Object.values(customValuesOf(lead)),
    ...contacts.flatMap((contact) => [
      contact.name,
      contact.title,
      ...contact.emails.map((email) => email.email),
      ...contact.phones.map((phone) => phone.phone),
    ]),
  ]);
}
