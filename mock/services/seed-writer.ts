/**
 * The bulk half of the demo seed: a seeded PRNG (mulberry32) and the writer that turns it into
 * leads, contacts, opportunities, activities and tasks, inserted straight into their tables
 * without events. Pure generation over plain data; seed.ts decides when and where it runs.
 */
import type { ActivityType } from '../../shared/close-objects.js';
import { statementCache } from '../store/db.js';
import { isoNow } from '../store/ids.js';
import type { ActivityRecord } from './activities.js';
import {
  contactDisplayName,
  formatPhone,
  insertContactPoints,
  type ContactRecord,
} from './contacts.js';
import type { Crm } from './crm.js';
import type { CustomField } from './custom-fields.js';
import * as words from './demo-data.js';
import { displayName, searchText, type LeadRecord } from './leads.js';
import type { OpportunityRecord, ValuePeriod } from './opportunities.js';
import type { OpportunityStatus } from './statuses.js';
import type { TaskRecord } from './tasks.js';
import type { User } from './tenancy.js';

const DAY = 24 * 60 * 60 * 1000;

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** mulberry32: small, fast and good enough for demo data. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Dice {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  some<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0)
      chosen.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return chosen;
  }
  private issued = 0;
  /**
   * A Close-looking ID whose first characters count up: each table's primary key then grows at
   * its end, which SQLite inserts into much faster than at random places (the rest is random).
   */
  id(prefix: string): string {
    let counter = (this.issued += 1);
    let id = '';
    for (let i = 0; i < 6; i += 1) {
      id = ALPHABET[counter % 62] + id;
      counter = Math.floor(counter / 62);
    }
    id = `${prefix}_${id}`;
    for (let i = 0; i < 37; i += 1) id += ALPHABET[Math.floor(this.next() * 62)];
    return id;
  }
  /** A moment between two times. */
  between(from: number, to: number): number {
    return from + Math.floor(this.next() * Math.max(0, to - from));
  }
}

export type Fields = Record<'lead' | 'contact' | 'opportunity', Record<string, CustomField>>;

/** Writes the CRM objects straight into their tables. */
export class DemoWriter {
  private readonly counts = { leads: 0, contacts: 0, opportunities: 0, activities: 0, tasks: 0 };
  private readonly leadStatuses;
  private readonly salesStatuses: OpportunityStatus[];
  private readonly renewalStatuses: OpportunityStatus[];
  private readonly statement: ReturnType<typeof statementCache>;
  /** Contacts whose emails and phones go into contact_points at the end, in key order. */
  private readonly contacts: ContactRecord[] = [];

  constructor(
    private readonly crm: Crm,
    private readonly organizationId: string,
    private readonly dice: Dice,
    private readonly now: number,
    private readonly users: User[],
    private readonly fields: Fields,
  ) {
    this.statement = statementCache(crm.db);
    this.leadStatuses = crm.statuses.leadStatuses(organizationId);
    const statuses = crm.statuses.opportunityStatuses(organizationId);
    const [sales, renewals] = crm.statuses.pipelines(organizationId);
    this.salesStatuses = statuses.filter((status) => status.pipeline_id === sales?.id);
    this.renewalStatuses = statuses.filter((status) => status.pipeline_id === renewals?.id);
  }

  write(leads: number) {
    for (let index = 0; index < leads; index += 1) this.lead();
    insertContactPoints(this.statement, this.contacts);
    return this.counts;
  }

  private custom(objectType: keyof Fields, name: string, value: unknown): Record<string, unknown> {
    const field = this.fields[objectType][name];
    return field && value !== undefined ? { [`custom.${field.id}`]: value } : {};
  }

  private statusNamed(label: string) {
    return this.leadStatuses.find((status) => status.label === label) ?? this.leadStatuses[0]!;
  }

  private lead(): void {
    const { dice, now } = this;
    const created = now - dice.int(1, 365) * DAY + dice.int(0, DAY - 1);
    const updated = dice.between(created, now);
    const place = dice.pick(words.PLACES);
    const base = `${dice.pick(words.COMPANY_FIRST)} ${dice.pick(words.COMPANY_SECOND)}`;
    const name =
      `${base} ${dice.pick(words.COMPANY_KIND)} ${dice.pick(words.COMPANY_SUFFIX)}`.trim();
    const domain = `${base.toLowerCase().replace(/[^a-z]/g, '')}${dice.int(1, 999)}.com`;
    const statusLabel = dice.pick([
      'Potential',
      'Potential',
      'Potential',
      'Qualified',
      'Qualified',
      'Customer',
      'Bad Fit',
    ]);
    const status = this.statusNamed(statusLabel);
    const owner = dice.pick(this.users);
    const id = dice.id('lead');
    const iso = (time: number) => isoNow(new Date(time));
    const lead: LeadRecord = {
      id,
      organization_id: this.organizationId,
      name,
      display_name: name,
      description: dice.chance(0.5) ? dice.pick(words.NOTES) : null,
      url: `https://www.${domain}`,
      status_id: status.id,
      addresses: [
        {
          label: 'business',
          address_1: `${dice.int(1, 999)} ${dice.pick(words.STREETS)}`,
          address_2: null,
          city: place.city,
          state: place.state,
          zipcode: place.zipcode,
          country: 'US',
        },
      ],
      created_by: owner.id,
      updated_by: owner.id,
      date_created: iso(created),
      date_updated: iso(updated),
      ...this.custom(
        'lead',
        'Lead Source',
        dice.pick(this.fields.lead['Lead Source']?.choices ?? []),
      ),
      ...this.custom('lead', 'Industry', dice.pick(this.fields.lead.Industry?.choices ?? [])),
      ...this.custom('lead', 'Employees', dice.int(1, 40) * 25),
      ...this.custom('lead', 'Account Owner', owner.id),
      ...this.custom(
        'lead',
        'Products of Interest',
        dice.some(this.fields.lead['Products of Interest']?.choices ?? [], dice.int(1, 3)),
      ),
      ...(statusLabel === 'Customer' &&
        this.custom('lead', 'Contract Start', iso(dice.between(created, now)).slice(0, 10))),
      ...(dice.chance(0.3) && this.custom('lead', 'Last Demo', iso(dice.between(created, now)))),
      ...(dice.chance(0.2) && this.custom('lead', 'Referral Code', `REF-${dice.int(1000, 9999)}`)),
    };
    const contacts = Array.from({ length: dice.pick([1, 1, 1, 2, 2, 3]) }, () =>
      this.contact(lead, domain, place.area, created),
    );
    lead.display_name = displayName(lead.name, contacts);
    this.crm.leads.table.insert(lead, { search_text: searchText(lead, contacts) });
    this.counts.leads += 1;
    for (const contact of contacts) {
      this.crm.contacts.table.insert(contact);
      this.contacts.push(contact);
    }
    this.counts.contacts += contacts.length;

    if (statusLabel !== 'Potential') {
      this.activity(lead, 'LeadStatusChange', dice.between(created, updated), owner, null, {
        old_status_id: this.statusNamed('Potential').id,
        old_status_label: 'Potential',
        new_status_id: status.id,
        new_status_label: status.label,
      });
    }
    const opportunities = statusLabel === 'Bad Fit' ? 0 : dice.chance(0.5) ? dice.int(1, 2) : 0;
    for (let i = 0; i < opportunities; i += 1)
      this.opportunity(lead, contacts, statusLabel === 'Customer', created);
    for (let i = dice.int(0, 3); i > 0; i -= 1) this.timelineActivity(lead, contacts, created);
    if (dice.chance(0.35)) this.task(lead, created);
  }

  private contact(lead: LeadRecord, domain: string, area: string, created: number): ContactRecord {
    const { dice } = this;
    const first = dice.pick(words.FIRST_NAMES);
    const last = dice.pick(words.LAST_NAMES);
    const phone = `+1${area}${dice.int(200, 999)}${String(dice.int(0, 9999)).padStart(4, '0')}`;
    const contact: ContactRecord = {
      id: dice.id('cont'),
      organization_id: lead.organization_id,
      lead_id: lead.id,
      name: `${first} ${last}`,
      title: dice.pick(words.TITLES),
      display_name: '',
      emails: [
        {
          email: `${first}.${last}@${domain}`
            .toLowerCase()
            .normalize('NFKD')
            .replace(/[\u0300-\u036f]/g, ''),
          type: 'office',
        },
      ],
      phones: [
        {
          phone,
          phone_formatted: formatPhone(phone),
          type: dice.chance(0.7) ? 'office' : 'mobile',
        },
      ],
      urls: [],
      created_by: lead.created_by,
      updated_by: lead.created_by,
      date_created: lead.date_created,
      date_updated: isoNow(new Date(dice.between(created, this.now))),
      ...this.custom(
        'contact',
        'Preferred Channel',
        dice.pick(this.fields.contact['Preferred Channel']?.choices ?? []),
      ),
      ...(dice.chance(0.3) &&
        this.custom('contact', 'LinkedIn Handle', `${first}${last}`.toLowerCase())),
    };
    return { ...contact, display_name: contactDisplayName(contact) };
  }

  private opportunity(
    lead: LeadRecord,
    contacts: ContactRecord[],
    customer: boolean,
    created: number,
  ): void {
    const { dice } = this;
    const renewal = customer && this.renewalStatuses.length > 0 && dice.chance(0.3);
    const statuses = renewal ? this.renewalStatuses : this.salesStatuses;
    const status =
      customer && !renewal
        ? statuses.find((candidate) => candidate.type === 'won')!
        : dice.pick(statuses);
    const user = dice.pick(this.users);
    const opened = dice.between(created, this.now);
    const closed = dice.between(opened, this.now);
    const period: ValuePeriod = dice.pick(['one_time', 'one_time', 'monthly', 'annual']);
    const record: OpportunityRecord = {
      id: dice.id('oppo'),
      organization_id: lead.organization_id,
      lead_id: lead.id,
      status_id: status.id,
      status_type: status.type,
      pipeline_id: status.pipeline_id,
      value: dice.int(5, 500) * 10_000,
      value_period: period,
      value_currency: 'USD',
      confidence: status.type === 'won' ? 100 : status.type === 'lost' ? 0 : dice.int(1, 9) * 10,
      note: dice.chance(0.5) ? dice.pick(words.NOTES) : null,
      user_id: user.id,
      contact_id: dice.pick(contacts).id,
      date_won: status.type === 'won' ? isoNow(new Date(closed)).slice(0, 10) : null,
      created_by: user.id,
      updated_by: user.id,
      date_created: isoNow(new Date(opened)),
      date_updated: isoNow(new Date(status.type === 'active' ? opened : closed)),
      ...this.custom(
        'opportunity',
        'Deal Type',
        renewal ? 'Renewal' : dice.pick(['New Business', 'Upsell']),
      ),
      ...this.custom('opportunity', 'Expected Seats', dice.int(2, 200)),
    };
    this.crm.opportunities.table.insert(record);
    this.counts.opportunities += 1;
    if (status.type !== 'active') {
      const first = statuses.find((candidate) => candidate.type === 'active') ?? status;
      this.activity(lead, 'OpportunityStatusChange', closed, user, null, {
        opportunity_id: record.id,
        old_status_id: first.id,
        old_status_label: first.label,
        old_status_type: first.type,
        new_status_id: status.id,
        new_status_label: status.label,
        new_status_type: status.type,
        opportunity_value: record.value,
        opportunity_value_period: record.value_period,
        opportunity_value_currency: record.value_currency,
        opportunity_confidence: record.confidence,
      });
    }
  }

  private timelineActivity(lead: LeadRecord, contacts: ContactRecord[], created: number): void {
    const { dice } = this;
    const at = dice.between(created, this.now);
    const user = dice.pick(this.users);
    const contact = dice.pick(contacts);
    const type = dice.pick<ActivityType>(['Note', 'Call', 'Call', 'Email', 'Email', 'Meeting']);
    const own: Record<ActivityType, () => Record<string, unknown>> = {
      Note: () => ({ note: dice.pick(words.NOTES), title: null, pinned: false }),
      Call: () => ({
        direction: dice.pick(['outbound', 'outbound', 'inbound']),
        duration: dice.chance(0.2) ? 0 : dice.int(30, 1800),
        phone: contact.phones[0]?.phone ?? null,
        note: dice.pick(words.CALL_NOTES),
        status: 'completed',
        disposition: null,
      }),
      Email: () => {
        const incoming = dice.chance(0.4);
        return {
          direction: incoming ? 'incoming' : 'outgoing',
          status: incoming ? 'inbox' : 'sent',
          subject: dice.pick(words.EMAIL_SUBJECTS),
          body_text: dice.pick(words.NOTES),
          sender: incoming ? contact.emails[0]?.email : `${user.email}`,
          to: incoming ? [user.email] : [contact.emails[0]?.email ?? ''],
          cc: [],
          bcc: [],
          date_sent: isoNow(new Date(at)),
        };
      },
      Meeting: () => ({
        title: dice.pick(words.MEETING_TITLES),
        note: null,
        location: 'Video call',
        starts_at: isoNow(new Date(at)),
        ends_at: isoNow(new Date(at + 30 * 60 * 1000)),
        status: at < this.now ? 'completed' : 'upcoming',
      }),
      LeadStatusChange: () => ({}),
      OpportunityStatusChange: () => ({}),
      TaskCompleted: () => ({}),
    };
    this.activity(lead, type, at, user, contact.id, own[type]());
  }

  private task(lead: LeadRecord, created: number): void {
    const { dice } = this;
    const user = dice.pick(this.users);
    const madeAt = dice.between(created, this.now);
    const due = this.now + dice.int(-14, 21) * DAY;
    const complete = due < this.now && dice.chance(0.6);
    const task: TaskRecord = {
      id: dice.id('task'),
      organization_id: lead.organization_id,
      _type: 'lead',
      lead_id: lead.id,
      assigned_to: user.id,
      text: dice.pick(words.TASK_TEXTS),
      date: isoNow(new Date(due)).slice(0, 10),
      is_dateless: false,
      is_complete: complete,
      created_by: user.id,
      updated_by: user.id,
      date_created: isoNow(new Date(madeAt)),
      date_updated: isoNow(new Date(complete ? Math.max(madeAt, due) : madeAt)),
    };
    this.crm.tasks.table.insert(task);
    this.counts.tasks += 1;
    if (complete) {
      this.activity(lead, 'TaskCompleted', Math.max(madeAt, due), user, null, {
        task_id: task.id,
        task_text: task.text,
      });
    }
  }

  private activity(
    lead: LeadRecord,
    type: ActivityType,
    at: number,
    user: User,
    contactId: string | null,
    own: Record<string, unknown>,
  ): void {
    const iso = isoNow(new Date(at));
    const record: ActivityRecord = {
      id: this.dice.id('acti'),
      organization_id: lead.organization_id,
      _type: type,
      lead_id: lead.id,
      contact_id: contactId,
      user_id: user.id,
      activity_at: iso,
      ...own,
      created_by: user.id,
      updated_by: user.id,
      date_created: iso,
      date_updated: iso,
    };
    this.crm.activities.table.insert(record);
    this.counts.activities += 1;
  }
}
