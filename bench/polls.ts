/**
 * Benchmark: what one poll of each trigger costs Close. A mock server (own process) is seeded
 * with 10,000 leads and related objects; every trigger's poll (`performList` of the instant
 * triggers, `perform` of the smart view trigger) runs through Zapier's app tester against it via
 * a counting proxy, which sees each request and the bytes of each answer. After one warm-up poll,
 * `BENCH_POLLS` polls per trigger are measured: requests, response bytes and items per poll.
 * Target: one request per poll, asking only for the newest items the poll can return.
 * Run with NODE_ENV=test (as `npm run bench:polls` does): core then checks each result as in its
 * tests and does not print its per-invocation memory line.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import got from 'got';
import zapier, { type Bundle, type Trigger, type ZObject } from 'zapier-platform-core';
import { z } from 'zod';
import { basicAuth, startBenchServer } from './lib.js';
import App from '../src/index.js';

const POLLS = Number(process.env.BENCH_POLLS ?? 5);
const LEADS = Number(process.env.BENCH_LEADS ?? 10_000);

type Counter = { requests: number; bytes: number; paths: string[] };

/** A loopback proxy in front of the mock that counts requests and response body bytes. */
async function countingProxy(
  target: string,
): Promise<{ url: string; counter: Counter; server: Server }> {
  const counter: Counter = { requests: 0, bytes: 0, paths: [] };
  const upstream = new URL(target);
  const server = createServer((incoming, outgoing) => {
    counter.requests += 1;
    counter.paths.push(`${incoming.method} ${incoming.url}`);
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('data', (chunk: Buffer) => {
          counter.bytes += chunk.length;
          outgoing.write(chunk);
        });
        answer.on('end', () => outgoing.end());
      },
    );
    forward.on('error', () => outgoing.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, counter, server };
}

type Poll = (z: ZObject, bundle: Bundle) => unknown;

function pollOf(trigger: Trigger): Poll {
  const { operation } = trigger;
  if (operation.type === 'hook' && typeof operation.performList === 'function') {
    return operation.performList;
  }
  if (operation.type === 'polling' && typeof operation.perform === 'function') {
    return operation.perform;
  }
  throw new Error(`${trigger.key} has no poll`);
}

const started = Date.now();
// The mock's demo seed: leads with contacts, opportunities, activities of every kind (status
// changes included), tasks (some completed), custom fields and smart views.
const server = await startBenchServer({
  seed: 'demo',
  seedLeads: LEADS,
  rateLimit: { limit: 1_000_000, windowMs: 1000 },
});
try {
  console.log(
    `Mock seeded with ${LEADS} demo leads in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  const views = z
    .object({ data: z.array(z.looseObject({ id: z.string(), name: z.string() })) })
    .parse(
      await got(`${server.url}/api/v1/saved_search/`, {
        headers: { authorization: basicAuth(server.key) },
      }).json(),
    );
  const view = views.data[0];
  if (!view) throw new Error('the demo seed made no smart view');

  const proxy = await countingProxy(server.url);
  process.env.CLOSE_API_BASE_URL = proxy.url;
  const appTester = zapier.createAppTester(App);
  const authData = { api_key: server.key };
  const inputs: Record<string, Record<string, unknown>> = {
    new_lead_in_smart_view: { smart_view_id: view.id },
  };

  const rows: string[][] = [];
  const triggers = Object.values(App.triggers ?? {}) as Trigger[];
  for (const trigger of triggers.filter((t) => !t.display.hidden)) {
    const poll = pollOf(trigger);
    const bundle = { authData, inputData: inputs[trigger.key] ?? {} };
    proxy.counter.requests = 0;
    // The first poll of a fresh process also loads custom field definitions, which later polls
    // find in the cache (as a warm Zapier process does between polls).
    await appTester(poll, bundle);
    const firstPollRequests = proxy.counter.requests;
    proxy.counter.requests = 0;
    proxy.counter.bytes = 0;
    proxy.counter.paths = [];
    let items = 0;
    const t0 = performance.now();
    for (let i = 0; i < POLLS; i++) {
      const result = await appTester(poll, bundle);
      items += Array.isArray(result) ? result.length : 0;
    }
    const ms = (performance.now() - t0) / POLLS;
    const request = (proxy.counter.paths[0] ?? '').replace(/^GET |^POST /, '');
    rows.push([
      trigger.key,
      String(firstPollRequests),
      (proxy.counter.requests / POLLS).toFixed(1),
      Math.round(proxy.counter.bytes / POLLS).toLocaleString('en-US'),
      String(Math.round(items / POLLS)),
      ms.toFixed(0),
      request.length > 90 ? `${request.slice(0, 87)}…` : request,
    ]);
  }
  const header = [
    'trigger',
    'first poll: requests',
    'requests/poll',
    'bytes/poll',
    'items/poll',
    'ms/poll',
    'request',
  ];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(
    `\n${POLLS} polls per trigger after a first one (smart view "${view.name}"), ${LEADS} leads:\n`,
  );
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
  proxy.server.close();
} finally {
  await server.stop();
}
