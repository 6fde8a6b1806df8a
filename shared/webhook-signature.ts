/**
 * Close's webhook signature: `close-sig-hash = hex(HMAC-SHA256(key = fromhex(signature_key),
 * message = close-sig-timestamp + raw body))`. The mock signs deliveries with it and the
 * integration's hook triggers verify them with it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HASH_HEADER = 'close-sig-hash';
export const SIGNATURE_TIMESTAMP_HEADER = 'close-sig-timestamp';

export function signWebhookPayload(
  signatureKeyHex: string,
  timestamp: string,
  rawBody: string,
): string {
  return createHmac('sha256', Buffer.from(signatureKeyHex, 'hex'))
    .update(timestamp + rawBody)
    .digest('hex');
}

export type SignatureCheck =
  { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' | 'stale' };

/**
 * Checks a delivery. `maxAgeSeconds` bounds how old (or how far in the future) the timestamp may
 * be, so that a captured delivery cannot be replayed later.
 */
export function verifyWebhookSignature(input: {
  signatureKeyHex: string;
  rawBody: string;
  hash: string | undefined;
  timestamp: string | undefined;
  nowSeconds?: number;
  maxAgeSeconds?: number;
}): SignatureCheck {
  const { hash, timestamp } = input;
  if (!hash || !timestamp) return { ok: false, reason: 'missing' };
  if (!/^[0-9a-f]{64}$/i.test(hash) || !/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, reason: 'malformed' };
  }
  const expected = Buffer.from(
    signWebhookPayload(input.signatureKeyHex, timestamp, input.rawBody),
    'hex',
  );
  if (!timingSafeEqual(expected, Buffer.from(hash, 'hex')))
    return { ok: false, reason: 'mismatch' };
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > (input.maxAgeSeconds ?? 300)) {
    return { ok: false, reason: 'stale' };
  }
  return { ok: true };
}
