/**
 * Emptying the store for a fresh start: every table is emptied except the ones that say who may
 * call the API (organizations, users, memberships, API keys) and the store's own bookkeeping.
 * Table names are read from `sqlite_master`, so tables that later migrations add are emptied
 * without this file knowing them. With `keepKeys: false` the tenancy tables go too, and the
 * caller recreates the default tenant. In-memory state (queued deliveries, rate counters,
 * faults) registers with `onReset` and is cleared in the same call.
 */
import { transaction, type Db } from '../store/db.js';

/** Never emptied: the migration ledger and process metadata. */
const BOOKKEEPING_TABLES = ['schema_migrations', 'meta'];
/** Kept unless `keepKeys` is false. */
export const TENANCY_TABLES = ['organizations', 'users', 'memberships', 'api_keys'];

export type ResetResult = { tables_emptied: string[]; kept_keys: boolean };

export class ResetService {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly db: Db) {}

  onReset(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reset(options: { keepKeys: boolean }): ResetResult {
    const kept = new Set([...BOOKKEEPING_TABLES, ...(options.keepKeys ? TENANCY_TABLES : [])]);
    const tables = (
      this.db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           ORDER BY name`,
        )
        .all() as { name: string }[]
    )
      .map((row) => row.name)
      .filter((name) => !kept.has(name));
    transaction(this.db, () => {
      // Foreign keys are checked at commit, when every dependent row is gone as well.
      this.db.exec('PRAGMA defer_foreign_keys = ON');
      for (const name of tables) this.db.exec(`DELETE FROM "${name.replaceAll('"', '""')}"`);
    });
    for (const listener of this.listeners) listener();
    return { tables_emptied: tables, kept_keys: options.keepKeys };
  }
}
