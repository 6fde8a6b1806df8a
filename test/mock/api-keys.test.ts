/**
 * The mock's keys, as Close's users meet them: issued once through the control plane, verified on
 * every API request, listed with their last use and never their secret, and cut off at once when
 * deleted. Every malformed credential gets a 401 JSON answer, never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { basic, bearer, buildTestApp, createKey, TEST_ADMIN_TOKEN } from '../support/mock-app.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp({ lastUsedFlushMs: 60_000 });
});
afterAll(() => app.close());

const me = (authorization?: string, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'GET',
    url: '/api/v1/me/',
    headers: { ...(authorization !== undefined && { authorization }), ...headers },
  });

describe('issuing keys', () => {
  it('answers the full key once, in Close’s shape, from the CSPRNG', async () => {
    const created = await createKey(app, { name: 'Zapier' });
    expect(created.key).toMatch(/^api_[0-9A-Za-z]{22}\.[0-9A-Za-z]{22}$/);
    expect(created.key.startsWith(`${created.id}.`)).toBe(true);
    const other = await createKey(app, { name: 'Other' });
    expect(other.key.split('.')[1]).not.toBe(created.key.split('.')[1]);
  });

  it('lists keys with ID, name, dates and last use, never a secret', async () => {
    const created = await createKey(app, { name: 'Listed' });
    const response = await app.inject({ url: '/_mock/keys', headers: { authorization: bearer() } });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(created.key.split('.')[1]);
    const listed = response.json<{ data: Array<Record<string, unknown>> }>().data;
    expect(listed.find((key) => key.id === created.id)).toEqual({
      id: created.id,
      name: 'Listed',
      user_id: expect.stringMatching(/^user_/),
      organization_id: expect.stringMatching(/^orga_/),
      date_created: expect.stringMatching(/\+00:00$/),
      last_used: null,
    });
  });

  it('refuses an empty or duplicate name with a field error', async () => {
    await createKey(app, { name: 'Duplicate me' });
    for (const name of ['   ', 'duplicate ME']) {
      const response = await app.inject({
        method: 'POST',
        url: '/_mock/keys',
        headers: { authorization: bearer() },
        payload: { name },
      });
      expect(response.statusCode).toBe(400);
      expect(Object.keys(response.json<{ 'field-errors': object }>()['field-errors'])).toEqual([
        'name',
      ]);
    }
  });

  it('guards the control plane with the admin token', async () => {
    for (const authorization of [undefined, bearer('wrong'), `Basic ${TEST_ADMIN_TOKEN}`]) {
      const response = await app.inject({
        url: '/_mock/keys',
        headers: authorization ? { authorization } : {},
      });
      expect(response.statusCode).toBe(401);
      expect(response.body).not.toContain(TEST_ADMIN_TOKEN);
    }
  });
});

describe('verifying keys on the Close API', () => {
  it('answers /me/ with the key’s user and organization', async () => {
    const { key } = await createKey(app);
    const response = await me(basic(key));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      email: 'sam.seller@example.com',
      first_name: 'Sam',
      organizations: [{ name: 'Example Sales Co.' }],
    });
  });

  it('gives an unknown ID and a wrong secret the same 401', async () => {
    const { key } = await createKey(app);
    const wrongSecret = `${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`;
    const unknownId = `api_${'x'.repeat(22)}.${key.split('.')[1]}`;
    const [a, b] = await Promise.all([me(basic(wrongSecret)), me(basic(unknownId))]);
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.body).toBe(b.body);
    expect(a.body).not.toContain(key.split('.')[1]);
  });

  it('tells a client that sent the key ID alone what it did', async () => {
    const { id } = await createKey(app);
    const response = await me(basic(id));
    expect(response.statusCode).toBe(401);
    expect(response.json<{ error: string }>().error).toContain('API key ID, not an API key');
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['a Bearer token', 'Bearer abc'],
    ['Basic without credentials', 'Basic'],
    ['Basic with non-base64', 'Basic !!!not-base64!!!'],
    ['an empty username', basic('')],
    ['garbage', basic('hello world')],
    ['a huge header', basic('api_'.padEnd(8000, 'x'))],
  ])('answers %s with a 401 JSON error', async (_case, authorization) => {
    const response = await me(authorization);
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.json<{ error: string }>().error.length).toBeGreaterThan(10);
  });

  it('records the last use (time, IP, user agent), coalesced and visible in the list', async () => {
    const { key, id } = await createKey(app, { name: 'Tracked' });
    await me(basic(key), { 'user-agent': 'first-agent/1.0' });
    await me(basic(key), { 'user-agent': 'second-agent/2.0' });
    const response = await app.inject({
      url: `/_mock/keys/${id}`,
      headers: { authorization: bearer() },
    });
    expect(response.json()).toMatchObject({
      last_used: { ip: '127.0.0.1', userAgent: 'second-agent/2.0', at: expect.any(String) },
    });
  });

  it('cuts a deleted key off on the very next request, for good', async () => {
    const { key, id } = await createKey(app, { name: 'Doomed' });
    expect((await me(basic(key))).statusCode).toBe(200);
    const deleted = await app.inject({
      method: 'DELETE',
      url: `/_mock/keys/${id}`,
      headers: { authorization: bearer() },
    });
    expect(deleted.statusCode).toBe(204);
    const after = await me(basic(key));
    expect(after.statusCode).toBe(401);
    expect(after.json<{ error: string }>().error).toContain('deleted');
    const again = await app.inject({
      method: 'DELETE',
      url: `/_mock/keys/${id}`,
      headers: { authorization: bearer() },
    });
    expect(again.statusCode).toBe(404);
  });

  it('keeps two keys valid during a rotation, then only the new one', async () => {
    const old = await createKey(app, { name: 'Old' });
    const fresh = await createKey(app, { name: 'New' });
    expect((await me(basic(old.key))).statusCode).toBe(200);
    expect((await me(basic(fresh.key))).statusCode).toBe(200);
    await app.inject({
      method: 'DELETE',
      url: `/_mock/keys/${old.id}`,
      headers: { authorization: bearer() },
    });
    expect((await me(basic(old.key))).statusCode).toBe(401);
    expect((await me(basic(fresh.key))).statusCode).toBe(200);
  });
});

describe('bad requests', () => {
  it('answers unknown routes with a JSON 404', async () => {
    const response = await app.inject({ url: '/api/v2/nothing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'No route for GET /api/v2/nothing.' });
  });

  it('answers malformed JSON with a JSON 400', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/_mock/keys',
      headers: { authorization: bearer(), 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: 'The request body is not valid JSON.' });
  });

  it('answers an oversized body with a JSON 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/_mock/keys',
      headers: { authorization: bearer(), 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ error: 'The request body is too large.' });
  });

  it('answers a body of the wrong type with a field error', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/_mock/keys',
      headers: { authorization: bearer() },
      payload: { name: 42 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ 'field-errors': { name: expect.any(String) } });
  });

  it('answers a non-JSON content type with a JSON 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/_mock/keys',
      headers: { authorization: bearer(), 'content-type': 'text/csv' },
      payload: 'name\nZapier',
    });
    expect(response.statusCode).toBe(415);
    expect(response.headers['content-type']).toContain('application/json');
  });
});
