import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  generateBadRequests,
  harnessCredentials,
  isJsonError,
  jsonRoutes,
  type BadRequest,
} from './support/bad-input.js';
import { buildHarness, send, type Harness } from './support/mock-harness.js';

const CONCURRENCY = 8;

/** Writes raw bytes to the server and returns what it answers before closing. */
function raw(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('malformed requests to every registered route', () => {
  let h: Harness;
  let requests: BadRequest[];

  const apiRoutes = () => jsonRoutes(h);

  beforeAll(async () => {
    h = await buildHarness();
    requests = generateBadRequests(apiRoutes(), await harnessCredentials(h, apiRoutes()));
  });
  afterAll(() => h.app.close());

  it('covers every route, the API and the control plane, with a few hundred requests', () => {
    const routes = new Set(requests.map((request) => request.name.split(' | ')[0]));
    for (const route of apiRoutes()) {
      if (route.method === 'HEAD') continue;
      expect(routes).toContain(`${route.method} ${route.url}`);
    }
    expect(requests.length).toBeGreaterThanOrEqual(300);
  });

  it('answers each with a 4xx JSON error, never a 5xx, and keeps answering', async () => {
    const failures: string[] = [];
    for (let i = 0; i < requests.length; i += CONCURRENCY) {
      await Promise.all(
        requests.slice(i, i + CONCURRENCY).map(async (request) => {
          try {
            const answer = await send(h.url, request);
            if (answer.statusCode < 400 || answer.statusCode >= 500 || !isJsonError(answer)) {
              failures.push(`${request.name} → ${answer.statusCode} ${answer.body.slice(0, 120)}`);
            }
          } catch (error) {
            failures.push(
              `${request.name} → ${error instanceof Error ? error.message : String(error)}`,
            );
          }
        }),
      );
    }
    expect(failures).toEqual([]);

    const health = await h.request({ url: '/_mock/health' });
    expect(health.statusCode).toBe(200);
    const me = await h.request({ url: '/api/v1/me/', headers: { authorization: h.auth } });
    expect(me.statusCode).toBe(200);
  });

  it('answers broken HTTP itself with a 4xx JSON error', async () => {
    const garbage = await raw(h.url, 'THIS IS NOT HTTP\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400/);
    expect(garbage).toMatch(/\{"error":/);
    const huge = await raw(
      h.url,
      `GET /api/v1/me/ HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`,
    );
    expect(huge).toMatch(/^HTTP\/1\.1 431/);
    expect((await h.request({ url: '/_mock/health' })).statusCode).toBe(200);
  });
});
