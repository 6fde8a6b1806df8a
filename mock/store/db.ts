/**
 * The mock server's SQLite store (Node's built-in `node:sqlite`, no native addon): opening,
 * pragmas and schema migrations. A file by default so that keys and data survive restarts,
 * `:memory:` for tests and throwaway runs.
 */
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { migrations } from './migrations.js';

export type Db = DatabaseSync;

const PAGE_CACHE_KIB = 64 * 1024;

export function openDatabase(path: string): Db {
  const db = new DatabaseSync(path);
  // WAL + NORMAL: a committed transaction survives a killed process (not a power cut), and
  // readers never wait on the writer.
  if (path !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  // A 64 MiB page cache (SQLite's default is 2 MiB), filled only as pages are read: with the
  // default, a store of 100,000 demo leads (1.3 GB) re-read about 10 pages from the file for
  // every lead looked up by ID (1 with 1,000 leads), so ID lookups slowed with store size even
  // though every one is an index search; with 64 MiB the B-trees' upper levels and the recent
  // rows stay cached and a lookup reads about 1 page at either size (bench/crm.ts).
  db.exec(`PRAGMA cache_size = -${PAGE_CACHE_KIB}`);
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)');
  const applied = new Set(
    (db.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map(
      (row) => row.name,
    ),
  );
  for (const { name, sql } of migrations) {
    if (applied.has(name)) continue;
    transaction(db, () => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (name) VALUES (?)').run(name);
    });
  }
}

/** Runs `work` in one transaction; nested calls join the outer one. */
export function transaction<T>(db: Db, work: () => T): T {
  if (db.isTransaction) return work();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** Prepared statements, compiled once per database and SQL text (the hot paths reuse them). */
export function statementCache(db: Db): (sql: string) => StatementSync {
  const cache = new Map<string, StatementSync>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
