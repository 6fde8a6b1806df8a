/**
 * The event log: every create, update and delete through the API writes one event in Close's
 * shape (`data`, `previous_data`, `changed_fields`, `api_key_id`, `user_id`), and listeners
 * (webhook delivery) are told after the write. Services call `record` inside the same
 * transaction as the change, so an event exists exactly when its change does.
 */
import type { CloseEvent, EventAction, EventObjectType } from '../../shared/close-objects.js';
import { statementCache, type Db } from '../store/db.js';
import { isoNow, newId } from '../store/ids.js';

/** Who made a change: the key's user and the key (null for seeds and the control plane). */
export type Actor = { userId: string | null; apiKeyId: string | null; requestId?: string | null };

export type EventInput = {
  organizationId: string;
  objectType: EventObjectType;
  action: EventAction;
  objectId: string;
  leadId: string | null;
  /** The object after the change (for deletes: as it was). */
  data: Record<string, unknown>;
  /** For updates: the old values of the changed fields only. */
  previousData?: Record<string, unknown>;
  actor: Actor;
};

export type EventListener = (event: CloseEvent) => void;

export class EventService {
  private readonly statement: ReturnType<typeof statementCache>;
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly db: Db) {
    this.statement = statementCache(db);
  }

  record(input: EventInput): CloseEvent {
    const now = isoNow();
    const previous = input.previousData ?? {};
    const event: CloseEvent = {
      id: newId('ev'),
      date_created: now,
      date_updated: now,
      object_type: input.objectType,
      action: input.action,
      object_id: input.objectId,
      lead_id: input.leadId,
      organization_id: input.organizationId,
      user_id: input.actor.userId,
      api_key_id: input.actor.apiKeyId,
      request_id: input.actor.requestId ?? null,
      meta: {},
      data: input.data,
      previous_data: input.action === 'updated' ? previous : {},
      changed_fields: input.action === 'updated' ? Object.keys(previous).sort() : [],
    };
    this.statement(
      `INSERT INTO events (id, organization_id, object_type, action, object_id, lead_id, user_id,
         api_key_id, request_id, date_created, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      event.id,
      event.organization_id,
      event.object_type,
      event.action,
      event.object_id,
      event.lead_id,
      event.user_id,
      event.api_key_id,
      event.request_id ?? null,
      event.date_created,
      JSON.stringify(event),
    );
    // Listeners run after the current transaction settles, never inside the request's write.
    if (this.listeners.size > 0) {
      queueMicrotask(() => {
        for (const listener of this.listeners) listener(event);
      });
    }
    return event;
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
