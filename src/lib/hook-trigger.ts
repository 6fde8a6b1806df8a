/**
 * The REST-hook plumbing every instant trigger shares, so that a trigger file only says what is
 * its own: which Close events it needs, how to read its object from an event, how to poll for
 * recent ones, which ones the user's filters let through, and the formatter that shapes them.
 *
 * - `performSubscribe` registers Zapier's target URL on `/webhook/` for exactly those events and
 *   keeps the subscription's id and signature key (Zapier stores them as `subscribeData`);
 * - `performUnsubscribe` deletes that subscription;
 * - `perform` accepts only deliveries signed with that key (see webhook-delivery.ts), then
 *   applies the trigger's filters and returns the formatted object;
 * - `performList` polls Close for recent objects, through the same filters and formatter, so the
 *   Zap editor's samples look exactly like live deliveries.
 */
import type {
  BasicHookOperation,
  Bundle,
  InferInputData,
  InputField,
  PlainOutputField,
  ZObject,
} from 'zapier-platform-core';
import { z as zod } from 'zod';
import {
  webhookSubscriptionSchema,
  type CloseCustomField,
  type CloseEvent,
  type CustomFieldObject,
  type EventAction,
  type EventObjectType,
} from '../../shared/close-objects.js';
import type { CustomFieldNames, Formatted } from '../formatters/common.js';
import { closeErrorStatus, closeGet, closeRequest } from './close-request.js';
import { customFieldDefinitions, customFieldNamesOf } from './custom-field-cache.js';
import { needsCustomFieldNames } from './custom-fields.js';
import { pollLimit } from './poll.js';
import {
  DELIVERY_MESSAGES,
  hookSubscriptionSchema,
  verifiedDelivery,
  type HookSubscription,
} from './webhook-delivery.js';

/** One entry of a subscription's `events`, with Close's optional server-side `extra_filter`. */
export type WebhookEventSpec = {
  object_type: EventObjectType;
  action: EventAction;
  extra_filter?: Record<string, unknown>;
};

export type HookTriggerSpec<F extends InputField[], T> = {
  inputFields: F;
  /** The Close events this trigger needs, given the step's input. */
  events: (input: InferInputData<F>) => WebhookEventSpec[];
  /** For subscribed events that do not always mean this trigger (a completed task reopened since). */
  firesOn?: (event: CloseEvent) => boolean;
  /**
   * The object an event is about: the event's `data` when it is a complete object by `schema`,
   * else fetched from `path(object_id)` (Close's lead events, for one, carry `contact_ids`
   * rather than the contacts a lead's output needs).
   */
  object: { schema: zod.ZodType<T>; path: (id: string, event: CloseEvent) => string };
  /**
   * Whose custom fields the object carries: their definitions (cached, see
   * custom-field-cache.ts) name the values, and let polls ask for them in `_fields`.
   */
  customFields?: CustomFieldObject;
  /** Recent objects, newest first, at most `poll.limit` (one request). */
  list: (z: ZObject, input: InferInputData<F>, poll: PollRequest) => Promise<T[]>;
  /** The user's optional filters; applied to deliveries and polled objects alike. */
  matches?: (item: T, input: InferInputData<F>) => boolean;
  format: (item: T, customNames?: CustomFieldNames) => Formatted;
  sample: Formatted;
  outputFields: PlainOutputField[];
};

export type PollRequest = {
  limit: number;
  /** The object's custom field definitions, when `customFields` is set and Close gave them. */
  customFields: CloseCustomField[] | undefined;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const subscribes = (events: WebhookEventSpec[], event: CloseEvent) =>
  events.some((spec) => spec.object_type === event.object_type && spec.action === event.action);

async function objectOfEvent<T>(
  z: ZObject,
  event: CloseEvent,
  object: HookTriggerSpec<InputField[], T>['object'],
): Promise<T | undefined> {
  const inline = object.schema.safeParse(event.data);
  if (inline.success) return inline.data;
  if (!event.object_id) return undefined;
  try {
    return await closeGet(z, object.path(event.object_id, event), object.schema, undefined, {
      subject: `${event.object_type} ${event.object_id}`,
    });
  } catch (error) {
    // Deleted again before Zapier ran this delivery: nothing left to trigger on.
    if (closeErrorStatus(error) === 404) return undefined;
    throw error;
  }
}

/**
 * Core appends the whole bundle to the message of most errors ("What happened: … with bundle");
 * a hook's bundle holds the subscription's signature key, which must not end up in an error shown
 * to users or written to logs. Errors from these functions go out as they were thrown.
 */
function withoutBundleInErrors<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (error) {
      if (error instanceof Error) Object.assign(error, { doNotContextify: true });
      throw error;
    }
  };
}

export function defineHookOperation<const F extends InputField[], T>(
  spec: HookTriggerSpec<F, T>,
): BasicHookOperation<F> {
  type Input = InferInputData<F>;
  const input = (bundle: Bundle) => bundle.inputData as Input;
  const passes = (item: T, bundle: Bundle) => spec.matches?.(item, input(bundle)) ?? true;

  const performSubscribe = async (z: ZObject, bundle: Bundle): Promise<HookSubscription> => {
    const subscription = await closeRequest(
      z,
      {
        url: '/webhook/',
        method: 'POST',
        body: { url: bundle.targetUrl, events: spec.events(input(bundle)), verify_ssl: true },
      },
      webhookSubscriptionSchema,
    );
    return { id: subscription.id, signature_key: subscription.signature_key };
  };

  const performUnsubscribe = async (z: ZObject, bundle: Bundle): Promise<{ id: string }> => {
    const subscription = hookSubscriptionSchema.pick({ id: true }).safeParse(bundle.subscribeData);
    if (!subscription.success) {
      throw new z.errors.Error(DELIVERY_MESSAGES.noSubscription, 'NoSubscription', 400);
    }
    const { id } = subscription.data;
    try {
      await closeRequest(z, { url: `/webhook/${id}/`, method: 'DELETE' }, zod.unknown());
    } catch (error) {
      // Already deleted in Close (by hand, or by an earlier attempt): the goal is reached.
      if (closeErrorStatus(error) !== 404) throw error;
    }
    return { id };
  };

  const perform = async (z: ZObject, bundle: Bundle): Promise<Formatted[]> => {
    const { event } = verifiedDelivery(z, bundle);
    if (!subscribes(spec.events(input(bundle)), event)) return [];
    if (spec.firesOn && !spec.firesOn(event)) return [];
    const item = await objectOfEvent(z, event, spec.object);
    if (item === undefined || !passes(item, bundle)) return [];
    const definitions =
      spec.customFields && isRecord(item) && needsCustomFieldNames(item)
        ? await customFieldDefinitions(z, bundle, spec.customFields)
        : undefined;
    return [spec.format(item, customFieldNamesOf(definitions))];
  };

  const performList = async (z: ZObject, bundle: Bundle): Promise<Formatted[]> => {
    const customFields = spec.customFields
      ? await customFieldDefinitions(z, bundle, spec.customFields)
      : undefined;
    const items = await spec.list(z, input(bundle), { limit: pollLimit(bundle), customFields });
    const names = customFieldNamesOf(customFields);
    return items.filter((item) => passes(item, bundle)).map((item) => spec.format(item, names));
  };

  return {
    type: 'hook',
    inputFields: spec.inputFields,
    perform: withoutBundleInErrors(perform),
    performList,
    performSubscribe,
    performUnsubscribe: withoutBundleInErrors(performUnsubscribe),
    sample: spec.sample,
    outputFields: spec.outputFields,
  };
}
