import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { webhookSubscriptionSchema } from '../../shared/close-objects.js';
import { WEBHOOKS_PER_ORGANIZATION } from '../../mock/services/webhooks.js';
import {
  basicAuth,
  buildHarness,
  otherTenant,
  STATUS_CHANGED_FILTER,
  type Harness,
} from './support/mock-harness.js';

type Subscription = { id: string; status: string; signature_key: string; url: string };

describe('/api/v1/webhook/', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await buildHarness();
  });
  afterAll(() => h.app.close());

  const call = (method: string, url: string, payload?: unknown, auth = h.auth) =>
    h.request({ method, url, headers: { authorization: auth }, payload });

  const create = (
    payload: unknown = {
      url: 'https://hooks.example.com/close',
      events: [{ object_type: 'lead', action: 'created' }],
    },
  ) => call('POST', '/api/v1/webhook/', payload);

  it('creates a subscription answering 201 with a 32-byte hex signature key', async () => {
    const response = await create({
      url: 'https://hooks.example.com/close',
      events: [
        { object_type: 'lead', action: 'created' },
        {
          object_type: 'lead',
          action: 'updated',
          extra_filter: STATUS_CHANGED_FILTER,
        },
      ],
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<Subscription>();
    expect(webhookSubscriptionSchema.parse(body)).toMatchObject({
      status: 'active',
      verify_ssl: true,
      organization_id: h.tenant.organizationId,
    });
    expect(body.id).toMatch(/^whsub_[0-9A-Za-z]{22}$/);
    expect(body.signature_key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists, reads, updates and deletes a subscription', async () => {
    const created = (await create()).json<Subscription>();
    const listed = await call('GET', '/api/v1/webhook/');
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ data: Subscription[]; has_more: boolean }>()).toMatchObject({
      has_more: false,
    });
    expect(listed.json<{ data: Subscription[] }>().data.map((s) => s.id)).toContain(created.id);

    const read = await call('GET', `/api/v1/webhook/${created.id}/`);
    expect(read.json()).toEqual(created);

    const updated = await call('PUT', `/api/v1/webhook/${created.id}/`, {
      status: 'paused',
      url: 'http://127.0.0.1:9/new',
      events: [{ object_type: 'contact', action: 'deleted' }],
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      status: 'paused',
      url: 'http://127.0.0.1:9/new',
      events: [{ object_type: 'contact', action: 'deleted' }],
      signature_key: created.signature_key,
    });
    const resumed = await call('PUT', `/api/v1/webhook/${created.id}/`, { status: 'active' });
    expect(resumed.json()).toMatchObject({ status: 'active', url: 'http://127.0.0.1:9/new' });

    const deleted = await call('DELETE', `/api/v1/webhook/${created.id}/`);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({});
    expect((await call('GET', `/api/v1/webhook/${created.id}/`)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/webhook/${created.id}/`)).statusCode).toBe(404);
  });

  it.each([
    [
      'a URL that is not http(s)',
      { url: 'ftp://example.com/x', events: [{ object_type: 'lead', action: 'created' }] },
      'url',
    ],
    [
      'a URL that is not a URL',
      { url: 'not a url', events: [{ object_type: 'lead', action: 'created' }] },
      'url',
    ],
    ['no events', { url: 'https://example.com', events: [] }, 'events'],
    [
      'an unknown object type',
      { url: 'https://example.com', events: [{ object_type: 'planet', action: 'created' }] },
      'events.0.object_type',
    ],
    [
      'an unknown action',
      { url: 'https://example.com', events: [{ object_type: 'lead', action: 'exploded' }] },
      'events.0.action',
    ],
    [
      'an unknown filter type',
      {
        url: 'https://example.com',
        events: [
          { object_type: 'lead', action: 'updated', extra_filter: { type: 'regex', value: '.*' } },
        ],
      },
      'events.0.extra_filter',
    ],
    ['a missing url', { events: [{ object_type: 'lead', action: 'created' }] }, 'url'],
  ])('rejects %s with a 400 naming the field', async (_name, payload, field) => {
    const response = await create(payload);
    expect(response.statusCode).toBe(400);
    expect(
      Object.keys(response.json<{ 'field-errors': Record<string, string> }>()['field-errors']),
    ).toContain(field);
  });

  it('rejects a filter nested deeper than it evaluates, without recursing into it', async () => {
    const depth = 20_000;
    const filter = `${'{"type":"not","filter":'.repeat(depth)}{"type":"is_null"}${'}'.repeat(depth)}`;
    const response = await h.request({
      method: 'POST',
      url: '/api/v1/webhook/',
      headers: { authorization: h.auth, 'content-type': 'application/json' },
      payload: `{"url":"https://example.com","events":[{"object_type":"lead","action":"updated","extra_filter":${filter}}]}`,
    });
    expect(response.statusCode).toBe(400);
  });

  it('rejects an invalid status on update', async () => {
    const created = (await create()).json<Subscription>();
    const response = await call('PUT', `/api/v1/webhook/${created.id}/`, { status: 'sleeping' });
    expect(response.statusCode).toBe(400);
  });

  it(`allows ${WEBHOOKS_PER_ORGANIZATION} subscriptions per organization, then answers 400 naming the limit`, async () => {
    const other = otherTenant(h.app);
    const payload = {
      url: 'https://example.com/h',
      events: [{ object_type: 'lead', action: 'created' }],
    };
    for (let i = 0; i < WEBHOOKS_PER_ORGANIZATION; i++) {
      const response = await call('POST', '/api/v1/webhook/', payload, basicAuth(other.key));
      expect(response.statusCode).toBe(201);
    }
    const over = await call('POST', '/api/v1/webhook/', payload, basicAuth(other.key));
    expect(over.statusCode).toBe(400);
    expect(over.json<{ errors: string[] }>().errors[0]).toContain(
      String(WEBHOOKS_PER_ORGANIZATION),
    );
    // The limit is per organization: the first tenant can still create.
    expect((await create()).statusCode).toBe(201);
  });

  it('keeps organizations apart: another organization’s key gets 404 and an empty list', async () => {
    const created = (await create()).json<Subscription>();
    const stranger = basicAuth(otherTenant(h.app).key);
    for (const [method, payload] of [
      ['GET', undefined],
      ['PUT', { status: 'paused' }],
      ['DELETE', undefined],
    ] as const) {
      const response = await call(method, `/api/v1/webhook/${created.id}/`, payload, stranger);
      expect(response.statusCode).toBe(404);
    }
    const theirs = await call('GET', '/api/v1/webhook/', undefined, stranger);
    expect(theirs.json<{ data: unknown[] }>().data).toEqual([]);
    expect((await call('GET', `/api/v1/webhook/${created.id}/`)).statusCode).toBe(200);
  });
});
