/**
 * Lead tasks: a text, an assignee (the key's user unless another member is named), a due date
 * (a date, a datetime, or none) and whether it is done. Completing a task — `is_complete` going
 * from false to true — writes a TaskCompleted activity and a `completed` event besides the
 * `updated` one.
 */
import type { CloseTask } from '../../shared/close-objects.js';
import { transaction } from '../store/db.js';
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
import {
  dateFilters,
  listPlan,
  normalizeDateInput,
  pickFields,
  type ListQuery,
  type ListSpec,
  type Page,
} from './listing.js';
import { Lookups } from './lookups.js';
import { groupByLead, ObjectTable } from './records.js';

export type TaskRecord = {
  id: string;
  organization_id: string;
  _type: 'lead';
  lead_id: string;
  assigned_to: string | null;
  text: string;
  date: string | null;
  is_dateless: boolean;
  is_complete: boolean;
  created_by: string | null;
  updated_by: string | null;
  date_created: string;
  date_updated: string;
};

export type TaskInput = {
  _type?: 'lead' | undefined;
  lead_id?: string | undefined;
  assigned_to?: string | null | undefined;
  text?: string | undefined;
  date?: string | null | undefined;
  is_complete?: boolean | undefined;
};

export type Task = CloseTask & Record<string, unknown>;

const typeFilter = (value: string) => {
  const types = value.split(',').map((type) => type.trim());
  return { sql: types.includes('lead') ? '1' : '0', params: [] };
};

export const TASK_LIST: ListSpec = {
  maxLimit: 200,
  maxSkip: 10_000,
  filters: {
    id: { kind: 'equals', column: 'id' },
    id__in: { kind: 'in', column: 'id' },
    lead_id: { kind: 'equals', column: 'lead_id', multiple: true },
    assigned_to: { kind: 'equals', column: 'assigned_to', multiple: true },
    is_complete: { kind: 'boolean', column: 'is_complete' },
    _type: { kind: 'custom', toSql: typeFilter },
    _type__in: { kind: 'custom', toSql: typeFilter },
    ...dateFilters('date', 'date', 'date'),
    ...dateFilters('due_date', 'date', 'date'),
    ...dateFilters('date_created'),
    ...dateFilters('date_updated'),
  },
  orderBy: { date_created: 'date_created', date_updated: 'date_updated', date: 'date' },
  defaultOrder: '-date_created',
};

export class TaskService {
  readonly table: ObjectTable<TaskRecord>;
  private readonly record: RecordChange<Task>;

  constructor(private readonly crm: Crm) {
    this.table = new ObjectTable<TaskRecord>(crm.db, 'tasks', {
      lead_id: (task) => task.lead_id,
      assigned_to: (task) => task.assigned_to,
      is_complete: (task) => (task.is_complete ? 1 : 0),
      date: (task) => task.date,
      date_created: (task) => task.date_created,
      date_updated: (task) => task.date_updated,
    });
    this.record = changeRecorder(crm.events, 'task.lead', (task) => task.lead_id);
  }

  get(organizationId: string, id: string): Task | undefined {
    const record = this.table.get(organizationId, id);
    return record && this.present(new Lookups(this.crm, organizationId), [record])[0];
  }

  list(organizationId: string, query: ListQuery, fields?: string[]): Page<Partial<Task>> {
    const page = this.table.page(organizationId, listPlan(TASK_LIST, query));
    return {
      data: this.present(new Lookups(this.crm, organizationId), page.data).map((task) =>
        pickFields(task, fields),
      ),
      has_more: page.has_more,
    };
  }

  forLeads(organizationId: string, leadIds: string[], lookups: Lookups): Map<string, Task[]> {
    return groupByLead(this.present(lookups, this.table.forLeads(organizationId, leadIds)));
  }

  create(context: WriteContext, input: TaskInput): Task {
    return transaction(this.crm.db, () => {
      const { organizationId } = context;
      const problems = new Problems();
      if (input.lead_id === undefined) problems.add('lead_id', 'This field is required.');
      else if (!this.crm.leads.exists(organizationId, input.lead_id))
        problems.add('lead_id', `Unknown lead "${input.lead_id}".`);
      if (input.text === undefined) problems.add('text', 'This field is required.');
      const date = this.dueDate(input.date, problems);
      this.checkAssignee(organizationId, input.assigned_to, problems);
      problems.throwIfAny();
      const record: TaskRecord = {
        id: newId('task'),
        organization_id: organizationId,
        _type: 'lead',
        lead_id: input.lead_id!,
        assigned_to: input.assigned_to === undefined ? context.actor.userId : input.assigned_to,
        text: input.text!,
        date: date ?? null,
        is_dateless: !date,
        is_complete: input.is_complete ?? false,
        ...created(context),
      };
      this.table.insert(record);
      const task = this.present(new Lookups(this.crm, organizationId), [record])[0]!;
      this.record(context, 'created', task);
      return task;
    });
  }

  update(context: WriteContext, id: string, input: TaskInput): Task {
    return transaction(this.crm.db, () => {
      const { organizationId } = context;
      const before = found(this.table.get(organizationId, id), 'Task');
      const problems = new Problems();
      if (input.lead_id !== undefined && input.lead_id !== before.lead_id) {
        problems.add('lead_id', 'A task cannot move to another lead.');
      }
      const date = this.dueDate(input.date, problems);
      this.checkAssignee(organizationId, input.assigned_to, problems);
      problems.throwIfAny();
      const changed: TaskRecord = {
        ...before,
        ...(input.text !== undefined && { text: input.text }),
        ...(input.assigned_to !== undefined && { assigned_to: input.assigned_to }),
        ...(input.date !== undefined && { date: date ?? null, is_dateless: !date }),
        ...(input.is_complete !== undefined && { is_complete: input.is_complete }),
      };
      const lookups = new Lookups(this.crm, organizationId);
      if (Object.keys(previousValues(before, changed)).length === 0)
        return this.present(lookups, [before])[0]!;
      const after: TaskRecord = {
        ...changed,
        ...touched(context),
      };
      this.table.update(after);
      const [old, task] = this.present(lookups, [before, after]) as [Task, Task];
      this.record(context, 'updated', task, previousValues(old, task));
      if (after.is_complete && !before.is_complete) {
        this.record(context, 'completed', task);
        this.crm.activities.recordTaskCompleted(context, after);
      }
      return task;
    });
  }

  delete(context: WriteContext, id: string): void {
    transaction(this.crm.db, () => {
      const record = found(this.table.get(context.organizationId, id), 'Task');
      this.deleteRecords(context, [record]);
    });
  }

  deleteForLead(context: WriteContext, leadId: string): void {
    this.deleteRecords(context, this.table.forLeads(context.organizationId, [leadId]));
  }

  present(lookups: Lookups, records: TaskRecord[]): Task[] {
    lookups.prefetchLeadNames(records.map((record) => record.lead_id));
    return records.map((record) => {
      const { id, _type, lead_id, assigned_to, ...rest } = record;
      return {
        id,
        _type,
        lead_id,
        lead_name: lookups.leadName(lead_id),
        assigned_to,
        assigned_to_name: lookups.userName(assigned_to),
        ...rest,
      };
    });
  }

  private deleteRecords(context: WriteContext, records: TaskRecord[]): void {
    for (const task of this.present(new Lookups(this.crm, context.organizationId), records)) {
      this.table.delete(context.organizationId, task.id);
      this.record(context, 'deleted', task);
    }
  }

  /** A due date as sent (a date stays a date, a datetime is normalized); null clears it. */
  private dueDate(value: string | null | undefined, problems: Problems): string | null | undefined {
    if (value === undefined || value === null) return value;
    const date = normalizeDateInput(value, 'date');
    if (!date) problems.add('date', 'Use a date (YYYY-MM-DD) or an ISO 8601 datetime.');
    return date;
  }

  private checkAssignee(
    organizationId: string,
    assignedTo: string | null | undefined,
    problems: Problems,
  ): void {
    if (assignedTo && !this.crm.tenancy.isMember(assignedTo, organizationId)) {
      problems.add('assigned_to', `Unknown user "${assignedTo}".`);
    }
  }
}
