/**
 * One table of Close objects: an object is stored whole as JSON in `body`, next to the columns
 * that lists filter and sort on, which the table fills from the object on every write. Every read
 * and write names the organization, so an ID from another tenant reads as "not found".
 */
import type { SQLInputValue } from 'node:sqlite';
import { statementCache, type Db } from '../store/db.js';
import { valuesIn, type ListPlan, type Page, type Sql } from './listing.js';

export type StoredObject = { id: string; organization_id: string };

/** Column name → how to read it from the object. */
export type Columns<T> = Record<string, (object: T) => SQLInputValue>;

export class ObjectTable<T extends StoredObject> {
  private readonly statement: ReturnType<typeof statementCache>;
  private readonly columnNames: string[];

  constructor(
    db: Db,
    readonly table: string,
    private readonly columns: Columns<T>,
  ) {
    this.statement = statementCache(db);
    this.columnNames = Object.keys(columns);
  }

  private values(object: T): SQLInputValue[] {
    return this.columnNames.map((name) => this.columns[name]!(object));
  }

  /** `extra`: columns that are not read from the object itself (e.g. a lead's search text). */
  insert(object: T, extra: Record<string, SQLInputValue> = {}): void {
    const names = ['id', 'organization_id', ...this.columnNames, ...Object.keys(extra), 'body'];
    this.statement(
      `INSERT INTO ${this.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    ).run(
      object.id,
      object.organization_id,
      ...this.values(object),
      ...Object.values(extra),
      JSON.stringify(object),
    );
  }

  update(object: T, extra: Record<string, SQLInputValue> = {}): void {
    const assignments = [...this.columnNames, ...Object.keys(extra), 'body']
      .map((name) => `${name} = ?`)
      .join(', ');
    this.statement(
      `UPDATE ${this.table} SET ${assignments} WHERE id = ? AND organization_id = ?`,
    ).run(
      ...this.values(object),
      ...Object.values(extra),
      JSON.stringify(object),
      object.id,
      object.organization_id,
    );
  }

  get(organizationId: string, id: string): T | undefined {
    const row = this.statement(
      `SELECT body FROM ${this.table} WHERE id = ? AND organization_id = ?`,
    ).get(id, organizationId);
    return row ? (JSON.parse(String(row.body)) as T) : undefined;
  }

  delete(organizationId: string, id: string): boolean {
    const result = this.statement(
      `DELETE FROM ${this.table} WHERE id = ? AND organization_id = ?`,
    ).run(id, organizationId);
    return Number(result.changes) > 0;
  }

  /** Objects matching every condition, in `orderBy` order (rowid = insertion order by default). */
  select(organizationId: string, where: Sql[] = [], orderBy = 'rowid', limit = -1, skip = 0): T[] {
    const rows = this.statement(this.selectSql(where, orderBy)).all(
      organizationId,
      ...where.flatMap((part) => part.params),
      limit,
      skip,
    );
    return rows.map((row) => JSON.parse(String(row.body)) as T);
  }

  /** The SQL of `select`, also for `EXPLAIN QUERY PLAN` in tests. */
  selectSql(where: Sql[], orderBy: string): string {
    const conditions = ['organization_id = ?', ...where.map((part) => `(${part.sql})`)];
    return `SELECT body FROM ${this.table} WHERE ${conditions.join(' AND ')}
       ORDER BY ${orderBy} LIMIT ? OFFSET ?`;
  }

  /** The rows of some leads, in one query, in the order of the table's by-lead index. */
  forLeads(organizationId: string, leadIds: string[]): T[] {
    if (leadIds.length === 0) return [];
    return this.select(
      organizationId,
      [valuesIn('lead_id', leadIds)],
      'lead_id, date_created, rowid',
    );
  }

  count(organizationId: string, where: Sql[] = []): number {
    const conditions = ['organization_id = ?', ...where.map((part) => `(${part.sql})`)];
    const row = this.statement(
      `SELECT count(*) AS n FROM ${this.table} WHERE ${conditions.join(' AND ')}`,
    ).get(organizationId, ...where.flatMap((part) => part.params));
    return Number(row?.n ?? 0);
  }

  /** One page of a list: one row more than asked tells whether there is a next page. */
  page(organizationId: string, plan: ListPlan): Page<T> {
    const rows = this.select(organizationId, plan.where, plan.orderBy, plan.limit + 1, plan.skip);
    return { data: rows.slice(0, plan.limit), has_more: rows.length > plan.limit };
  }
}

/** Objects by their lead, in the order given. */
export function groupByLead<T extends { lead_id: string }>(objects: T[]): Map<string, T[]> {
  const byLead = new Map<string, T[]>();
  for (const object of objects) {
    const list = byLead.get(object.lead_id);
    if (list) list.push(object);
    else byLead.set(object.lead_id, [object]);
  }
  return byLead;
}
