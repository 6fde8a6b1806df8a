/**
 * A digest of everything the mock server stores: every table's rows, hashed in a stable order,
 * so that a test can say "these requests changed nothing" and name the table when they did.
 * A key's "last used" columns are left out: using a key, even in a refused request, may move
 * them (rate-limit counters live in memory and are not in the store at all).
 */
import { createHash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';

const IGNORED_COLUMNS: Record<string, string[]> = {
  api_keys: ['last_used_at', 'last_used_ip', 'last_used_user_agent'],
};

export type StoreDigest = Record<string, { rows: number; sha256: string }>;

function stable(value: unknown): unknown {
  return value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value;
}

/** Table → row count and a SHA-256 of its rows (columns in schema order, rows sorted). */
export function storeDigest(db: DatabaseSync): StoreDigest {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => String(row.name));
  const digest: StoreDigest = {};
  for (const table of tables) {
    const ignored = new Set(IGNORED_COLUMNS[table] ?? []);
    const rows = db
      .prepare(`SELECT * FROM "${table}"`)
      .all()
      .map((row) =>
        JSON.stringify(
          Object.entries(row)
            .filter(([column]) => !ignored.has(column))
            .map(([column, value]) => [column, stable(value)]),
        ),
      )
      .sort();
    const hash = createHash('sha256');
    for (const row of rows) hash.update(row).update('\n');
    digest[table] = { rows: rows.length, sha256: hash.digest('hex') };
  }
  return digest;
}
