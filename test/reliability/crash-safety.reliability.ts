/**
 * Crash safety: the mock server, in a child process on a file store, is killed with SIGKILL in
 * the middle of a burst of lead creates over real HTTP, then started again on the same file, a
 * few times over. Every create that was answered 2xx must still be there (with its contact and
 * its `created` event), nothing half-written may appear, the file must pass SQLite's
 * `PRAGMA integrity_check`, and the API keys must still verify (a deleted one still must not).
 */
import { Agent } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import got, { type Got } from 'got';
import { serveInChild, type MockProcess } from '../support/mock-process.js';

const ADMIN_TOKEN = 'mock_admin_crash-safety-test-token';
const ROUNDS = 3;
const WORKERS = 32;
/** Creates answered in a round before the kill; the kill lands with ~WORKERS more in flight. */
const ACKED_BEFORE_KILL = 150;

let dir: string;
let dbPath: string;
let server: MockProcess | undefined;
const agent = new Agent({ keepAlive: true, maxSockets: WORKERS });

const api = (url: string, key: string): Got =>
  got.extend({
    prefixUrl: `${url}/api/v1/`,
    username: key,
    password: '',
    agent: { http: agent },
    retry: { limit: 0 },
    throwHttpErrors: false,
    timeout: { request: 10_000 },
  });

const control = (url: string): Got =>
  got.extend({
    prefixUrl: `${url}/_mock/`,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    responseType: 'json',
    retry: { limit: 0 },
  });

const start = () =>
  serveInChild(dbPath, {
    args: ['--rate-limit', '100000000'],
    env: { CLOSE_MOCK_ADMIN_TOKEN: ADMIN_TOKEN },
  });

type Acked = { id: string; name: string; email: string };

/**
 * Creates leads from WORKERS concurrent clients until the server dies; SIGKILLs it once
 * ACKED_BEFORE_KILL creates have been answered. Returns the creates answered 2xx.
 */
async function burstThenKill(running: MockProcess, key: string, round: number): Promise<Acked[]> {
  const client = api(running.url, key);
  const acked: Acked[] = [];
  let attempted = 0;
  let killed = false;
  const worker = async (index: number) => {
    for (let i = 0; !killed || running.child.exitCode === null; i++) {
      const name = `Crash ${round}-${index}-${i}`;
      const email = `crash-${round}-${index}-${i}@example.com`;
      attempted++;
      try {
        const response = await client.post('lead/', {
          json: { name, contacts: [{ name: `Contact of ${name}`, emails: [{ email }] }] },
        });
        if (response.statusCode >= 200 && response.statusCode < 300) {
          acked.push({ id: (JSON.parse(response.body) as { id: string }).id, name, email });
        } else {
          throw new Error(`create answered ${response.statusCode}: ${response.body}`);
        }
      } catch (error) {
        if (killed) return; // the connection died with the server: not acknowledged
        throw error;
      }
      if (!killed && acked.length >= ACKED_BEFORE_KILL) {
        killed = true;
        running.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)));
  await running.exited;
  expect(running.child.signalCode).toBe('SIGKILL');
  // Some requests were still in flight when the server died.
  expect(attempted).toBeGreaterThan(acked.length);
  return acked;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'close-crash-'));
  dbPath = join(dir, 'close-mock.sqlite');
});

afterAll(async () => {
  await server?.stop();
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps every acknowledged create through SIGKILLs mid-burst, intact and with working keys', async () => {
  server = await start();
  const bootstrapKey = server.bootstrapKey ?? '';
  expect(bootstrapKey).toMatch(/^api_/);
  const made = await control(server.url)
    .post('keys', { json: { name: 'Made before the crashes' } })
    .json<{ id: string; key: string }>();
  const doomed = await control(server.url)
    .post('keys', { json: { name: 'Deleted before the crashes' } })
    .json<{ id: string; key: string }>();
  await control(server.url).delete(`keys/${doomed.id}`);

  const acked: Acked[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    acked.push(...(await burstThenKill(server, round % 2 ? bootstrapKey : made.key, round)));
    server = await start();
    expect(server.bootstrapKey).toBeUndefined(); // the same store, not a fresh one
  }
  expect(acked.length).toBeGreaterThanOrEqual(ROUNDS * ACKED_BEFORE_KILL);
  expect(new Set(acked.map((lead) => lead.id)).size).toBe(acked.length);

  // Every acknowledged lead is there, with its contact.
  const client = api(server.url, bootstrapKey);
  const missing: string[] = [];
  for (let i = 0; i < acked.length; i += 16) {
    await Promise.all(
      acked.slice(i, i + 16).map(async (lead) => {
        const response = await client.get(`lead/${lead.id}/`);
        const body = response.statusCode === 200 ? (JSON.parse(response.body) as LeadBody) : null;
        if (
          body?.name !== lead.name ||
          body.contacts[0]?.emails[0]?.email !== lead.email ||
          body.contacts.length !== 1
        ) {
          missing.push(`${lead.id} (${lead.name}) → ${response.statusCode}`);
        }
      }),
    );
  }
  expect(missing).toEqual([]);

  // Keys: both live keys still verify; the deleted one is still refused.
  expect((await client.get('me/')).statusCode).toBe(200);
  expect((await api(server.url, made.key).get('me/')).statusCode).toBe(200);
  expect((await api(server.url, doomed.key).get('me/')).statusCode).toBe(401);

  // The file: sound, and every lead whole (a contact and one `created` event each; no more
  // leads than were attempted, none from a create that was rolled back).
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    const count = (sql: string) => Number(db.prepare(sql).get()?.n);
    const leads = count('SELECT count(*) AS n FROM leads');
    expect(leads).toBeGreaterThanOrEqual(acked.length);
    expect(count('SELECT count(*) AS n FROM contacts')).toBe(leads);
    expect(
      count(`SELECT count(*) AS n FROM events WHERE object_type = 'lead' AND action = 'created'`),
    ).toBe(leads);
    expect(
      count(`SELECT count(*) AS n FROM leads WHERE id NOT IN
        (SELECT object_id FROM events WHERE object_type = 'lead' AND action = 'created')`),
    ).toBe(0);
  } finally {
    db.close();
  }
}, 120_000);

type LeadBody = {
  name: string;
  contacts: { emails: { email: string }[] }[];
};
