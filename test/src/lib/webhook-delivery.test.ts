/**
 * Accepting Close webhook deliveries: only a delivery signed with the subscription's key, over
 * the exact body, recently, for this subscription, gets through; every other one is refused
 * with a message saying why.
 */
import { describe, expect, it } from '@jest/globals';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { signWebhookPayload } from '../../../shared/webhook-signature.js';
import { leadSampleRaw } from '../../../src/formatters/lead.js';
import {
  DELIVERY_MESSAGES,
  verifiedDelivery,
  webhookHeader,
  WEBHOOK_MAX_AGE_SECONDS,
} from '../../../src/lib/webhook-delivery.js';
import { appTester, closeEvent, deliveryBundle, SUBSCRIPTION } from '../../support/triggers.js';

const event = closeEvent({ object_type: 'lead', action: 'created', data: { ...leadSampleRaw } });
const OTHER_KEY = 'b'.repeat(64);

/** Runs the check inside the app tester, so `z.errors` are core's real error classes. */
const check = (bundle: Partial<Bundle>) =>
  appTester((z: ZObject, b: Bundle) => verifiedDelivery(z, b), bundle);

describe('webhookHeader', () => {
  it.each([
    ['Http-Close-Sig-Hash'],
    ['close-sig-hash'],
    ['Close-Sig-Hash'],
    ['HTTP_CLOSE_SIG_HASH'],
  ])('finds close-sig-hash when Zapier names it %s', (name) => {
    expect(webhookHeader({ [name]: 'abc', Other: 'x' }, 'close-sig-hash')).toBe('abc');
  });

  it('does not confuse a header that only ends like the wanted one', () => {
    expect(webhookHeader({ 'X-Close-Sig-Hash': 'abc' }, 'close-sig-hash')).toBeUndefined();
  });
});

describe('verifiedDelivery', () => {
  it('accepts a delivery signed with the subscription key, headers named as Zapier does', async () => {
    const delivery = await check(deliveryBundle(event));
    expect(delivery.subscription_id).toBe(SUBSCRIPTION.id);
    expect(delivery.event.id).toBe(event.id);
  });

  it('accepts lowercase header names too', async () => {
    const delivery = await check(deliveryBundle(event, {}, { headerStyle: 'lowercase' }));
    expect(delivery.event.object_type).toBe('lead');
  });

  it('refuses an unsigned delivery', async () => {
    await expect(check(deliveryBundle(event, {}, { unsigned: true }))).rejects.toMatchObject({
      name: 'HaltedError',
      message: DELIVERY_MESSAGES.missing,
    });
  });

  it('refuses a delivery signed with another key', async () => {
    await expect(check(deliveryBundle(event, {}, { signWith: OTHER_KEY }))).rejects.toMatchObject({
      name: 'HaltedError',
      message: DELIVERY_MESSAGES.mismatch,
    });
  });

  it('refuses a forged body under a genuine signature', async () => {
    const forged = (raw: string) => raw.replace('Acme Rockets', 'Evil Rockets');
    await expect(check(deliveryBundle(event, {}, { tamper: forged }))).rejects.toMatchObject({
      name: 'HaltedError',
      message: DELIVERY_MESSAGES.mismatch,
    });
  });

  it('refuses a replayed body sent with a fresh timestamp but the old signature', async () => {
    const original = deliveryBundle(event, {}, { timestamp: 1_800_000_000 });
    const headers = {
      ...original.rawRequest?.headers,
      'Http-Close-Sig-Timestamp': String(Math.floor(Date.now() / 1000)),
    };
    const replay = { ...original, rawRequest: { ...original.rawRequest, headers } };
    await expect(check(replay)).rejects.toMatchObject({ message: DELIVERY_MESSAGES.mismatch });
  });

  it('refuses a genuine delivery signed too long ago (a replay)', async () => {
    const old = Math.floor(Date.now() / 1000) - WEBHOOK_MAX_AGE_SECONDS - 5;
    await expect(check(deliveryBundle(event, {}, { timestamp: old }))).rejects.toMatchObject({
      name: 'HaltedError',
      message: DELIVERY_MESSAGES.stale(WEBHOOK_MAX_AGE_SECONDS),
    });
  });

  it('accepts a delivery signed a few minutes ago', async () => {
    const recent = Math.floor(Date.now() / 1000) - 120;
    await expect(check(deliveryBundle(event, {}, { timestamp: recent }))).resolves.toBeDefined();
  });

  it('refuses malformed signature headers', async () => {
    const bundle = deliveryBundle(event);
    const headers = { ...bundle.rawRequest?.headers, 'Http-Close-Sig-Hash': 'not-hex' };
    await expect(
      check({ ...bundle, rawRequest: { ...bundle.rawRequest, headers } }),
    ).rejects.toMatchObject({ message: DELIVERY_MESSAGES.malformed });
  });

  it('refuses a delivery for another subscription even when signed with this key', async () => {
    const bundle = deliveryBundle(event, {}, { subscriptionId: 'whsub_0ther0ther0ther0ther0the' });
    await expect(check(bundle)).rejects.toMatchObject({
      message: DELIVERY_MESSAGES.otherSubscription,
    });
  });

  it('refuses a signed body that is not a Close delivery', async () => {
    const bundle = deliveryBundle(event);
    const raw = '{"hello":"world"}';
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = {
      'Http-Close-Sig-Hash': signWebhookPayload(SUBSCRIPTION.signature_key, timestamp, raw),
      'Http-Close-Sig-Timestamp': timestamp,
    };
    await expect(check({ ...bundle, rawRequest: { headers, content: raw } })).rejects.toMatchObject(
      { message: DELIVERY_MESSAGES.notDelivery },
    );
  });

  it('refuses everything when the Zap kept no signature key', async () => {
    const bundle = deliveryBundle(event, {}, { subscribeData: { id: SUBSCRIPTION.id } });
    await expect(check(bundle)).rejects.toMatchObject({
      message: DELIVERY_MESSAGES.noSubscription,
    });
  });

  it('refuses a request without a body', async () => {
    const bundle = deliveryBundle(event);
    await expect(
      check({ ...bundle, rawRequest: { ...bundle.rawRequest, content: '' } }),
    ).rejects.toMatchObject({ message: DELIVERY_MESSAGES.noBody });
  });
});
