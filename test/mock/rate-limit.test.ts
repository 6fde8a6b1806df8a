import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RateLimiter } from '../../mock/services/rate-limits.js';
import { basicAuth, buildHarness, issueKey, type Harness } from './support/mock-harness.js';

const HEADER = /^limit=(\d+), remaining=(\d+), reset=(\d+(?:\.\d+)?)$/;

function parseHeader(value: string | string[] | undefined) {
  const match = HEADER.exec(String(value));
  if (!match) throw new Error(`Not a RateLimit header: ${String(value)}`);
  return { limit: Number(match[1]), remaining: Number(match[2]), reset: Number(match[3]) };
}

describe('rate limits', () => {
  let h: Harness;
  beforeAll(async () => {
    // A long window, so that no test crosses into the next one by accident.
    h = await buildHarness({ rateLimit: { limit: 3, windowMs: 60_000 } });
  });
  afterAll(() => h.app.close());

  const get = (url: string, auth = h.auth) => h.request({ url, headers: { authorization: auth } });
  const freshKey = () => basicAuth(issueKey(h.app, h.tenant.organizationId, h.tenant.userId).key);

  it('puts a RateLimit header on every API answer, counting down', async () => {
    const auth = freshKey();
    const first = await get('/api/v1/me/', auth);
    const second = await get('/api/v1/event/ev_missing/', auth);
    const third = await get('/api/v1/me/', auth);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(404);
    expect(parseHeader(first.headers.ratelimit)).toMatchObject({ limit: 3, remaining: 2 });
    expect(parseHeader(second.headers.ratelimit)).toMatchObject({ limit: 3, remaining: 2 });
    const header = parseHeader(third.headers.ratelimit);
    expect(header).toMatchObject({ limit: 3, remaining: 1 });
    expect(header.reset).toBeGreaterThan(0);
    expect(header.reset).toBeLessThanOrEqual(60);
  });

  it('answers 429 with Retry-After and Close’s rate_reset body past the limit', async () => {
    const auth = freshKey();
    for (let i = 0; i < 3; i++) expect((await get('/api/v1/webhook/', auth)).statusCode).toBe(200);
    const limited = await get('/api/v1/webhook/', auth);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(parseHeader(limited.headers.ratelimit)).toMatchObject({ limit: 3, remaining: 0 });
    const body = limited.json<{ error: { rate_reset: number; message: string } }>();
    expect(body.error.rate_reset).toBeGreaterThan(0);
    expect(body.error.message).toMatch(/exceeded/);
  });

  it('counts each endpoint group (method and path template) separately', async () => {
    const auth = freshKey();
    for (let i = 0; i < 3; i++) await get(`/api/v1/event/ev_${i}/`, auth);
    expect((await get('/api/v1/event/ev_other/', auth)).statusCode).toBe(429);
    expect((await get('/api/v1/event/', auth)).statusCode).toBe(200);
    const post = await h.request({
      method: 'POST',
      url: '/api/v1/webhook/',
      headers: { authorization: auth },
      payload: { url: 'https://example.com', events: [{ object_type: 'lead', action: 'created' }] },
    });
    expect(post.statusCode).toBe(201);
  });

  it('limits the organization at three times the key’s limit', async () => {
    // Three fresh keys use up the organization's 9 requests to an endpoint group nobody used yet
    // (404s count too) ...
    for (let k = 0; k < 3; k++) {
      const auth = freshKey();
      for (let i = 0; i < 3; i++) {
        expect((await get(`/api/v1/webhook/whsub_${k}${i}/`, auth)).statusCode).toBe(404);
      }
    }
    // ... so a fourth key's first request is refused although its own budget is untouched.
    const fourth = await get('/api/v1/webhook/whsub_4/', freshKey());
    expect(fourth.statusCode).toBe(429);
    expect(parseHeader(fourth.headers.ratelimit)).toMatchObject({ limit: 9, remaining: 0 });
  });

  it('leaves the control plane unlimited', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await h.request({
        url: '/_mock/faults',
        headers: { authorization: h.admin },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers.ratelimit).toBeUndefined();
    }
  });
});

describe('RateLimiter', () => {
  it('starts a new budget when the window rolls over', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 1000 });
    expect(limiter.hit('k', 'o', 'GET /x', 10_000).allowed).toBe(true);
    expect(limiter.hit('k', 'o', 'GET /x', 10_999)).toMatchObject({
      allowed: false,
      resetSeconds: 0.001,
    });
    expect(limiter.hit('k', 'o', 'GET /x', 11_000)).toMatchObject({
      allowed: true,
      remaining: 0,
      resetSeconds: 1,
    });
  });

  it('does not count refused requests', () => {
    const limiter = new RateLimiter({ limit: 2, windowMs: 1000 });
    limiter.hit('a', 'o', 'g', 0);
    limiter.hit('a', 'o', 'g', 0);
    for (let i = 0; i < 10; i++) expect(limiter.hit('a', 'o', 'g', 0).allowed).toBe(false);
    // The organization (limit 6) has spent only the 2 accepted requests.
    expect(limiter.hit('b', 'o', 'g', 0)).toMatchObject({ allowed: true, remaining: 1 });
  });
});
