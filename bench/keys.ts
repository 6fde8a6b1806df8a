/**
 * Benchmark 1: what key verification costs. Authenticated `GET /api/v1/me/` against the same
 * server's unauthenticated health route, 100 connections on loopback, alternating runs so that
 * drift hits both alike. Target: the ratio at least 0.85 and p99 under 10 ms.
 */
import { basicAuth, load, printTable, startBenchServer, type LoadResult } from './lib.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
// The rate limiter stays on (it is on the hot path too), with a limit the load never reaches.
const server = await startBenchServer({ rateLimit: { limit: 100_000_000, windowMs: 1000 } });
try {
  const health = { url: `${server.url}/_mock/health` };
  const me = { url: `${server.url}/api/v1/me/`, headers: { authorization: basicAuth(server.key) } };
  await load('warm-up', { ...me, durationSeconds: 2 });
  const rows: LoadResult[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    rows.push(await load(`health (baseline) #${round}`, health));
    rows.push(await load(`GET /me/ authenticated #${round}`, me));
  }
  printTable(rows);
  const mean = (prefix: string, pick: (row: LoadResult) => number) => {
    const picked = rows.filter((row) => row.label.startsWith(prefix)).map(pick);
    return picked.reduce((a, b) => a + b, 0) / picked.length;
  };
  const ratio = mean('GET /me/', (row) => row.rps) / mean('health', (row) => row.rps);
  const p99 = Math.max(
    ...rows.filter((row) => row.label.startsWith('GET /me/')).map((row) => row.p99),
  );
  console.log(
    `\nkey verification: authenticated/unauthenticated throughput = ${ratio.toFixed(3)} ` +
      `(target >= 0.85), authenticated p99 = ${p99} ms (target < 10 ms)`,
  );
} finally {
  await server.stop();
}
