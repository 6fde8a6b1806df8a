/**
 * Benchmark 2: CRM reads and a write under the same load, on a small and a large store. Two
 * mock servers in their own processes, each on a file store seeded with the demo data (1,000 and
 * 100,000 leads), driven alternately with autocannon (100 connections, fixed duration) so that
 * drift on a shared machine hits both alike: the default lead list, the recent-first list, the
 * recently-updated list (the lead dropdown), a lead by ID (a different lead each request), and
 * note creation. Prints req/s and p99 per store and the large/small ratio of each: with indexes
 * behind ID lookups and recent-first lists, none should fall with store size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import got from 'got';
import { basicAuth, load, printTable, startBenchServer, type LoadResult } from './lib.js';

const SMALL = Number(process.env.BENCH_CRM_SMALL ?? 1_000);
const LARGE = Number(process.env.BENCH_CRM_LARGE ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
/** Throughput may dip this much with store size before it counts as a fall (run-to-run noise). */
const RPS_RATIO_TARGET = 0.85;
const P99_RATIO_TARGET = 1.25;

type Store = {
  leads: number;
  url: string;
  headers: Record<string, string>;
  /** Leads across the store (from pages up to the deepest `_skip`), for lookups and writes. */
  leadIds: string[];
  stop: () => Promise<void>;
};

async function startStore(leads: number): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'close-bench-crm-'));
  const started = performance.now();
  const server = await startBenchServer({
    dbPath: join(dir, 'close-mock.sqlite'),
    seed: 'demo',
    seedLeads: leads,
    // The rate limiter stays on the hot path, with a limit the load never reaches.
    rateLimit: { limit: 100_000_000, windowMs: 1000 },
  });
  const headers = { authorization: basicAuth(server.key), 'content-type': 'application/json' };
  const api = got.extend({ prefixUrl: `${server.url}/api/v1/`, headers, retry: { limit: 0 } });
  const leadIds: string[] = [];
  for (let skip = 0; skip <= Math.min(10_000, leads - 1); skip += Math.max(200, leads / 50)) {
    const page = await api
      .get('lead/', { searchParams: { _fields: 'id', _limit: 200, _skip: Math.floor(skip) } })
      .json<{ data: { id: string }[] }>();
    leadIds.push(...page.data.map((lead) => lead.id));
  }
  console.error(
    `store of ${leads} leads ready in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
      `(${leadIds.length} lead IDs sampled)`,
  );
  return {
    leads,
    url: server.url,
    headers,
    leadIds,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Operation = {
  name: string;
  run: (store: Store, label: string, durationSeconds?: number) => Promise<LoadResult>;
};

const pick = (ids: string[]) => ids[Math.floor(Math.random() * ids.length)]!;

const OPERATIONS: Operation[] = [
  {
    name: 'GET /lead/?_limit=25',
    run: (store, label, durationSeconds) =>
      load(label, {
        url: `${store.url}/api/v1/lead/?_limit=25`,
        headers: store.headers,
        durationSeconds,
      }),
  },
  {
    name: 'GET /lead/?_limit=25&_order_by=-date_created',
    run: (store, label, durationSeconds) =>
      load(label, {
        url: `${store.url}/api/v1/lead/?_limit=25&_order_by=-date_created`,
        headers: store.headers,
        durationSeconds,
      }),
  },
  {
    name: 'GET /lead/?_limit=25&_order_by=-date_updated&_fields=id,display_name',
    run: (store, label, durationSeconds) =>
      load(label, {
        url: `${store.url}/api/v1/lead/?_limit=25&_order_by=-date_updated&_fields=id,display_name`,
        headers: store.headers,
        durationSeconds,
      }),
  },
  {
    name: 'GET /lead/{id}/',
    run: (store, label, durationSeconds) =>
      load(label, {
        url: `${store.url}/api/v1/lead/`,
        headers: store.headers,
        durationSeconds,
        vary: () => ({ path: `/api/v1/lead/${pick(store.leadIds)}/` }),
      }),
  },
  {
    name: 'POST /activity/note/',
    run: (store, label, durationSeconds) =>
      load(label, {
        url: `${store.url}/api/v1/activity/note/`,
        method: 'POST',
        headers: store.headers,
        durationSeconds,
        vary: () => ({
          body: JSON.stringify({ lead_id: pick(store.leadIds), note: 'Called about the renewal.' }),
        }),
      }),
  },
];

const [small, large] = await Promise.all([startStore(SMALL), startStore(LARGE)]);
const stores = [small, large];
try {
  for (const store of stores) {
    for (const operation of OPERATIONS) await operation.run(store, 'warm-up', 2);
  }
  const rows: (LoadResult & { operation: string; leads: number })[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const operation of OPERATIONS) {
      for (const store of stores) {
        const label = `${operation.name} · ${store.leads.toLocaleString('en-US')} leads`;
        const result = await operation.run(store, ROUNDS > 1 ? `${label} #${round}` : label);
        rows.push({ ...result, operation: operation.name, leads: store.leads });
      }
    }
  }
  printTable(rows);

  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const of = (operation: string, leads: number) =>
    rows.filter((row) => row.operation === operation && row.leads === leads);
  console.log(`\n| operation | req/s ${LARGE}/${SMALL} | p99 ${LARGE}/${SMALL} | verdict |`);
  console.log('|---|---:|---:|---|');
  let failures = 0;
  for (const { name } of OPERATIONS) {
    const rps = mean(of(name, LARGE).map((r) => r.rps)) / mean(of(name, SMALL).map((r) => r.rps));
    // p99 in whole milliseconds: below 1 ms both round to 0 or 1, so compare from 1 ms up.
    const p99 =
      Math.max(1, mean(of(name, LARGE).map((r) => r.p99))) /
      Math.max(1, mean(of(name, SMALL).map((r) => r.p99)));
    const ok = rps >= RPS_RATIO_TARGET && p99 <= P99_RATIO_TARGET;
    if (!ok) failures++;
    console.log(
      `| ${name} | ${rps.toFixed(2)} | ${p99.toFixed(2)} | ${ok ? 'holds' : 'FALLS with store size'} |`,
    );
  }
  const errors = rows.reduce((sum, row) => sum + row.errors + row.non2xx, 0);
  console.log(
    `\ncrm: ${failures === 0 ? 'no figure falls' : `${failures} figure(s) fall`} from ` +
      `${SMALL} to ${LARGE} leads (targets: req/s ratio >= ${RPS_RATIO_TARGET}, p99 ratio <= ` +
      `${P99_RATIO_TARGET}); ${errors} errors or non-2xx answers`,
  );
} finally {
  await Promise.all(stores.map((store) => store.stop()));
}
