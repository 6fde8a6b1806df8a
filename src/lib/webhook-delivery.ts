/**
 * Accepting a Close webhook delivery in a hook trigger's `perform`: the delivery must carry
 * Close's signature (`close-sig-hash`, `close-sig-timestamp`) over the exact raw body, made with
 * the signature key that `performSubscribe` kept, recently, and for this Zap's subscription.
 * Anything else is refused before its content is looked at, so a forged, altered or replayed
 * request can never start a Zap.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { z as zod } from 'zod';
import { webhookDeliverySchema, type CloseWebhookDelivery } from '../../shared/close-objects.js';
import {
  SIGNATURE_HASH_HEADER,
  SIGNATURE_TIMESTAMP_HEADER,
  verifyWebhookSignature,
  type SignatureCheck,
} from '../../shared/webhook-signature.js';

/**
 * How old a delivery's signature may be. Close signs every attempt when it sends it; Zapier may
 * queue a received hook briefly before running `perform`. Ten minutes covers that queueing while
 * keeping the window in which a captured delivery could be replayed short.
 */
export const WEBHOOK_MAX_AGE_SECONDS = 600;

/** What `performSubscribe` keeps (Zapier hands it back as `bundle.subscribeData`). */
export const hookSubscriptionSchema = zod.object({
  id: zod.string().startsWith('whsub_'),
  signature_key: zod.string().regex(/^[0-9a-f]+$/i),
});
export type HookSubscription = zod.infer<typeof hookSubscriptionSchema>;

const REFUSED = 'Refused a webhook request that did not come from Close';

export const DELIVERY_MESSAGES = {
  noSubscription:
    'This Zap has no Close webhook signature key on record, so incoming requests cannot be ' +
    'checked. Turn the Zap off and on again to subscribe anew.',
  noBody: `${REFUSED}: it had no body.`,
  missing:
    `${REFUSED}: it carried no Close signature (close-sig-hash and close-sig-timestamp ` +
    'headers). It was ignored; only deliveries signed by Close trigger this Zap.',
  malformed: `${REFUSED}: its close-sig-hash or close-sig-timestamp header is malformed. It was ignored.`,
  mismatch:
    `${REFUSED} with this Zap's subscription key: its close-sig-hash does not match the body ` +
    '(forged, altered on the way, or signed for another subscription). It was ignored.',
  stale: (maxAge: number) =>
    `${REFUSED} recently: its close-sig-timestamp is more than ${maxAge / 60} minutes away from ` +
    'now, as a replayed or long-delayed delivery would be. It was ignored.',
  notDelivery: `${REFUSED}: its body is not a Close webhook delivery (subscription_id and event). It was ignored.`,
  otherSubscription:
    `${REFUSED} for this Zap: it names another webhook subscription than the one this Zap ` +
    'created. It was ignored.',
} as const;

/**
 * A header from Zapier's `rawRequest.headers`. Zapier renames headers to `Http-Close-Sig-Hash`
 * (prefixed, title case); other runners pass them as sent (`close-sig-hash`) or CGI-style
 * (`HTTP_CLOSE_SIG_HASH`). All are accepted.
 */
export function webhookHeader(
  headers: Record<string, string> | undefined,
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers ?? {})) {
    const normalized = key
      .toLowerCase()
      .replace(/_/g, '-')
      .replace(/^http-/, '');
    if (normalized === wanted) return value;
  }
  return undefined;
}

/**
 * A refusal. `doNotContextify` keeps core from appending the bundle to the message, as it does
 * for errors of its own kinds: the bundle holds the subscription's signature key.
 */
function refuse(z: ZObject, message: string): Error {
  return Object.assign(new z.errors.HaltedError(message), { doNotContextify: true });
}

function refusal(check: Exclude<SignatureCheck, { ok: true }>, maxAge: number): string {
  return check.reason === 'stale'
    ? DELIVERY_MESSAGES.stale(maxAge)
    : DELIVERY_MESSAGES[check.reason];
}

/**
 * The verified delivery, or a `HaltedError` saying why it was refused. Halted rather than a
 * plain error: the request is shown in the Zap's history with the reason, but anyone able to
 * reach the hook URL cannot get a user's Zap switched off by sending it garbage.
 */
export function verifiedDelivery(
  z: ZObject,
  bundle: Pick<Bundle, 'subscribeData' | 'rawRequest'>,
  options: { nowSeconds?: number; maxAgeSeconds?: number } = {},
): CloseWebhookDelivery {
  const maxAge = options.maxAgeSeconds ?? WEBHOOK_MAX_AGE_SECONDS;
  const subscription = hookSubscriptionSchema.safeParse(bundle.subscribeData);
  if (!subscription.success) throw refuse(z, DELIVERY_MESSAGES.noSubscription);
  const rawBody = bundle.rawRequest?.content;
  if (typeof rawBody !== 'string' || rawBody === '') {
    throw refuse(z, DELIVERY_MESSAGES.noBody);
  }
  const headers = bundle.rawRequest?.headers;
  const check = verifyWebhookSignature({
    signatureKeyHex: subscription.data.signature_key,
    rawBody,
    hash: webhookHeader(headers, SIGNATURE_HASH_HEADER),
    timestamp: webhookHeader(headers, SIGNATURE_TIMESTAMP_HEADER),
    maxAgeSeconds: maxAge,
    ...(options.nowSeconds !== undefined && { nowSeconds: options.nowSeconds }),
  });
  if (!check.ok) throw refuse(z, refusal(check, maxAge));

  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw refuse(z, DELIVERY_MESSAGES.notDelivery);
  }
  const delivery = webhookDeliverySchema.safeParse(body);
  if (!delivery.success) throw refuse(z, DELIVERY_MESSAGES.notDelivery);
  if (delivery.data.subscription_id !== subscription.data.id) {
    throw refuse(z, DELIVERY_MESSAGES.otherSubscription);
  }
  return delivery.data;
}
