/**
 * Shared benchmark plumbing: start a mock server process, drive it with autocannon on loopback,
 * and print figures as ratios against a baseline measured in the same run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { StartOptions } from '../mock/server.js';

export type BenchServer = {
  url: string;
  adminToken: string;
  key: string;
  stop: () => Promise<void>;
};

export async function startBenchServer(options: StartOptions = {}): Promise<BenchServer> {
  const script = fileURLToPath(new URL('./server-process.js', import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--no-warnings', script, JSON.stringify(options)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const ready = await new Promise<{ url: string; adminToken: string; key: string }>(
    (resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split('\n')[0];
        if (out.includes('\n') && line)
          resolve(JSON.parse(line) as { url: string; adminToken: string; key: string });
      });
      child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    },
  );
  return {
    ...ready,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export type LoadResult = {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
};

export async function load(
  label: string,
  options: {
    url: string;
    headers?: Record<string, string>;
    method?: 'GET' | 'POST';
    body?: string;
    connections?: number;
    durationSeconds?: number | undefined;
    /** Varies each request (a different ID or body); returns the path and body to send. */
    vary?: () => { path?: string; body?: string };
  },
): Promise<LoadResult> {
  const { vary } = options;
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers ?? {},
    ...(options.body !== undefined && { body: options.body }),
    ...(vary && { requests: [{ setupRequest: (request) => ({ ...request, ...vary() }) }] }),
    connections: options.connections ?? 100,
    duration: options.durationSeconds ?? Number(process.env.BENCH_SECONDS ?? 10),
  });
  return {
    label,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export const basicAuth = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

export function printTable(rows: LoadResult[]): void {
  console.log('| run | req/s | p50 ms | p99 ms | errors | non-2xx |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(
      `| ${row.label} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p99} | ${row.errors} | ${row.non2xx} |`,
    );
  }
}
