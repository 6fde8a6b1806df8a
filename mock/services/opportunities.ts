/**
 * Opportunities: a deal on a lead with a status in a pipeline, a value in cents per period, a
 * confidence and an owner. A status change writes an OpportunityStatusChange activity; moving to
 * a won status sets `date_won` to today when it is empty.
 */
import type { CloseOpportunity } from '../../shared/close-objects.js';
import { transaction } from '../store/db.js';
import { newId } from '../store/ids.js';
import {
  touched,
  created,
  found,
  previousValues,
  Problems,
  timestamp,
  type WriteContext,
  changeRecorder,
  type RecordChange,
} from './context.js';
import type { Crm } from './crm.js';
import { customValuesOf, withCustomValues } from './custom-fields.js';
import {
  dateFilters,
  valueFilters,
  listPlan,
  pickFields,
  type ListQuery,
  type ListSpec,
  type Page,
} from './listing.js';
import { Lookups } from './lookups.js';
import { groupByLead, ObjectTable } from './records.js';
import type { StatusType } from './statuses.js';

export type ValuePeriod = 'one_time' | 'monthly' | 'annual';

export type OpportunityRecord = {
  id: string;
  organization_id: string;
  lead_id: string;
  status_id: string;
  status_type: StatusType;
  pipeline_id: string;
  value: number | null;
  value_period: ValuePeriod;
  value_currency: string;
  confidence: number | null;
  note: string | null;
  user_id: string | null;
  contact_id: string | null;
  date_won: string | null;
  created_by: string | null;
  updated_by: string | null;
  date_created: string;
  date_updated: string;
  [custom: `custom.${string}`]: unknown;
};

export type OpportunityInput = {
  lead_id?: string | undefined;
  status_id?: string | undefined;
  pipeline_id?: string | undefined;
  value?: number | null | undefined;
  value_period?: ValuePeriod | undefined;
  value_currency?: string | undefined;
  confidence?: number | null | undefined;
  note?: string | null | undefined;
  user_id?: string | null | undefined;
  contact_id?: string | null | undefined;
  date_won?: string | null | undefined;
  [key: string]: unknown;
};

export type Opportunity = CloseOpportunity & Record<string, unknown>;

export const OPPORTUNITY_LIST: ListSpec = {
  maxLimit: 200,
  maxSkip: 10_000,
  filters: {
    lead_id: { kind: 'equals', column: 'lead_id', multiple: true },
    id__in: { kind: 'in', column: 'id' },
    ...valueFilters('user_id', 'status_id', 'status_type', 'value_period'),
    ...dateFilters('date_won', 'date_won', 'date'),
    ...dateFilters('date_created'),
    ...dateFilters('date_updated'),
  },
  orderBy: {
    date_created: 'date_created',
    date_updated: 'date_updated',
    date_won: 'date_won',
    value: "json_extract(body, '$.value')",
    confidence: "json_extract(body, '$.confidence')",
  },
  defaultOrder: '-date_created',
};

const today = (iso: string) => iso.slice(0, 10);

export class OpportunityService {
  readonly table: ObjectTable<OpportunityRecord>;
  private readonly record: RecordChange<Opportunity>;

  constructor(private readonly crm: Crm) {
    this.table = new ObjectTable<OpportunityRecord>(crm.db, 'opportunities', {
      lead_id: (opportunity) => opportunity.lead_id,
      status_id: (opportunity) => opportunity.status_id,
      status_type: (opportunity) => opportunity.status_type,
      pipeline_id: (opportunity) => opportunity.pipeline_id,
      user_id: (opportunity) => opportunity.user_id,
      value_period: (opportunity) => opportunity.value_period,
      date_won: (opportunity) => opportunity.date_won,
      date_created: (opportunity) => opportunity.date_created,
      date_updated: (opportunity) => opportunity.date_updated,
    });
    this.record = changeRecorder(crm.events, 'opportunity', (opportunity) => opportunity.lead_id);
  }

  get(organizationId: string, id: string): Opportunity | undefined {
    const record = this.table.get(organizationId, id);
    return record && this.present(new Lookups(this.crm, organizationId), [record])[0];
  }

  list(organizationId: string, query: ListQuery, fields?: string[]): Page<Partial<Opportunity>> {
    const page = this.table.page(organizationId, listPlan(OPPORTUNITY_LIST, query));
    return {
      data: this.present(new Lookups(this.crm, organizationId), page.data).map((item) =>
        pickFields(item, fields),
      ),
      has_more: page.has_more,
    };
  }

  forLeads(
    organizationId: string,
    leadIds: string[],
    lookups: Lookups,
  ): Map<string, Opportunity[]> {
    return groupByLead(this.present(lookups, this.table.forLeads(organizationId, leadIds)));
  }

  create(context: WriteContext, input: OpportunityInput): Opportunity {
    return transaction(this.crm.db, () => {
      const { organizationId } = context;
      const problems = new Problems();
      if (input.lead_id === undefined) problems.add('lead_id', 'This field is required.');
      else if (!this.crm.leads.exists(organizationId, input.lead_id))
        problems.add('lead_id', `Unknown lead "${input.lead_id}".`);
      const status = this.resolveStatus(organizationId, input, problems);
      this.checkReferences(organizationId, input, input.lead_id, problems);
      const custom = this.crm.customFields.applyValues(
        organizationId,
        'opportunity',
        input,
        {},
        problems,
      );
      problems.throwIfAny();
      const now = timestamp(context);
      const record: OpportunityRecord = withCustomValues(
        {
          id: newId('oppo'),
          organization_id: organizationId,
          lead_id: input.lead_id!,
          status_id: status!.id,
          status_type: status!.type,
          pipeline_id: status!.pipeline_id,
          value: input.value ?? null,
          value_period: input.value_period ?? 'one_time',
          value_currency: input.value_currency ?? 'USD',
          confidence: input.confidence ?? null,
          note: input.note ?? null,
          user_id: input.user_id === undefined ? context.actor.userId : input.user_id,
          contact_id: input.contact_id ?? null,
          date_won: input.date_won ?? (status!.type === 'won' ? today(now) : null),
          ...created(context),
        },
        custom,
      );
      this.table.insert(record);
      const opportunity = this.present(new Lookups(this.crm, organizationId), [record])[0]!;
      this.record(context, 'created', opportunity);
      return opportunity;
    });
  }

  update(context: WriteContext, id: string, input: OpportunityInput): Opportunity {
    return transaction(this.crm.db, () => {
      const { organizationId } = context;
      const before = found(this.table.get(organizationId, id), 'Opportunity');
      const problems = new Problems();
      if (input.lead_id !== undefined && input.lead_id !== before.lead_id) {
        problems.add('lead_id', 'An opportunity cannot move to another lead.');
      }
      const status =
        input.status_id !== undefined || input.pipeline_id !== undefined
          ? this.resolveStatus(
              organizationId,
              { pipeline_id: before.pipeline_id, ...input },
              problems,
            )
          : undefined;
      this.checkReferences(organizationId, input, before.lead_id, problems);
      const custom = this.crm.customFields.applyValues(
        organizationId,
        'opportunity',
        input,
        customValuesOf(before),
        problems,
      );
      problems.throwIfAny();
      const now = timestamp(context);
      const changed: OpportunityRecord = withCustomValues(
        {
          ...before,
          ...(status && {
            status_id: status.id,
            status_type: status.type,
            pipeline_id: status.pipeline_id,
          }),
          ...(input.value !== undefined && { value: input.value }),
          ...(input.value_period !== undefined && { value_period: input.value_period }),
          ...(input.value_currency !== undefined && { value_currency: input.value_currency }),
          ...(input.confidence !== undefined && { confidence: input.confidence }),
          ...(input.note !== undefined && { note: input.note }),
          ...(input.user_id !== undefined && { user_id: input.user_id }),
          ...(input.contact_id !== undefined && { contact_id: input.contact_id }),
          ...(input.date_won !== undefined && { date_won: input.date_won }),
        },
        custom,
      );
      if (status?.type === 'won' && before.status_type !== 'won' && changed.date_won === null) {
        changed.date_won = today(now);
      }
      if (Object.keys(previousValues(before, changed)).length === 0) {
        return this.present(new Lookups(this.crm, organizationId), [before])[0]!;
      }
      const after: OpportunityRecord = {
        ...changed,
        ...touched(context),
      };
      this.table.update(after);
      const lookups = new Lookups(this.crm, organizationId);
      const [old, opportunity] = this.present(lookups, [before, after]) as [
        Opportunity,
        Opportunity,
      ];
      this.record(context, 'updated', opportunity, previousValues(old, opportunity));
      if (after.status_id !== before.status_id) {
        this.crm.activities.recordOpportunityStatusChange(context, old, opportunity);
      }
      return opportunity;
    });
  }

  delete(context: WriteContext, id: string): void {
    transaction(this.crm.db, () => {
      const record = found(this.table.get(context.organizationId, id), 'Opportunity');
      this.deleteRecords(context, [record]);
    });
  }

  deleteForLead(context: WriteContext, leadId: string): void {
    this.deleteRecords(context, this.table.forLeads(context.organizationId, [leadId]));
  }

  /** Opportunities as Close answers them: with status label, pipeline, lead and user names. */
  present(lookups: Lookups, records: OpportunityRecord[]): Opportunity[] {
    lookups.prefetchLeadNames(records.map((record) => record.lead_id));
    return records.map((record) => {
      const status = lookups.opportunityStatus(record.status_id);
      const { id, lead_id, status_id, status_type, pipeline_id, ...rest } = record;
      return {
        id,
        lead_id,
        lead_name: lookups.leadName(lead_id),
        status_id,
        status_label: status?.label ?? '',
        status_display_name: status?.label ?? '',
        status_type,
        pipeline_id,
        pipeline_name: status?.pipeline_name ?? '',
        ...rest,
        value_formatted: formatValue(record.value, record.value_currency, record.value_period),
        user_name: lookups.userName(record.user_id),
      };
    });
  }

  private deleteRecords(context: WriteContext, records: OpportunityRecord[]): void {
    const lookups = new Lookups(this.crm, context.organizationId);
    for (const opportunity of this.present(lookups, records)) {
      this.table.delete(context.organizationId, opportunity.id);
      this.record(context, 'deleted', opportunity);
    }
  }

  /** The status to use: `status_id` (which must be in `pipeline_id` when both are sent), or the
   * first status of the pipeline, or the organization's first. */
  private resolveStatus(organizationId: string, input: OpportunityInput, problems: Problems) {
    const { statuses } = this.crm;
    if (input.pipeline_id !== undefined && !statuses.pipeline(organizationId, input.pipeline_id)) {
      problems.add('pipeline_id', `Unknown pipeline "${input.pipeline_id}".`);
      return undefined;
    }
    if (input.status_id !== undefined) {
      const status = statuses.opportunityStatus(organizationId, input.status_id);
      if (!status)
        problems.add(
          'status_id',
          `Unknown opportunity status "${input.status_id}". See GET /status/opportunity/.`,
        );
      else if (input.pipeline_id !== undefined && status.pipeline_id !== input.pipeline_id) {
        problems.add('status_id', 'This status belongs to another pipeline.');
      } else return status;
      return undefined;
    }
    const status = statuses.defaultOpportunityStatus(organizationId, input.pipeline_id);
    if (!status)
      problems.add(
        input.pipeline_id ? 'pipeline_id' : 'status_id',
        'This pipeline has no statuses.',
      );
    return status;
  }

  private checkReferences(
    organizationId: string,
    input: OpportunityInput,
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

const PERIOD_SUFFIX: Record<ValuePeriod, string> = {
  one_time: '',
  monthly: ' monthly',
  annual: ' annual',
};

/** `$1,234.50 monthly`, as Close formats an opportunity's value. */
export function formatValue(cents: number | null, currency: string, period: ValuePeriod): string {
  if (cents === null) return '';
  let amount: string;
  try {
    amount = new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
  } catch {
    amount = `${(cents / 100).toFixed(2)} ${currency}`;
  }
  return `${amount}${PERIOD_SUFFIX[period]}`;
}
