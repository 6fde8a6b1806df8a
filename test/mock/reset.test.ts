import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { basicAuth, buildHarness, recordEvent, type Harness } from './support/mock-harness.js';

describe('POST /_mock/reset', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await buildHarness({ rateLimit: { limit: 50, windowMs: 60_000 } });
  });
  afterEach(() => h.app.close());

  const reset = (payload?: unknown, authorization = h.admin) =>
    h.request({ method: 'POST', url: '/_mock/reset', headers: { authorization }, payload });
  const count = (table: string) =>
    Number(
      (h.app.services.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    );

  async function fill() {
    recordEvent(h.app, h.tenant);
    recordEvent(h.app, h.tenant, { objectType: 'contact' });
    const created = await h.request({
      method: 'POST',
      url: '/api/v1/webhook/',
      headers: { authorization: h.auth },
      payload: {
        url: 'http://127.0.0.1:9/x',
        events: [{ object_type: 'task.lead', action: 'created' }],
      },
    });
    expect(created.statusCode).toBe(201);
    // A table a later migration might add: reset must empty it without knowing it.
    h.app.services.db.exec('CREATE TABLE later_things (id TEXT PRIMARY KEY)');
    h.app.services.db.prepare("INSERT INTO later_things (id) VALUES ('x')").run();
    await h.request({
      method: 'POST',
      url: '/_mock/faults',
      headers: { authorization: h.admin },
      payload: { path: '/api/v1/event/', status: 500, count: 100 },
    });
  }

  it('empties events, webhooks, faults and every other data table, and keeps keys by default', async () => {
    await fill();
    const response = await reset();
    expect(response.statusCode).toBe(200);
    const body = response.json<{ tables_emptied: string[]; kept_keys: boolean }>();
    expect(body.kept_keys).toBe(true);
    expect(body.tables_emptied).toEqual(
      expect.arrayContaining([
        'events',
        'webhook_subscriptions',
        'webhook_deliveries',
        'later_things',
      ]),
    );
    expect(body.tables_emptied).not.toContain('api_keys');
    for (const table of ['events', 'webhook_subscriptions', 'later_things'])
      expect(count(table)).toBe(0);

    // The key still works, the fault is gone, and the log is empty.
    const events = await h.request({ url: '/api/v1/event/', headers: { authorization: h.auth } });
    expect(events.statusCode).toBe(200);
    expect(events.json<{ data: unknown[] }>().data).toEqual([]);
    const hooks = await h.request({ url: '/api/v1/webhook/', headers: { authorization: h.auth } });
    expect(hooks.json<{ data: unknown[] }>().data).toEqual([]);
  });

  it('resets rate limit counters', async () => {
    for (let i = 0; i < 50; i++)
      await h.request({ url: '/api/v1/me/', headers: { authorization: h.auth } });
    expect(
      (await h.request({ url: '/api/v1/me/', headers: { authorization: h.auth } })).statusCode,
    ).toBe(429);
    await reset({});
    expect(
      (await h.request({ url: '/api/v1/me/', headers: { authorization: h.auth } })).statusCode,
    ).toBe(200);
  });

  it('with keep_keys false drops keys and tenants, recreates the default tenant and answers a new key', async () => {
    await fill();
    const response = await reset({ keep_keys: false });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ kept_keys: boolean; key: string; organization_id: string }>();
    expect(body.kept_keys).toBe(false);
    expect(body.organization_id).not.toBe(h.tenant.organizationId);
    expect(
      (await h.request({ url: '/api/v1/me/', headers: { authorization: h.auth } })).statusCode,
    ).toBe(401);
    const me = await h.request({
      url: '/api/v1/me/',
      headers: { authorization: basicAuth(body.key) },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json<{ organizations: { id: string }[] }>().organizations[0]?.id).toBe(
      body.organization_id,
    );
    expect(count('api_keys')).toBe(1);
  });

  it('rejects unknown options and needs the admin token', async () => {
    expect((await reset({ keep_keys: 'yes' })).statusCode).toBe(400);
    expect((await reset({ everything: true })).statusCode).toBe(400);
    recordEvent(h.app, h.tenant);
    expect((await reset({}, 'Bearer wrong')).statusCode).toBe(401);
    expect(count('events')).toBe(1);
  });
});
