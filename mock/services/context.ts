/**
 * What every CRM write carries and shares: the organization and the actor (the key's user and
 * the key, from `request.principal`), a collector that turns every problem with an input into one
 * Close-shaped 400 naming each bad field, and the diff that becomes an event's `previous_data`.
 */
import { FieldErrors, notFound } from '../errors.js';
import { isoNow } from '../store/ids.js';
import type { Actor } from './events.js';

export type WriteContext = { organizationId: string; actor: Actor; now?: string };

/** The actor of seeds and the control plane: no user, no key. */
export const SYSTEM_ACTOR: Actor = { userId: null, apiKeyId: null };

export const timestamp = (context: WriteContext): string => context.now ?? isoNow();

/** Collects field problems; `throwIfAny` raises them together as one 400. */
export class Problems {
  private readonly fieldErrors: Record<string, string> = {};
  private readonly errors: string[] = [];

  add(field: string, message: string): void {
    this.fieldErrors[field] ??= message;
  }

  addGeneral(message: string): void {
    this.errors.push(message);
  }

  get any(): boolean {
    return this.errors.length > 0 || Object.keys(this.fieldErrors).length > 0;
  }

  throwIfAny(): void {
    if (this.any) throw new FieldErrors(this.fieldErrors, this.errors);
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

/** Only the keys of `input` that were sent (PUT changes only the fields sent). */
export function sentFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
