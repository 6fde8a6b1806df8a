import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { pathPattern } from '../../mock/services/faults.js';
import { buildHarness, send, type Harness } from './support/mock-harness.js';

describe('/_mock/faults', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await buildHarness();
  });
  afterAll(() => h.app.close());
  afterEach(async () => {
    await h.request({
      method: 'DELETE',
      url: '/_mock/faults',
      headers: { authorization: h.admin },
    });
  });

  const postFault = (fault: Record<string, unknown>) =>
    h.request({
      method: 'POST',
      url: '/_mock/faults',
      headers: { authorization: h.admin },
      payload: fault,
    });
  const inject = async (fault: Record<string, unknown>) => {
    const response = await postFault(fault);
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string }>();
  };
  const me = () => h.request({ url: '/api/v1/me/', headers: { authorization: h.auth } });

  it('answers the given status to the next N matching requests, then normally again', async () => {
    await inject({ method: 'GET', path: '/api/v1/me/', count: 2, status: 503 });
    const first = await me();
    expect(first.statusCode).toBe(503);
    expect(first.json<{ error: string }>().error).toMatch(/Simulated 503/);
    expect((await me()).statusCode).toBe(503);
    expect((await me()).statusCode).toBe(200);
  });

  it('simulates a 429 with Retry-After and RateLimit headers', async () => {
    await inject({ path: '/api/v1/me/', status: 429 });
    const response = await me();
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.headers.ratelimit).toMatch(/remaining=0/);
    expect(response.json<{ error: { rate_reset: number } }>().error.rate_reset).toBe(1);
  });

  it('sends a custom body and headers with a 500 or 502', async () => {
    await inject({
      path: '/api/v1/me/',
      status: 502,
      body: { error: 'Bad gateway' },
      headers: { 'x-fault': 'yes' },
    });
    await inject({ path: '/api/v1/me/', status: 500 });
    const gateway = await me();
    expect(gateway.statusCode).toBe(502);
    expect(gateway.headers['x-fault']).toBe('yes');
    expect(gateway.json()).toEqual({ error: 'Bad gateway' });
    expect((await me()).statusCode).toBe(500);
  });

  it('answers 200 with malformed JSON when the body is a string', async () => {
    await inject({ path: '/api/v1/me/', body: '{"id": "user_', count: 1 });
    const response = await me();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(() => JSON.parse(response.body)).toThrow(SyntaxError);
  });

  it('delays the answer, which is otherwise normal', async () => {
    await inject({ path: '/api/v1/me/', delay_ms: 300 });
    const started = Date.now();
    const response = await me();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(response.statusCode).toBe(200);
  });

  it('drops the connection without an answer', async () => {
    await inject({ path: '/api/v1/me/', drop: true });
    await expect(me()).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await me()).statusCode).toBe(200);
  });

  it('applies before authentication, and matches globs and methods', async () => {
    await inject({ method: 'PUT', path: '/api/v1/webhook/*/', status: 500 });
    await inject({ path: '/api/v1/lead/**', status: 503, count: 2 });
    const put = await send(h.url, {
      method: 'PUT',
      url: '/api/v1/webhook/whsub_abc/',
      payload: {},
    });
    expect(put.statusCode).toBe(500);
    const unauthenticated = await send(h.url, { url: '/api/v1/lead/lead_1/contacts/?x=1' });
    expect(unauthenticated.statusCode).toBe(503);
    // GET does not match the PUT fault; without a key it is the usual 401.
    expect((await send(h.url, { url: '/api/v1/webhook/whsub_abc/' })).statusCode).toBe(401);
  });

  it('lists queued faults with what remains, and clears them', async () => {
    await inject({ path: '/api/v1/me/', status: 500, count: 3 });
    await me();
    const listed = await h.request({ url: '/_mock/faults', headers: { authorization: h.admin } });
    expect(listed.json<{ data: unknown[] }>().data).toEqual([
      expect.objectContaining({
        method: '*',
        path: '/api/v1/me/',
        count: 3,
        remaining: 2,
        status: 500,
      }),
    ]);
    const cleared = await h.request({
      method: 'DELETE',
      url: '/_mock/faults',
      headers: { authorization: h.admin },
    });
    expect(cleared.json()).toEqual({ cleared: 1 });
    expect((await me()).statusCode).toBe(200);
  });

  it('never applies to the control plane', async () => {
    await inject({ path: '/**', status: 500, count: 5 });
    const response = await h.request({ url: '/_mock/faults', headers: { authorization: h.admin } });
    expect(response.statusCode).toBe(200);
  });

  it.each([
    ['no effect', { path: '/api/v1/me/' }],
    ['a path without a slash', { path: 'api/v1/me/', status: 500 }],
    ['an unknown method', { method: 'FETCH', path: '/api/v1/me/', status: 500 }],
    ['a drop with a status', { path: '/api/v1/me/', drop: true, status: 500 }],
    ['a status out of range', { path: '/api/v1/me/', status: 99 }],
    ['an unknown option', { path: '/api/v1/me/', status: 500, sometimes: true }],
  ])('rejects a fault with %s', async (_name, fault) => {
    expect((await postFault(fault)).statusCode).toBe(400);
  });

  it('needs the admin token', async () => {
    const response = await h.request({
      method: 'POST',
      url: '/_mock/faults',
      payload: { path: '/x', status: 500 },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('pathPattern', () => {
  it('matches exactly, with * inside a segment and ** across segments, trailing slash optional', () => {
    expect(pathPattern('/api/v1/lead/').test('/api/v1/lead')).toBe(true);
    expect(pathPattern('/api/v1/lead/').test('/api/v1/lead/x/')).toBe(false);
    expect(pathPattern('/api/v1/lead/*/').test('/api/v1/lead/lead_1/')).toBe(true);
    expect(pathPattern('/api/v1/lead/*/').test('/api/v1/lead/a/b/')).toBe(false);
    expect(pathPattern('/api/v1/**').test('/api/v1/a/b/c/')).toBe(true);
    expect(pathPattern('/api/v1.x').test('/api/v1/x')).toBe(false);
  });
});
