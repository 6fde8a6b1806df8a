/**
 * Lead statuses, pipelines and opportunity statuses. Every organization starts with Close's
 * defaults (lead statuses Potential, Bad Fit, Qualified, Customer; pipeline "Sales" with Active,
 * Won, Lost); the first lead status is the default of new leads. A status in use cannot be
 * deleted, and a pipeline only when it has no statuses, as in Close.
 */
import type {
  CloseLeadStatus,
  CloseOpportunityStatus,
  ClosePipeline,
} from '../../shared/close-objects.js';
import { ApiError } from '../errors.js';
import { statementCache, transaction } from '../store/db.js';
import { newId } from '../store/ids.js';
import { fieldError, found, timestamp, type WriteContext, changeRecorder } from './context.js';
import type { Crm } from './crm.js';

export type StatusType = 'active' | 'won' | 'lost';

export const DEFAULT_LEAD_STATUSES = ['Potential', 'Bad Fit', 'Qualified', 'Customer'] as const;
export const DEFAULT_PIPELINE = {
  name: 'Sales',
  statuses: [
    { label: 'Active', type: 'active' },
    { label: 'Won', type: 'won' },
    { label: 'Lost', type: 'lost' },
  ],
} as const;

type StatusRow = { id: string; organization_id: string; label: string; position: number };
type OpportunityStatusRow = StatusRow & { pipeline_id: string; type: StatusType };
type PipelineRow = { id: string; organization_id: string; name: string; position: number };

export type LeadStatus = CloseLeadStatus & { organization_id: string };
export type OpportunityStatus = CloseOpportunityStatus & {
  organization_id: string;
  type: StatusType;
  pipeline_name: string;
};

export class StatusService {
  private readonly statement: ReturnType<typeof statementCache>;

  constructor(private readonly crm: Crm) {
    this.statement = statementCache(crm.db);
  }

  /** Close's default statuses and pipeline, for an organization that has none yet. */
  ensureDefaults(organizationId: string, now: string): void {
    transaction(this.crm.db, () => {
      if (this.leadStatuses(organizationId).length === 0) {
        DEFAULT_LEAD_STATUSES.forEach((label, position) =>
          this.insertLeadStatus(organizationId, label, position, now),
        );
      }
      if (this.pipelineRows(organizationId).length === 0) {
        const pipelineId = this.insertPipeline(organizationId, DEFAULT_PIPELINE.name, 0, now);
        DEFAULT_PIPELINE.statuses.forEach((status, position) =>
          this.insertOpportunityStatus(
            organizationId,
            pipelineId,
            status.label,
            status.type,
            position,
            now,
          ),
        );
      }
    });
  }

  // ---- lead statuses

  leadStatuses(organizationId: string): LeadStatus[] {
    return (
      this.statement(
        'SELECT id, organization_id, label FROM lead_statuses WHERE organization_id = ? ORDER BY position, rowid',
      ).all(organizationId) as StatusRow[]
    ).map((row) => ({ id: row.id, label: row.label, organization_id: row.organization_id }));
  }

  leadStatus(organizationId: string, id: string): LeadStatus | undefined {
    return this.leadStatuses(organizationId).find((status) => status.id === id);
  }

  defaultLeadStatus(organizationId: string): LeadStatus {
    const first = this.leadStatuses(organizationId)[0];
    if (!first) throw new Error(`organization ${organizationId} has no lead statuses`);
    return first;
  }

  createLeadStatus(context: WriteContext, input: { label: string }): LeadStatus {
    return transaction(this.crm.db, () => {
      const existing = this.leadStatuses(context.organizationId);
      this.assertLabelFree(existing, input.label);
      const id = this.insertLeadStatus(
        context.organizationId,
        input.label,
        existing.length,
        timestamp(context),
      );
      const status = found(this.leadStatus(context.organizationId, id), 'Lead status');
      this.record(context, 'status.lead', 'created', status);
      return status;
    });
  }

  renameLeadStatus(context: WriteContext, id: string, input: { label: string }): LeadStatus {
    return transaction(this.crm.db, () => {
      const statuses = this.leadStatuses(context.organizationId);
      const before = found(
        statuses.find((status) => status.id === id),
        'Lead status',
      );
      if (before.label === input.label) return before;
      this.assertLabelFree(
        statuses.filter((status) => status.id !== id),
        input.label,
      );
      this.statement('UPDATE lead_statuses SET label = ?, date_updated = ? WHERE id = ?').run(
        input.label,
        timestamp(context),
        id,
      );
      const after = { ...before, label: input.label };
      this.record(context, 'status.lead', 'updated', after, { label: before.label });
      return after;
    });
  }

  deleteLeadStatus(context: WriteContext, id: string): void {
    transaction(this.crm.db, () => {
      const statuses = this.leadStatuses(context.organizationId);
      const status = found(
        statuses.find((candidate) => candidate.id === id),
        'Lead status',
      );
      if (statuses.length === 1) {
        throw new ApiError(400, 'An organization needs at least one lead status.');
      }
      const inUse = this.statement(
        'SELECT 1 FROM leads WHERE organization_id = ? AND status_id = ? LIMIT 1',
      ).get(context.organizationId, id);
      if (inUse) {
        throw new ApiError(400, `Leads still have the status "${status.label}"; move them first.`);
      }
      this.statement('DELETE FROM lead_statuses WHERE id = ?').run(id);
      this.record(context, 'status.lead', 'deleted', status);
    });
  }

  // ---- pipelines and opportunity statuses

  pipelines(organizationId: string): ClosePipeline[] {
    const statuses = this.opportunityStatuses(organizationId);
    return this.pipelineRows(organizationId).map((row) => ({
      id: row.id,
      name: row.name,
      organization_id: row.organization_id,
      statuses: statuses.filter((status) => status.pipeline_id === row.id),
    }));
  }

  pipeline(organizationId: string, id: string): ClosePipeline | undefined {
    return this.pipelines(organizationId).find((pipeline) => pipeline.id === id);
  }

  opportunityStatuses(organizationId: string): OpportunityStatus[] {
    return (
      this.statement(
        `SELECT s.id, s.organization_id, s.label, s.type, s.pipeline_id, p.name AS pipeline_name
         FROM opportunity_statuses s JOIN pipelines p ON p.id = s.pipeline_id
         WHERE s.organization_id = ? ORDER BY p.position, p.rowid, s.position, s.rowid`,
      ).all(organizationId) as (OpportunityStatusRow & { pipeline_name: string })[]
    ).map((row) => ({
      id: row.id,
      label: row.label,
      type: row.type,
      pipeline_id: row.pipeline_id,
      pipeline_name: row.pipeline_name,
      organization_id: row.organization_id,
    }));
  }

  opportunityStatus(organizationId: string, id: string): OpportunityStatus | undefined {
    return this.opportunityStatuses(organizationId).find((status) => status.id === id);
  }

  /** A new opportunity's status: the first of its pipeline (or of the first pipeline). */
  defaultOpportunityStatus(
    organizationId: string,
    pipelineId?: string,
  ): OpportunityStatus | undefined {
    return this.opportunityStatuses(organizationId).find(
      (status) => pipelineId === undefined || status.pipeline_id === pipelineId,
    );
  }

  createPipeline(context: WriteContext, input: { name: string }): ClosePipeline {
    return transaction(this.crm.db, () => {
      const rows = this.pipelineRows(context.organizationId);
      if (rows.some((row) => row.name.toLowerCase() === input.name.toLowerCase())) {
        throw fieldError('name', `A pipeline named "${input.name}" already exists.`);
      }
      const id = this.insertPipeline(
        context.organizationId,
        input.name,
        rows.length,
        timestamp(context),
      );
      const pipeline = found(this.pipeline(context.organizationId, id), 'Pipeline');
      this.record(context, 'pipeline', 'created', pipeline);
      return pipeline;
    });
  }

  /** Renames a pipeline and/or moves statuses into it, in the order given. */
  updatePipeline(
    context: WriteContext,
    id: string,
    input: { name?: string | undefined; statuses?: { id: string }[] | undefined },
  ): ClosePipeline {
    return transaction(this.crm.db, () => {
      const before = found(this.pipeline(context.organizationId, id), 'Pipeline');
      const now = timestamp(context);
      if (input.name !== undefined && input.name !== before.name) {
        const clash = this.pipelineRows(context.organizationId).some(
          (row) => row.id !== id && row.name.toLowerCase() === input.name!.toLowerCase(),
        );
        if (clash) throw fieldError('name', `A pipeline named "${input.name}" already exists.`);
        this.statement('UPDATE pipelines SET name = ?, date_updated = ? WHERE id = ?').run(
          input.name,
          now,
          id,
        );
      }
      if (input.statuses) {
        const known = new Set(
          this.opportunityStatuses(context.organizationId).map((status) => status.id),
        );
        input.statuses.forEach((status, index) => {
          if (!known.has(status.id))
            throw fieldError(`statuses.${index}.id`, 'Unknown opportunity status.');
        });
        const move = this.statement(
          `UPDATE opportunity_statuses SET pipeline_id = ?, position = ?, date_updated = ? WHERE id = ?`,
        );
        const moveOpportunities = this.statement(
          `UPDATE opportunities SET pipeline_id = ? WHERE organization_id = ? AND status_id = ?`,
        );
        input.statuses.forEach((status, position) => {
          move.run(id, position, now, status.id);
          moveOpportunities.run(id, context.organizationId, status.id);
        });
      }
      const after = found(this.pipeline(context.organizationId, id), 'Pipeline');
      const previous: Record<string, unknown> = {};
      if (after.name !== before.name) previous.name = before.name;
      if (JSON.stringify(after.statuses) !== JSON.stringify(before.statuses))
        previous.statuses = before.statuses;
      if (Object.keys(previous).length > 0)
        this.record(context, 'pipeline', 'updated', after, previous);
      return after;
    });
  }

  deletePipeline(context: WriteContext, id: string): void {
    transaction(this.crm.db, () => {
      const pipeline = found(this.pipeline(context.organizationId, id), 'Pipeline');
      if (pipeline.statuses.length > 0) {
        throw new ApiError(
          400,
          'Only an empty pipeline can be deleted; move or delete its statuses first.',
        );
      }
      this.statement('DELETE FROM pipelines WHERE id = ?').run(id);
      this.record(context, 'pipeline', 'deleted', pipeline);
    });
  }

  createOpportunityStatus(
    context: WriteContext,
    input: { label: string; type: StatusType; pipeline_id?: string | undefined },
  ): OpportunityStatus {
    return transaction(this.crm.db, () => {
      const pipelines = this.pipelineRows(context.organizationId);
      const pipelineId = input.pipeline_id ?? pipelines[0]?.id;
      if (!pipelineId || !pipelines.some((row) => row.id === pipelineId)) {
        throw fieldError('pipeline_id', 'Unknown pipeline.');
      }
      const statuses = this.opportunityStatuses(context.organizationId);
      this.assertLabelFree(statuses, input.label);
      const position = statuses.filter((status) => status.pipeline_id === pipelineId).length;
      const id = this.insertOpportunityStatus(
        context.organizationId,
        pipelineId,
        input.label,
        input.type,
        position,
        timestamp(context),
      );
      const status = found(
        this.opportunityStatus(context.organizationId, id),
        'Opportunity status',
      );
      this.record(context, 'status.opportunity', 'created', status);
      return status;
    });
  }

  renameOpportunityStatus(
    context: WriteContext,
    id: string,
    input: { label: string },
  ): OpportunityStatus {
    return transaction(this.crm.db, () => {
      const statuses = this.opportunityStatuses(context.organizationId);
      const before = found(
        statuses.find((status) => status.id === id),
        'Opportunity status',
      );
      if (before.label === input.label) return before;
      this.assertLabelFree(
        statuses.filter((status) => status.id !== id),
        input.label,
      );
      this.statement(
        'UPDATE opportunity_statuses SET label = ?, date_updated = ? WHERE id = ?',
      ).run(input.label, timestamp(context), id);
      const after = { ...before, label: input.label };
      this.record(context, 'status.opportunity', 'updated', after, { label: before.label });
      return after;
    });
  }

  deleteOpportunityStatus(context: WriteContext, id: string): void {
    transaction(this.crm.db, () => {
      const status = found(
        this.opportunityStatus(context.organizationId, id),
        'Opportunity status',
      );
      const inUse = this.statement(
        'SELECT 1 FROM opportunities WHERE organization_id = ? AND status_id = ? LIMIT 1',
      ).get(context.organizationId, id);
      if (inUse) {
        throw new ApiError(
          400,
          `Opportunities still have the status "${status.label}"; move them first.`,
        );
      }
      this.statement('DELETE FROM opportunity_statuses WHERE id = ?').run(id);
      this.record(context, 'status.opportunity', 'deleted', status);
    });
  }

  // ---- internals

  private assertLabelFree(statuses: { label: string }[], label: string): void {
    if (statuses.some((status) => status.label.toLowerCase() === label.toLowerCase())) {
      throw fieldError('label', `A status labelled "${label}" already exists.`);
    }
  }

  private pipelineRows(organizationId: string): PipelineRow[] {
    return this.statement(
      'SELECT id, organization_id, name, position FROM pipelines WHERE organization_id = ? ORDER BY position, rowid',
    ).all(organizationId) as PipelineRow[];
  }

  private insertLeadStatus(
    organizationId: string,
    label: string,
    position: number,
    now: string,
  ): string {
    const id = newId('stat');
    this.statement(
      `INSERT INTO lead_statuses (id, organization_id, label, position, date_created, date_updated)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(id, organizationId, label, position, now, now);
    return id;
  }

  private insertPipeline(
    organizationId: string,
    name: string,
    position: number,
    now: string,
  ): string {
    const id = newId('pipe');
    this.statement(
      `INSERT INTO pipelines (id, organization_id, name, position, date_created, date_updated)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(id, organizationId, name, position, now, now);
    return id;
  }

  private insertOpportunityStatus(
    organizationId: string,
    pipelineId: string,
    label: string,
    type: StatusType,
    position: number,
    now: string,
  ): string {
    const id = newId('stat');
    this.statement(
      `INSERT INTO opportunity_statuses
         (id, organization_id, pipeline_id, label, type, position, date_created, date_updated)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, organizationId, pipelineId, label, type, position, now, now);
    return id;
  }

  private record(
    context: WriteContext,
    objectType: 'status.lead' | 'status.opportunity' | 'pipeline',
    action: 'created' | 'updated' | 'deleted',
    object: { id: string } & Record<string, unknown>,
    previousData?: Record<string, unknown>,
  ): void {
    changeRecorder(this.crm.events, objectType, () => null)(context, action, object, previousData);
  }
}
