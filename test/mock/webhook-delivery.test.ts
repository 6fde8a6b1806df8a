import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { transaction } from '../../mock/store/db.js';
import type { DeliveryRecord } from '../../mock/services/webhook-deliveries.js';
import {
  buildHarness,
  recordEvent,
  startReceiver,
  STATUS_CHANGED_FILTER,
  waitFor,
  type Harness,
  type Receiver,
} from './support/mock-harness.js';

type Subscription = { id: string; signature_key: string };

/** Close's scheme, written out independently of shared/webhook-signature.ts. */
function signatureMatches(keyHex: string, timestamp: string, body: string, hash: string): boolean {
  const expected = createHmac('sha256', Buffer.from(keyHex, 'hex'))
    .update(`${timestamp}${body}`, 'utf8')
    .digest();
  const given = Buffer.from(hash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('webhook deliveries', () => {
  let h: Harness;
  let receiver: Receiver;

  beforeAll(async () => {
    h = await buildHarness(
      { webhooks: { retryBaseMs: 20, maxAttempts: 3, timeoutMs: 2000 } },
      (app) => {
        // A stand-in for a CRM write route: records an event and answers at once.
        app.post('/_test/lead-created', async () => ({
          event: recordEvent(app, h.tenant).id,
        }));
      },
    );
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await h.app.close();
    await receiver.close();
  });
  afterEach(async () => {
    // Let retries of one test finish before the next one counts requests.
    await waitFor(() => h.app.services.deliveries.isIdle(), 5000, 'idle deliveries');
    receiver.received.length = 0;
    receiver.delayMs = 0;
  });

  const subscribe = async (events: unknown[], url = receiver.url): Promise<Subscription> => {
    const response = await h.request({
      method: 'POST',
      url: '/api/v1/webhook/',
      headers: { authorization: h.auth },
      payload: { url, events },
    });
    expect(response.statusCode).toBe(201);
    return response.json<Subscription>();
  };
  const unsubscribe = (id: string) =>
    h.request({
      method: 'DELETE',
      url: `/api/v1/webhook/${id}/`,
      headers: { authorization: h.auth },
    });
  const deliveries = async (id: string) => {
    const response = await h.request({
      url: `/_mock/webhooks/${id}/deliveries`,
      headers: { authorization: h.admin },
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ data: DeliveryRecord[] }>().data;
  };

  it('POSTs {subscription_id, event} signed with close-sig-hash and close-sig-timestamp', async () => {
    const subscription = await subscribe([{ object_type: 'lead', action: 'created' }]);
    const event = recordEvent(h.app, h.tenant);
    const [request] = await waitFor(
      () => receiver.received.length === 1 && receiver.received,
      5000,
      'a delivery',
    );
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/hooks/close');
    expect(request?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request?.body ?? '');
    expect(Object.keys(body)).toEqual(['subscription_id', 'event']);
    expect(body).toEqual({ subscription_id: subscription.id, event });
    const timestamp = String(request?.headers['close-sig-timestamp']);
    expect(timestamp).toMatch(/^\d{10}$/);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const hash = String(request?.headers['close-sig-hash']);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(signatureMatches(subscription.signature_key, timestamp, request?.body ?? '', hash)).toBe(
      true,
    );
    expect(signatureMatches(subscription.signature_key, timestamp, `${request?.body} `, hash)).toBe(
      false,
    );

    // The receiver has the request before the server has read the answer and recorded it.
    const [record] = await waitFor(
      async () => {
        const records = await deliveries(subscription.id);
        return records[0]?.status === 'delivered' && records;
      },
      5000,
      'the delivery recorded as delivered',
    );
    expect(record).toMatchObject({
      event_id: event.id,
      status: 'delivered',
      attempts: 1,
      last_status_code: 200,
      last_error: null,
      payload: { subscription_id: subscription.id, event },
    });
    await unsubscribe(subscription.id);
  });

  it('delivers only the object types, actions and extra filters a subscription asked for', async () => {
    const subscription = await subscribe([
      { object_type: 'contact', action: 'created' },
      {
        object_type: 'lead',
        action: 'updated',
        extra_filter: STATUS_CHANGED_FILTER,
      },
    ]);
    recordEvent(h.app, h.tenant); // lead created: not subscribed
    recordEvent(h.app, h.tenant, { action: 'updated', previousData: { name: 'Old' } }); // filtered out
    const wanted = recordEvent(h.app, h.tenant, {
      action: 'updated',
      previousData: { status_id: 'stat_old' },
    });
    const contact = recordEvent(h.app, h.tenant, { objectType: 'contact', objectId: 'cont_x' });
    await waitFor(() => receiver.received.length >= 2, 5000, 'two deliveries');
    await waitFor(() => h.app.services.deliveries.isIdle(), 5000, 'idle deliveries');
    const sent = receiver.received.map((r) => JSON.parse(r.body).event.id as string).sort();
    expect(sent).toEqual([wanted.id, contact.id].sort());
    await unsubscribe(subscription.id);
  });

  it('retries with backoff after a failing answer and records each attempt', async () => {
    const subscription = await subscribe([{ object_type: 'lead', action: 'created' }]);
    receiver.answerWith(500, 503);
    const event = recordEvent(h.app, h.tenant);
    const record = await waitFor(
      async () => (await deliveries(subscription.id)).find((d) => d.status === 'delivered'),
      5000,
      'a delivery after retries',
    );
    expect(record).toMatchObject({ event_id: event.id, attempts: 3, last_status_code: 200 });
    expect(receiver.received).toHaveLength(3);
    const bodies = new Set(receiver.received.map((r) => r.body));
    expect(bodies.size).toBe(1); // every attempt sends the same payload
    for (const r of receiver.received) {
      const timestamp = String(r.headers['close-sig-timestamp']);
      expect(
        signatureMatches(
          subscription.signature_key,
          timestamp,
          r.body,
          String(r.headers['close-sig-hash']),
        ),
      ).toBe(true);
    }
    await unsubscribe(subscription.id);
  });

  it('gives up after the maximum attempts and keeps the last answer', async () => {
    const subscription = await subscribe([{ object_type: 'lead', action: 'created' }]);
    receiver.answerWith(500, 500, 500);
    recordEvent(h.app, h.tenant);
    const record = await waitFor(
      async () => (await deliveries(subscription.id)).find((d) => d.status === 'failed'),
      5000,
      'a failed delivery',
    );
    expect(record).toMatchObject({ attempts: 3, last_status_code: 500 });
    expect(record.last_error).toMatch(/500/);
    await unsubscribe(subscription.id);
  });

  it('retries after a network error, recording the error', async () => {
    const closed = await startReceiver();
    await closed.close(); // nothing listens on this port any more
    const subscription = await subscribe([{ object_type: 'lead', action: 'created' }], closed.url);
    recordEvent(h.app, h.tenant);
    const record = await waitFor(
      async () => (await deliveries(subscription.id)).find((d) => d.status === 'failed'),
      5000,
      'a failed delivery',
    );
    expect(record.attempts).toBe(3);
    expect(record.last_status_code).toBeNull();
    expect(record.last_error).toMatch(/ECONNREFUSED/);
    await unsubscribe(subscription.id);
  });

  it('sends nothing to a paused subscription', async () => {
    const paused = await subscribe([{ object_type: 'lead', action: 'created' }]);
    await h.request({
      method: 'PUT',
      url: `/api/v1/webhook/${paused.id}/`,
      headers: { authorization: h.auth },
      payload: { status: 'paused' },
    });
    const active = await subscribe([{ object_type: 'lead', action: 'created' }]);
    recordEvent(h.app, h.tenant);
    await waitFor(() => receiver.received.length === 1, 5000, 'the active subscription’s delivery');
    await waitFor(() => h.app.services.deliveries.isIdle(), 5000, 'idle deliveries');
    expect(JSON.parse(receiver.received[0]?.body ?? '').subscription_id).toBe(active.id);
    expect(await deliveries(paused.id)).toEqual([]);
    await unsubscribe(paused.id);
    await unsubscribe(active.id);
  });

  it('does not deliver an event whose transaction rolled back', async () => {
    const subscription = await subscribe([{ object_type: 'lead', action: 'created' }]);
    expect(() =>
      transaction(h.app.services.db, () => {
        recordEvent(h.app, h.tenant, { objectId: 'lead_rolled_back' });
        throw new Error('the change failed');
      }),
    ).toThrow('the change failed');
    const kept = recordEvent(h.app, h.tenant, { objectId: 'lead_kept' });
    await waitFor(() => receiver.received.length === 1, 5000, 'the kept event’s delivery');
    await waitFor(() => h.app.services.deliveries.isIdle(), 5000, 'idle deliveries');
    expect(receiver.received.map((r) => JSON.parse(r.body).event.id)).toEqual([kept.id]);
    expect((await deliveries(subscription.id)).map((d) => d.event_id)).toEqual([kept.id]);
    await unsubscribe(subscription.id);
  });

  it('answers the API request that caused an event without waiting for a slow receiver', async () => {
    const subscription = await subscribe([{ object_type: 'lead', action: 'created' }]);
    receiver.delayMs = 1000;
    const started = Date.now();
    const response = await h.request({ method: 'POST', url: '/_test/lead-created' });
    const elapsed = Date.now() - started;
    expect(response.statusCode).toBe(200);
    expect(elapsed).toBeLessThan(500);
    await waitFor(() => receiver.received.length === 1, 5000, 'the slow delivery');
    await waitFor(() => h.app.services.deliveries.isIdle(), 5000, 'idle deliveries');
    expect((await deliveries(subscription.id))[0]?.status).toBe('delivered');
    await unsubscribe(subscription.id);
  });

  it('lists every organization’s subscriptions on the control plane', async () => {
    const subscription = await subscribe([{ object_type: 'lead', action: 'deleted' }]);
    const response = await h.request({
      url: '/_mock/webhooks',
      headers: { authorization: h.admin },
    });
    expect(response.json<{ data: Subscription[] }>().data.map((s) => s.id)).toContain(
      subscription.id,
    );
    await unsubscribe(subscription.id);
  });

  it('keeps the delivery log behind the admin token, and 404 for an unknown subscription', async () => {
    const noToken = await h.request({ url: '/_mock/webhooks/whsub_x/deliveries' });
    expect(noToken.statusCode).toBe(401);
    const unknown = await h.request({
      url: '/_mock/webhooks/whsub_unknown/deliveries',
      headers: { authorization: h.admin },
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('webhook deliveries across a restart', () => {
  it('picks up retries a stopped server left unfinished', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'close-mock-'));
    const dbPath = join(dir, 'store.sqlite');
    const receiver = await startReceiver();
    try {
      const options = { dbPath, webhooks: { retryBaseMs: 300, maxAttempts: 5 } };
      const first = await buildHarness(options);
      const subscription = (
        await first.request({
          method: 'POST',
          url: '/api/v1/webhook/',
          headers: { authorization: first.auth },
          payload: { url: receiver.url, events: [{ object_type: 'lead', action: 'created' }] },
        })
      ).json<Subscription>();
      receiver.answerWith(503);
      const event = recordEvent(first.app, first.tenant);
      await waitFor(() => receiver.received.length === 1, 5000, 'the first attempt');
      await first.app.close(); // the retry is due in 300 ms, after the server has stopped

      const second = await buildHarness(options);
      try {
        await waitFor(() => receiver.received.length === 2, 5000, 'the retry after restart');
        expect(JSON.parse(receiver.received[1]?.body ?? '')).toMatchObject({
          subscription_id: subscription.id,
          event: { id: event.id },
        });
        await waitFor(
          () => second.app.services.deliveries.list(subscription.id)[0]?.status === 'delivered',
          5000,
          'the delivery recorded as delivered',
        );
      } finally {
        await second.app.close();
      }
    } finally {
      await receiver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
