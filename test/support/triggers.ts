/**
 * What trigger tests share: the app tester, the hook functions of a trigger (narrowed from the
 * operation union), and Zapier-shaped bundles for webhook deliveries, signed the way Close signs
 * them and with headers renamed the way Zapier hands them to `perform`.
 */
import zapier, { type Bundle, type Trigger, type ZObject } from 'zapier-platform-core';
import { z as zod } from 'zod';
import { EXAMPLE_KEY } from '../../shared/api-key.js';
import type { CloseEvent } from '../../shared/close-objects.js';
import { signWebhookPayload } from '../../shared/webhook-signature.js';
import App from '../../src/index.js';

/** Where nock answers for Close in unit tests (read by the middleware at every request). */
export const CLOSE = 'https://close.test';
export const API = `${CLOSE}/api/v1`;
process.env.CLOSE_API_BASE_URL = CLOSE;

export const appTester = zapier.createAppTester(App);
export const authData = { api_key: EXAMPLE_KEY };

export const SUBSCRIPTION = {
  id: 'whsub_1nT4rG3tS5uB6sC7rI8pT9iO0n',
  signature_key: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
} as const;
export const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1234567/abcdef/';

/** What a trigger returns: items with an id, checked at run time. */
const triggerItems = zod.array(zod.looseObject({ id: zod.string() }));
export type TriggerItem = zod.infer<typeof triggerItems>[number];
export type Fn = (z: ZObject, bundle: Bundle) => unknown;
type ItemsFn = (z: ZObject, bundle: Bundle) => Promise<TriggerItem[]>;
const returningItems =
  (fn: Fn): ItemsFn =>
  async (z, bundle) =>
    triggerItems.parse(await fn(z, bundle));

/** The four functions of a hook trigger; fails the test when the trigger is not one. */
export function hookFunctions(trigger: Pick<Trigger, 'operation'>): {
  perform: ItemsFn;
  performList: ItemsFn;
  performSubscribe: Fn;
  performUnsubscribe: Fn;
} {
  const operation = trigger.operation;
  if (operation.type !== 'hook') throw new Error('not a hook trigger');
  const { perform, performList, performSubscribe, performUnsubscribe } = operation;
  if (
    typeof performList !== 'function' ||
    typeof performSubscribe !== 'function' ||
    typeof performUnsubscribe !== 'function'
  ) {
    throw new Error('a hook trigger without performList/performSubscribe/performUnsubscribe');
  }
  return {
    perform: returningItems(perform),
    performList: returningItems(performList),
    performSubscribe,
    performUnsubscribe,
  };
}

/** The `perform` of a polling trigger. */
export function pollFunction(trigger: Pick<Trigger, 'operation'>): ItemsFn {
  const operation = trigger.operation;
  if (operation.type !== 'polling' || typeof operation.perform !== 'function') {
    throw new Error('not a polling trigger with a perform function');
  }
  return returningItems(operation.perform);
}

/** A Close event in the shape the mock and Close deliver. */
export function closeEvent(
  fields: Pick<CloseEvent, 'object_type' | 'action'> & Partial<CloseEvent>,
): CloseEvent {
  const data = fields.data ?? null;
  const objectId = typeof data?.id === 'string' ? data.id : null;
  return {
    id: 'ev_3kE9mQ2wR7tY1uI5oP8aS4dF6g',
    date_created: '2026-03-07T10:12:41.303000+00:00',
    date_updated: '2026-03-07T10:12:41.303000+00:00',
    object_id: objectId,
    lead_id: typeof data?.lead_id === 'string' ? data.lead_id : objectId,
    organization_id: 'orga_9hT3kLm2Nq8Wp5Xr7Ys1Zt4Uv6Aw0Bx2Cy3Dz5Ea7Fb',
    user_id: 'user_2bQ7cR4dS9eT1fU6gV3hW8iX5jY0kZ7lA2mB4nC9oD1',
    api_key_id: null,
    request_id: 'req_5tG7hJ9kL1zX3cV5bN7mQ9wE1r',
    meta: {},
    data,
    previous_data: {},
    changed_fields: [],
    ...fields,
  };
}

export type DeliveryOptions = {
  /** Sign with this key instead of the subscription's. */
  signWith?: string;
  /** Unix seconds of `close-sig-timestamp` (now by default). */
  timestamp?: number;
  /** How headers are named: as Zapier passes them (default) or as sent. */
  headerStyle?: 'zapier' | 'lowercase';
  /** Leave out the signature headers. */
  unsigned?: boolean;
  subscriptionId?: string;
  /** Change the body after signing. */
  tamper?: (rawBody: string) => string;
  subscribeData?: Bundle['subscribeData'] | Record<string, unknown>;
};

/** Headers as Zapier hands them to a hook's `perform`: `Http-` and title case. */
export function zapierHeaderName(name: string): string {
  return `Http-${name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('-')}`;
}

/** A bundle for a hook `perform` with a delivery of `event`, signed like Close signs. */
export function deliveryBundle(
  event: CloseEvent,
  inputData: Record<string, unknown> = {},
  options: DeliveryOptions = {},
): Partial<Bundle> {
  const rawBody = JSON.stringify({
    subscription_id: options.subscriptionId ?? SUBSCRIPTION.id,
    event,
  });
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const hash = signWebhookPayload(
    options.signWith ?? SUBSCRIPTION.signature_key,
    timestamp,
    rawBody,
  );
  const sent: Record<string, string> = {
    'content-type': 'application/json',
    ...(!options.unsigned && { 'close-sig-hash': hash, 'close-sig-timestamp': timestamp }),
  };
  return toHookBundle(options.tamper ? options.tamper(rawBody) : rawBody, sent, {
    inputData,
    subscribeData: (options.subscribeData ?? { ...SUBSCRIPTION }) as Bundle['subscribeData'],
    headerStyle: options.headerStyle ?? 'zapier',
  });
}

/**
 * What Zapier builds for a hook's `perform` from a received request: the raw body and headers
 * (`rawRequest`), and the parsed JSON body (`cleanedRequest`).
 */
export function toHookBundle(
  rawBody: string,
  headers: Record<string, string>,
  options: {
    inputData?: Record<string, unknown>;
    subscribeData: Bundle['subscribeData'];
    headerStyle?: 'zapier' | 'lowercase';
  },
): Partial<Bundle> {
  const named = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      options.headerStyle === 'lowercase' ? name.toLowerCase() : zapierHeaderName(name),
      value,
    ]),
  );
  let cleaned: unknown;
  try {
    cleaned = JSON.parse(rawBody);
  } catch {
    cleaned = {};
  }
  return {
    authData,
    inputData: options.inputData ?? {},
    subscribeData: options.subscribeData,
    rawRequest: { method: 'POST', querystring: '', headers: named, content: rawBody },
    cleanedRequest: cleaned,
  };
}

/** A Close list answer. */
export const listBody = (data: unknown[], hasMore = false) => ({ data, has_more: hasMore });
