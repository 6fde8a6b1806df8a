/**
 * What every CRM write carries and shares: the organization and the actor (the key's user and
 * the key, from `request.principal`), a collector that turns every problem with an input into one
 * Close-shaped 400 naming each bad field, and the diff that becomes an event's `previous_data`.
 */
import type { EventAction, EventObjectType } from '../../shared/close-objects.js';
import { FieldErrors, notFound } from '../errors.js';
import { isoNow } from '../store/ids.js';
import type { Actor, EventService } from './events.js';

export type WriteContext = { organizationId: string; actor: Actor; now?: string };

/** The actor of seeds and the control plane: no user, no key. */
export const SYSTEM_ACTOR: Actor = { userId: null, apiKeyId: null };

export const timestamp = (context: WriteContext): string => context.now ?? isoNow();

/** The audit fields of a new object: made and last changed by the actor, now. */
export function created(context: WriteContext) {
  const now = timestamp(context);
  const userId = context.actor.userId;
  return { created_by: userId, updated_by: userId, date_created: now, date_updated: now };
}

/** The audit fields of a changed object. */
export function touched(context: WriteContext) {
  return { updated_by: context.actor.userId, date_updated: timestamp(context) };
}

export type RecordChange<T> = (
  context: WriteContext,
  action: EventAction,
  object: T,
  previousData?: Record<string, unknown>,
) => void;

/**
 * How a service records its changes in the event log: the object as `data`, the actor of the
 * write, and for updates the old values of the changed fields.
 */
export function changeRecorder<T extends { id: string } & Record<string, unknown>>(
  events: EventService,
  objectType: EventObjectType | ((object: T) => EventObjectType),
  leadIdOf: (object: T) => string | null,
): RecordChange<T> {
  return (context, action, object, previousData) =>
    events.record({
      organizationId: context.organizationId,
      objectType: typeof objectType === 'function' ? objectType(object) : objectType,
      action,
      objectId: object.id,
      leadId: leadIdOf(object),
      data: object,
      ...(previousData && { previousData }),
      actor: context.actor,
    });
}

/** Collects field problems; `throwIfAny` raises them together as one 400. */
export class Problems {
  private readonly fieldErrors: Record<string, string> = {};

  add(field: string, message: string): void {
    this.fieldErrors[field] ??= message;
  }

  get any(): boolean {
    return Object.keys(this.fieldErrors).length > 0;
  }

  throwIfAny(): void {
    if (this.any) throw new FieldErrors(this.fieldErrors);
  }
}

/** One field problem, thrown at once. */
export function fieldError(field: string, message: string): FieldErrors {
  return new FieldErrors({ [field]: message });
}

/** The object, or the 404 Close answers for an unknown (or another tenant's) ID. */
export function found<T>(object: T | undefined, what: string): T {
  if (object === undefined) throw notFound(what);
  return object;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The old values of every top-level field that differs (a removed field's old value too). */
export function previousValues(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!same(before[key], after[key])) previous[key] = before[key] ?? null;
  }
  return previous;
}
