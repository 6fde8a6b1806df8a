/**
 * Bad input at scale: the route-catalog generator in its thorough mode (over a thousand
 * malformed requests: unicode edge cases, oversized and deeply nested bodies, wrong types,
 * header abuse derived from the real credentials, path traversal toward the control plane,
 * query syntax abuse) against a server holding one object of every kind, each item route called
 * with a real ID. Every answer must be a 4xx with a JSON error, none a 5xx; the server must keep
 * answering; and no table may change (save a key's "last used").
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  generateBadRequests,
  harnessCredentials,
  isJsonError,
  jsonRoutes,
  type BadRequest,
} from '../mock/support/bad-input.js';
import { createOneOfEach, type Fixtures } from '../mock/support/crm-fixtures.js';
import { ADMIN_TOKEN, buildHarness, send, type Harness } from '../mock/support/mock-harness.js';
import { storeDigest } from '../mock/support/store-digest.js';

const CONCURRENCY = 8;

describe('over a thousand malformed requests to a server with data', () => {
  let h: Harness;
  let fixtures: Fixtures;
  let requests: BadRequest[];

  const apiRoutes = () => jsonRoutes(h);

  beforeAll(async () => {
    h = await buildHarness();
    fixtures = await createOneOfEach(h.app, h.url, h.tenant, 'Fixture');
    requests = generateBadRequests(apiRoutes(), await harnessCredentials(h, apiRoutes()), {
      thorough: true,
      realId: (route) => fixtures.ids[route.url],
      secrets: { apiKey: h.tenant.key, adminToken: ADMIN_TOKEN },
    });
  });
  afterAll(async () => {
    await h.app.close();
    await fixtures.receiver.close();
  });

  it('generates over a thousand, for every route, with real IDs for every item route', () => {
    expect(requests.length).toBeGreaterThanOrEqual(1000);
    const covered = new Set(requests.map((request) => request.name.split(' | ')[0]));
    for (const route of apiRoutes()) {
      expect(covered).toContain(`${route.method} ${route.url}`);
      if (route.url.includes(':') && route.schema?.hide !== true) {
        expect(fixtures.ids[route.url]).toMatch(/^[a-z]+_/);
      }
    }
  });

  it('answers every one with a 4xx JSON error, never a 5xx, and changes nothing', async () => {
    const before = storeDigest(h.app.services.db);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < requests.length; i += CONCURRENCY) {
      await Promise.all(
        requests.slice(i, i + CONCURRENCY).map(async (request) => {
          try {
            const answer = await send(h.url, request);
            statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
            if (answer.statusCode < 400 || answer.statusCode >= 500 || !isJsonError(answer)) {
              failures.push(`${request.name} → ${answer.statusCode} ${answer.body.slice(0, 160)}`);
            } else if (/"api_[0-9A-Za-z]{22}"/.test(answer.body) && /_mock/.test(request.url)) {
              failures.push(`${request.name} → lists keys: ${answer.body.slice(0, 160)}`);
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
    expect([...statuses.keys()].every((status) => status >= 400 && status < 500)).toBe(true);

    // Deliveries are queued on the next turn of the event loop: give them one.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(storeDigest(h.app.services.db)).toEqual(before);
    expect(fixtures.receiver.received).toEqual([]);

    expect((await h.request({ url: '/_mock/health' })).statusCode).toBe(200);
    const lead = await h.request({
      url: `/api/v1/lead/${fixtures.ids['/api/v1/lead/:id/']}/`,
      headers: { authorization: h.auth },
    });
    expect(lead.statusCode).toBe(200);
  });
});
