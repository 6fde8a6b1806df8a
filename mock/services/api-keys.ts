/**
 * API keys as Close issues them: `api_<22>.<22>` from the CSPRNG, the full key returned once,
 * only a SHA-256 digest of the secret part stored (right for 131-bit random secrets; slow hashes
 * are for passwords). Verification looks the key up by ID and compares digests in constant time;
 * an unknown ID, a wrong secret and a deleted key are one status, so a caller learns nothing
 * from the difference.
 *
 * "Last used" is recorded in memory and written in batches (at most `flushIntervalMs` behind):
 * a write per verified request would put the database's single writer on the hot path.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { API_KEY_ID_PREFIX, API_KEY_PART_LENGTH, checkApiKey } from '../../shared/api-key.js';
import { statementCache, transaction, type Db } from '../store/db.js';
import { isoNow, randomBase62 } from '../store/ids.js';

export type KeyPrincipal = { keyId: string; userId: string; organizationId: string };

export type VerifyResult =
  | { status: 'valid'; principal: KeyPrincipal }
  | { status: 'malformed' }
  | { status: 'id_only' }
  | { status: 'rejected' };

export type LastUse = { at: string; ip: string; userAgent: string | null };

export type ApiKeyListing = {
  id: string;
  name: string;
  user_id: string;
  organization_id: string;
  date_created: string;
  last_used: LastUse | null;
};

type KeyRow = {
  id: string;
  name: string;
  secret_hash: Uint8Array | null;
  user_id: string;
  organization_id: string;
  date_created: string;
  last_used_at: string | null;
  last_used_ip: string | null;
  last_used_user_agent: string | null;
};

const digest = (secret: string): Buffer => createHash('sha256').update(secret).digest();
// Compared against when the ID is unknown, so that both failures take the same work.
const DECOY_DIGEST = digest('decoy');
export const KEY_NAME_MAX_LENGTH = 100;

export class ApiKeyService {
  private readonly statement: ReturnType<typeof statementCache>;
  private readonly pendingUses = new Map<string, LastUse>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly flushIntervalMs = 1000,
  ) {
    this.statement = statementCache(db);
    this.timer = setInterval(() => this.flushLastUses(), flushIntervalMs);
    this.timer.unref();
  }

  /** Issues a key; the returned `key` is the only time the secret exists outside the caller. */
  create(input: { name: string; userId: string; organizationId: string }): {
    key: string;
    listing: ApiKeyListing;
  } {
    const name = input.name.trim();
    let id: string;
    // A tombstoned ID is never issued again (the odds are 62^-22, the check is cheap).
    do id = `${API_KEY_ID_PREFIX}${randomBase62(API_KEY_PART_LENGTH)}`;
    while (this.statement('SELECT 1 FROM api_keys WHERE id = ?').get(id));
    const secret = randomBase62(API_KEY_PART_LENGTH);
    const dateCreated = isoNow();
    this.statement(
      `INSERT INTO api_keys (id, name, secret_hash, user_id, organization_id, date_created)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(id, name, digest(secret), input.userId, input.organizationId, dateCreated);
    return {
      key: `${id}.${secret}`,
      listing: {
        id,
        name,
        user_id: input.userId,
        organization_id: input.organizationId,
        date_created: dateCreated,
        last_used: null,
      },
    };
  }

  verify(presented: string): VerifyResult {
    const check = checkApiKey(presented);
    if (check.kind === 'id_only') return { status: 'id_only' };
    if (check.kind !== 'valid') return { status: 'malformed' };
    const row = this.statement(
      `SELECT secret_hash, user_id, organization_id FROM api_keys
       WHERE id = ? AND date_deleted IS NULL`,
    ).get(check.parsed.id) as
      Pick<KeyRow, 'secret_hash' | 'user_id' | 'organization_id'> | undefined;
    const expected = row?.secret_hash ? Buffer.from(row.secret_hash) : DECOY_DIGEST;
    const matches = timingSafeEqual(expected, digest(check.parsed.secret));
    if (!row?.secret_hash || !matches) return { status: 'rejected' };
    return {
      status: 'valid',
      principal: {
        keyId: check.parsed.id,
        userId: row.user_id,
        organizationId: row.organization_id,
      },
    };
  }

  recordUse(keyId: string, use: LastUse): void {
    this.pendingUses.set(keyId, use);
  }

  /** Writes pending last-use records in one transaction; deleted keys are not touched. */
  flushLastUses(): void {
    if (this.pendingUses.size === 0) return;
    const uses = [...this.pendingUses];
    this.pendingUses.clear();
    const update = this.statement(
      `UPDATE api_keys SET last_used_at = ?, last_used_ip = ?, last_used_user_agent = ?
       WHERE id = ? AND date_deleted IS NULL`,
    );
    transaction(this.db, () => {
      for (const [id, use] of uses) update.run(use.at, use.ip, use.userAgent, id);
    });
  }

  list(organizationId?: string): ApiKeyListing[] {
    this.flushLastUses();
    const rows = (
      organizationId
        ? this.statement(
            `SELECT * FROM api_keys WHERE date_deleted IS NULL AND organization_id = ?
             ORDER BY date_created, id`,
          ).all(organizationId)
        : this.statement(
            'SELECT * FROM api_keys WHERE date_deleted IS NULL ORDER BY date_created, id',
          ).all()
    ) as KeyRow[];
    return rows.map(toListing);
  }

  get(id: string): ApiKeyListing | undefined {
    this.flushLastUses();
    const row = this.statement('SELECT * FROM api_keys WHERE id = ? AND date_deleted IS NULL').get(
      id,
    ) as KeyRow | undefined;
    return row && toListing(row);
  }

  nameInUse(name: string, organizationId: string): boolean {
    return Boolean(
      this.statement(
        `SELECT 1 FROM api_keys WHERE organization_id = ? AND date_deleted IS NULL
         AND lower(name) = lower(?)`,
      ).get(organizationId, name.trim()),
    );
  }

  /** Deletes for good: the digest is erased, so no later request can match it. */
  delete(id: string): boolean {
    this.pendingUses.delete(id);
    const result = this.statement(
      `UPDATE api_keys SET secret_hash = NULL, date_deleted = ?
       WHERE id = ? AND date_deleted IS NULL`,
    ).run(isoNow(), id);
    return Number(result.changes) === 1;
  }

  close(): void {
    clearInterval(this.timer);
    this.flushLastUses();
  }
}

function toListing(row: KeyRow): ApiKeyListing {
  return {
    id: row.id,
    name: row.name,
    user_id: row.user_id,
    organization_id: row.organization_id,
    date_created: row.date_created,
    last_used: row.last_used_at
      ? { at: row.last_used_at, ip: row.last_used_ip ?? '', userAgent: row.last_used_user_agent }
      : null,
  };
}
