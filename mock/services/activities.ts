/**
 * Activities on a lead's timeline: notes, calls, emails and meetings (which Close only syncs from
 * calendars, so the API can update and delete them but not create them), and the activities Close
 * writes by itself: LeadStatusChange and OpportunityStatusChange when a status changes, and
 * TaskCompleted when a task is completed. Status changes can also be posted to import history;
 * like in Close, that does not change the lead's or opportunity's status.
 */
import {
  type ActivityType,
  type CloseActivity,
  type EventObjectType,
} from '../../shared/close-objects.js';
import { notFound } from '../errors.js';
import { transaction } from '../store/db.js';
import { newId } from '../store/ids.js';
import {
  touched,
  previousValues,
  Problems,
  timestamp,
  type WriteContext,
  changeRecorder,
  type RecordChange,
} from './context.js';
import type { Crm } from './crm.js';
import {
  dateFilters,
  valueFilters,
  listPlan,
  normalizeDateInput,
  pickFields,
  type ListQuery,
  type ListSpec,
  type Page,
} from './listing.js';
import type { LeadRecord } from './leads.js';
import { Lookups } from './lookups.js';
import type { Opportunity } from './opportunities.js';
import { ObjectTable } from './records.js';
import type { TaskRecord } from './tasks.js';

export type ActivityRecord = {
  id: string;
  organization_id: string;
  _type: ActivityType;
  lead_id: string;
  contact_id: string | null;
  user_id: string | null;
  activity_at: string;
  created_by: string | null;
  updated_by: string | null;
  date_created: string;
  date_updated: string;
  [field: string]: unknown;
};

export type ActivityInput = {
  lead_id?: string | undefined;
  contact_id?: string | null | undefined;
  user_id?: string | null | undefined;
  activity_at?: string | undefined;
  date_created?: string | undefined;
  [field: string]: unknown;
};

export type Activity = CloseActivity & Record<string, unknown>;

const EVENT_TYPES: Record<ActivityType, EventObjectType> = {
  Note: 'activity.note',
  Call: 'activity.call',
  Email: 'activity.email',
  Meeting: 'activity.meeting',
  LeadStatusChange: 'activity.lead_status_change',
  OpportunityStatusChange: 'activity.opportunity_status_change',
  TaskCompleted: 'activity.task_completed',
};

/** `_type=Call,Email` (Close's activity type names). */
const typeFilter = (value: string) => {
  const types = value
    .split(',')
    .map((type) => type.trim())
    .filter(Boolean);
  return { sql: `type IN (${types.map(() => '?').join(', ')})`, params: types };
};

export const ACTIVITY_LIST: ListSpec = {
  maxLimit: 100,
  maxSkip: 10_000,
  filters: {
    ...valueFilters('lead_id', 'contact_id', 'user_id'),
    opportunity_id: { kind: 'equals', column: 'opportunity_id', multiple: true },
    id__in: { kind: 'in', column: 'id' },
    _type: { kind: 'custom', toSql: typeFilter },
    _type__in: { kind: 'custom', toSql: typeFilter },
    ...dateFilters('date_created'),
    ...dateFilters('date_updated'),
    ...dateFilters('activity_at'),
  },
  orderBy: {
    date_created: 'date_created',
    activity_at: 'activity_at',
    date_updated: 'date_updated',
  },
  defaultOrder: '-date_created',
};

/** Fields every activity has; the rest of an input is the type's own. */
const COMMON = new Set(['lead_id', 'contact_id', 'user_id', 'activity_at', 'date_created']);

export class ActivityService {
  readonly table: ObjectTable<ActivityRecord>;
  private readonly record: RecordChange<Activity>;

  constructor(private readonly crm: Crm) {
    this.table = new ObjectTable<ActivityRecord>(crm.db, 'activities', {
      lead_id: (activity) => activity.lead_id,
      type: (activity) => activity._type,
      user_id: (activity) => activity.user_id,
      contact_id: (activity) => activity.contact_id,
      opportunity_id: (activity) =>
        typeof activity.opportunity_id === 'string' ? activity.opportunity_id : null,
      activity_at: (activity) => activity.activity_at,
      date_created: (activity) => activity.date_created,
      date_updated: (activity) => activity.date_updated,
    });
    this.record = changeRecorder(
      crm.events,
      (activity) => EVENT_TYPES[activity._type],
      (activity) => activity.lead_id,
    );
  }

  get(organizationId: string, id: string, type?: ActivityType): Activity | undefined {
    const record = this.table.get(organizationId, id);
    if (!record || (type && record._type !== type)) return undefined;
    return this.present(organizationId, [record])[0];
  }

  list(
    organizationId: string,
    query: ListQuery,
    type?: ActivityType,
    fields?: string[],
  ): Page<Partial<Activity>> {
    const plan = listPlan(ACTIVITY_LIST, query);
    if (type) plan.where.push({ sql: 'type = ?', params: [type] });
    const page = this.table.page(organizationId, plan);
    return {
      data: this.present(organizationId, page.data).map((activity) => pickFields(activity, fields)),
      has_more: page.has_more,
    };
  }

  create(context: WriteContext, type: ActivityType, input: ActivityInput): Activity {
    return transaction(this.crm.db, () => {
      const { organizationId } = context;
      const problems = new Problems();
      const own = ownFields(input);
      let leadId = input.lead_id;
      if (type === 'OpportunityStatusChange') {
        const opportunityId = typeof input.opportunity_id === 'string' ? input.opportunity_id : '';
        const opportunity = this.crm.opportunities.get(organizationId, opportunityId);
        if (!opportunity) problems.add('opportunity_id', `Unknown opportunity "${opportunityId}".`);
        else {
          leadId = opportunity.lead_id;
          Object.assign(own, this.opportunityStatusFields(organizationId, input, problems), {
            opportunity_value: opportunity.value,
            opportunity_value_period: opportunity.value_period,
            opportunity_value_currency: opportunity.value_currency,
            opportunity_confidence: opportunity.confidence,
          });
        }
      } else if (leadId === undefined) {
        problems.add('lead_id', 'This field is required.');
      } else if (!this.crm.leads.exists(organizationId, leadId)) {
        problems.add('lead_id', `Unknown lead "${leadId}".`);
      }
      if (type === 'LeadStatusChange')
        Object.assign(own, this.leadStatusFields(organizationId, input, problems));
      if (type === 'Email') own.direction ??= own.status === 'inbox' ? 'incoming' : 'outgoing';
      this.checkReferences(organizationId, input, leadId, problems);
      problems.throwIfAny();
      const activity = this.build(context, type, leadId!, input, own);
      this.table.insert(activity);
      return this.recordCreated(context, activity);
    });
  }

  update(context: WriteContext, type: ActivityType, id: string, input: ActivityInput): Activity {
    return transaction(this.crm.db, () => {
      const { organizationId } = context;
      const before = this.table.get(organizationId, id);
      if (!before || before._type !== type) throw notFound('Activity');
      const problems = new Problems();
      if (input.lead_id !== undefined && input.lead_id !== before.lead_id) {
        problems.add('lead_id', 'An activity cannot move to another lead.');
      }
      this.checkReferences(organizationId, input, before.lead_id, problems);
      problems.throwIfAny();
      const changed: ActivityRecord = {
        ...before,
        ...ownFields(input),
        ...(input.contact_id !== undefined && { contact_id: input.contact_id }),
        ...(input.user_id !== undefined && { user_id: input.user_id }),
        ...(input.activity_at !== undefined && {
          activity_at: normalizeDateInput(input.activity_at, 'datetime') ?? before.activity_at,
        }),
      };
      const lookups = new Lookups(this.crm, organizationId);
      if (Object.keys(previousValues(before, changed)).length === 0)
        return this.present(organizationId, [before], lookups)[0]!;
      const after: ActivityRecord = {
        ...changed,
        ...touched(context),
      };
      this.table.update(after);
      const [old, activity] = this.present(organizationId, [before, after], lookups) as [
        Activity,
        Activity,
      ];
      this.record(context, 'updated', activity, previousValues(old, activity));
      return activity;
    });
  }

  delete(context: WriteContext, type: ActivityType | undefined, id: string): void {
    transaction(this.crm.db, () => {
      const record = this.table.get(context.organizationId, id);
      if (!record || (type && record._type !== type)) throw notFound('Activity');
      this.deleteRecords(context, [record]);
    });
  }

  deleteForLead(context: WriteContext, leadId: string): void {
    this.deleteRecords(context, this.table.forLeads(context.organizationId, [leadId]));
  }

  /** Written when a lead's status changes. */
  recordLeadStatusChange(
    context: WriteContext,
    lead: LeadRecord,
    oldStatusId: string,
    lookups: Lookups,
  ): Activity {
    const activity = this.build(
      context,
      'LeadStatusChange',
      lead.id,
      {},
      {
        old_status_id: oldStatusId,
        old_status_label: lookups.leadStatus(oldStatusId)?.label ?? null,
        new_status_id: lead.status_id,
        new_status_label: lookups.leadStatus(lead.status_id)?.label ?? null,
      },
    );
    this.table.insert(activity);
    return this.recordCreated(context, activity);
  }

  /** Written when an opportunity's status changes. */
  recordOpportunityStatusChange(
    context: WriteContext,
    before: Opportunity,
    after: Opportunity,
  ): Activity {
    const activity = this.build(
      context,
      'OpportunityStatusChange',
      after.lead_id,
      {},
      {
        opportunity_id: after.id,
        old_status_id: before.status_id,
        old_status_label: before.status_label,
        old_status_type: before.status_type,
        new_status_id: after.status_id,
        new_status_label: after.status_label,
        new_status_type: after.status_type,
        opportunity_value: after.value,
        opportunity_value_period: after.value_period,
        opportunity_value_currency: after.value_currency,
        opportunity_confidence: after.confidence,
      },
    );
    this.table.insert(activity);
    return this.recordCreated(context, activity);
  }

  /** Written when a task is completed. */
  recordTaskCompleted(context: WriteContext, task: TaskRecord): Activity {
    const activity = this.build(
      context,
      'TaskCompleted',
      task.lead_id,
      {},
      { task_id: task.id, task_text: task.text },
    );
    this.table.insert(activity);
    return this.recordCreated(context, activity);
  }

  /** An activity record; `own` holds the type's own fields. */
  build(
    context: WriteContext,
    type: ActivityType,
    leadId: string,
    input: ActivityInput,
    own: Record<string, unknown>,
  ): ActivityRecord {
    const now = timestamp(context);
    const dateCreated =
      (input.date_created && normalizeDateInput(input.date_created, 'datetime')) || now;
    return {
      id: newId('acti'),
      organization_id: context.organizationId,
      _type: type,
      lead_id: leadId,
      contact_id: input.contact_id ?? null,
      user_id: input.user_id === undefined ? context.actor.userId : input.user_id,
      activity_at:
        (input.activity_at && normalizeDateInput(input.activity_at, 'datetime')) || dateCreated,
      ...own,
      created_by: context.actor.userId,
      updated_by: context.actor.userId,
      date_created: dateCreated,
      date_updated: now,
    };
  }

  present(
    organizationId: string,
    records: ActivityRecord[],
    lookups = new Lookups(this.crm, organizationId),
  ): Activity[] {
    return records.map(
      (record) => ({ ...record, user_name: lookups.userName(record.user_id) }) as Activity,
    );
  }

  private recordCreated(context: WriteContext, record: ActivityRecord): Activity {
    const activity = this.present(context.organizationId, [record])[0]!;
    this.record(context, 'created', activity);
    return activity;
  }

  private deleteRecords(context: WriteContext, records: ActivityRecord[]): void {
    for (const activity of this.present(context.organizationId, records)) {
      this.table.delete(context.organizationId, activity.id);
      this.record(context, 'deleted', activity);
    }
  }

  private leadStatusFields(
    organizationId: string,
    input: ActivityInput,
    problems: Problems,
  ): Record<string, unknown> {
    const label = (field: 'old_status_id' | 'new_status_id') => {
      const id = input[field];
      if (id === undefined || id === null) return null;
      const status =
        typeof id === 'string' ? this.crm.statuses.leadStatus(organizationId, id) : undefined;
      if (!status) problems.add(field, `Unknown lead status "${String(id)}".`);
      return status?.label ?? null;
    };
    if (input.new_status_id === undefined) problems.add('new_status_id', 'This field is required.');
    return { old_status_label: label('old_status_id'), new_status_label: label('new_status_id') };
  }

  private opportunityStatusFields(
    organizationId: string,
    input: ActivityInput,
    problems: Problems,
  ): Record<string, unknown> {
    const status = (field: 'old_status_id' | 'new_status_id') => {
      const id = input[field];
      if (id === undefined || id === null) return undefined;
      const found =
        typeof id === 'string'
          ? this.crm.statuses.opportunityStatus(organizationId, id)
          : undefined;
      if (!found) problems.add(field, `Unknown opportunity status "${String(id)}".`);
      return found;
    };
    if (input.new_status_id === undefined) problems.add('new_status_id', 'This field is required.');
    const old = status('old_status_id');
    const next = status('new_status_id');
    return {
      old_status_label: old?.label ?? null,
      old_status_type: old?.type ?? null,
      new_status_label: next?.label ?? null,
      new_status_type: next?.type ?? null,
    };
  }

  private checkReferences(
    organizationId: string,
    input: ActivityInput,
    leadId: string | undefined,
    problems: Problems,
  ): void {
    if (input.user_id && !this.crm.tenancy.isMember(input.user_id, organizationId)) {
      problems.add('user_id', `Unknown user "${input.user_id}".`);
    }
    if (input.contact_id) {
      const contact = this.crm.contacts.get(organizationId, input.contact_id);
      if (!contact || contact.lead_id !== leadId)
        problems.add('contact_id', 'This contact is not on the lead.');
    }
  }
}

/** The type's own fields of an input (everything but the common ones). */
function ownFields(input: ActivityInput): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input).filter(([key, value]) => !COMMON.has(key) && value !== undefined),
  );
}
