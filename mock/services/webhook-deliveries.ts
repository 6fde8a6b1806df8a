/**
 * Webhook delivery, as Close does it: each recorded event that an active subscription wants is
 * POSTed to the subscription's URL as `{"subscription_id", "event"}`, signed with
 * `close-sig-hash`/`close-sig-timestamp`, and retried with exponential backoff until a 2xx answer
 * or the attempt limit. Every (subscription, event) pair is a row in `webhook_deliveries` with its
 * status, attempts and last answer, so tests and developers can see what was sent.
 *
 * Nothing here runs inside the API request that caused the event: the event log tells listeners
 * after the write, matching is deferred to the next turn of the event loop (by then the
 * surrounding transaction has settled, and an event whose transaction rolled back is simply not
 * found), and sending happens on an in-memory queue with bounded concurrency and a timeout.
 */
import got from 'got';
import type { CloseEvent } from '../../shared/close-objects.js';
import {
  SIGNATURE_HASH_HEADER,
  SIGNATURE_TIMESTAMP_HEADER,
  signWebhookPayload,
} from '../../shared/webhook-signature.js';
import { statementCache, transaction, type Db } from '../store/db.js';
import { isoNow, newId } from '../store/ids.js';
import type { EventService } from './events.js';
import type { WebhookService } from './webhooks.js';

export type DeliveryOptions = {
  /** Requests in flight at once, over all subscriptions. */
  concurrency?: number;
  /** Per attempt; a slower receiver counts as a failure. */
  timeoutMs?: number;
  /** The first retry waits this long, each next one twice as long (Close: minutes, up to 20). */
  retryBaseMs?: number;
  retryMaxDelayMs?: number;
  /** Attempts in all, the first included, before a delivery is given up as `failed`. */
  maxAttempts?: number;
};

export const DEFAULT_DELIVERY_OPTIONS: Required<DeliveryOptions> = {
  concurrency: 4,
  timeoutMs: 10_000,
  retryBaseMs: 30_000,
  retryMaxDelayMs: 20 * 60_000,
  maxAttempts: 10,
};

export const DELIVERY_STATUSES = [
  'pending',
  'retrying',
  'delivered',
  'failed',
  'cancelled',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export type DeliveryRecord = {
  id: string;
  subscription_id: string;
  event_id: string;
  status: DeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  /** Exactly what is POSTed (the signed body), parsed. */
  payload: unknown;
  date_created: string;
  date_updated: string;
};

type DeliveryRow = Omit<DeliveryRecord, 'payload' | 'status'> & {
  payload: string;
  status: string;
  organization_id: string;
};

const USER_AGENT = 'close-mock-webhooks/1.0';
const ERROR_MAX = 300;

export class WebhookDeliveryService {
  private readonly statement: ReturnType<typeof statementCache>;
  private readonly options: Required<DeliveryOptions>;
  private readonly incoming: string[] = [];
  private readonly ready: string[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Map<string, AbortController>();
  private readonly settled = new Set<Promise<void>>();
  private unsubscribe: (() => void) | undefined;
  private matchScheduled = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly events: EventService,
    private readonly webhooks: WebhookService,
    options: DeliveryOptions = {},
  ) {
    this.statement = statementCache(db);
    this.options = { ...DEFAULT_DELIVERY_OPTIONS, ...options };
  }

  /** Listens to the event log and picks up deliveries a previous run left unfinished. */
  start(): void {
    this.unsubscribe = this.events.onEvent((event) => this.onEvent(event));
    const unfinished = this.statement(
      `SELECT id, next_attempt_at FROM webhook_deliveries
       WHERE status IN ('pending', 'retrying') ORDER BY seq`,
    ).all() as { id: string; next_attempt_at: string | null }[];
    for (const row of unfinished) {
      const due = row.next_attempt_at ? Date.parse(row.next_attempt_at) - Date.now() : 0;
      this.schedule(row.id, Math.max(0, due));
    }
  }

  list(subscriptionId: string): DeliveryRecord[] {
    return (
      this.statement('SELECT * FROM webhook_deliveries WHERE subscription_id = ? ORDER BY seq').all(
        subscriptionId,
      ) as DeliveryRow[]
    ).map(toRecord);
  }

  /** Whether nothing is waiting to be matched, queued, scheduled or in flight. */
  isIdle(): boolean {
    return (
      this.incoming.length === 0 &&
      this.ready.length === 0 &&
      this.timers.size === 0 &&
      this.inFlight.size === 0
    );
  }

  /** Forgets queued work (after a reset of the store); requests in flight finish unrecorded. */
  clear(): void {
    this.incoming.length = 0;
    this.ready.length = 0;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.clear();
    for (const controller of this.inFlight.values()) controller.abort();
    await Promise.allSettled([...this.settled]);
  }

  private onEvent(event: CloseEvent): void {
    if (this.stopped) return;
    this.incoming.push(event.id);
    this.scheduleMatching();
  }

  private scheduleMatching(): void {
    if (this.matchScheduled) return;
    this.matchScheduled = true;
    setImmediate(() => {
      this.matchScheduled = false;
      this.matchIncoming();
    });
  }

  /** Turns recorded events into delivery rows, one per wanting subscription. */
  private matchIncoming(): void {
    if (this.stopped || this.incoming.length === 0) return;
    // A transaction still open (one spanning awaits) may yet roll back: look again later.
    if (this.db.isTransaction) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.matchIncoming();
      }, 5);
      timer.unref();
      this.timers.add(timer);
      return;
    }
    const ids = this.incoming.splice(0);
    const created: string[] = [];
    transaction(this.db, () => {
      for (const eventId of ids) {
        const row = this.statement('SELECT body FROM events WHERE id = ?').get(eventId) as
          { body: string } | undefined;
        if (!row) continue; // rolled back: the change never happened, so neither did the event
        const event = JSON.parse(row.body) as CloseEvent;
        for (const subscription of this.webhooks.matching(event)) {
          const id = newId('whdel', 22);
          const now = isoNow();
          const payload = JSON.stringify({ subscription_id: subscription.id, event });
          this.statement(
            `INSERT INTO webhook_deliveries (id, subscription_id, organization_id, event_id,
               status, payload, date_created, date_updated)
             VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)`,
          ).run(id, subscription.id, event.organization_id, event.id, payload, now, now);
          created.push(id);
        }
      }
    });
    for (const id of created) this.ready.push(id);
    this.pump();
  }

  private schedule(id: string, delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.ready.push(id);
      this.pump();
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  private pump(): void {
    while (!this.stopped && this.inFlight.size < this.options.concurrency) {
      const id = this.ready.shift();
      if (id === undefined) return;
      const controller = new AbortController();
      this.inFlight.set(id, controller);
      const attempt = this.attempt(id, controller.signal)
        .catch(() => undefined)
        .finally(() => {
          this.inFlight.delete(id);
          this.settled.delete(attempt);
          this.pump();
        });
      this.settled.add(attempt);
    }
  }

  private async attempt(id: string, signal: AbortSignal): Promise<void> {
    const row = this.statement('SELECT * FROM webhook_deliveries WHERE id = ?').get(id) as
      DeliveryRow | undefined;
    if (!row || (row.status !== 'pending' && row.status !== 'retrying')) return;
    const subscription = this.webhooks.get(row.subscription_id, row.organization_id);
    if (!subscription || subscription.status !== 'active') {
      this.finish(id, row.attempts, 'cancelled', null, 'The subscription is paused or deleted.');
      return;
    }
    const timestamp = String(Math.floor(Date.now() / 1000));
    const attempts = row.attempts + 1;
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await got.post(subscription.url, {
        body: row.payload,
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          [SIGNATURE_HASH_HEADER]: signWebhookPayload(
            subscription.signature_key,
            timestamp,
            row.payload,
          ),
          [SIGNATURE_TIMESTAMP_HEADER]: timestamp,
        },
        timeout: { request: this.options.timeoutMs },
        retry: { limit: 0 },
        throwHttpErrors: false,
        followRedirect: false,
        https: { rejectUnauthorized: subscription.verify_ssl },
        signal,
      });
      statusCode = response.statusCode;
      if (statusCode >= 200 && statusCode < 300) {
        this.finish(id, attempts, 'delivered', statusCode, null);
        return;
      }
      error = `The receiver answered ${statusCode}.`;
    } catch (caught) {
      if (this.stopped) return;
      const code = (caught as { code?: unknown }).code;
      const message = caught instanceof Error ? caught.message : String(caught);
      error = (typeof code === 'string' ? `${code}: ${message}` : message).slice(0, ERROR_MAX);
    }
    if (attempts >= this.options.maxAttempts) {
      this.finish(id, attempts, 'failed', statusCode, error);
      return;
    }
    const delay = Math.min(
      this.options.retryBaseMs * 2 ** (attempts - 1),
      this.options.retryMaxDelayMs,
    );
    this.statement(
      `UPDATE webhook_deliveries SET status = 'retrying', attempts = ?, last_status_code = ?,
         last_error = ?, next_attempt_at = ?, date_updated = ? WHERE id = ?`,
    ).run(attempts, statusCode, error, isoNow(new Date(Date.now() + delay)), isoNow(), id);
    this.schedule(id, delay);
  }

  private finish(
    id: string,
    attempts: number,
    status: DeliveryStatus,
    statusCode: number | null,
    error: string | null,
  ): void {
    this.statement(
      `UPDATE webhook_deliveries SET status = ?, attempts = ?, last_status_code = ?,
         last_error = ?, next_attempt_at = NULL, date_updated = ? WHERE id = ?`,
    ).run(status, attempts, statusCode, error, isoNow(), id);
  }
}

function toRecord(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    subscription_id: row.subscription_id,
    event_id: row.event_id,
    status: (DELIVERY_STATUSES as readonly string[]).includes(row.status)
      ? (row.status as DeliveryStatus)
      : 'pending',
    attempts: row.attempts,
    last_status_code: row.last_status_code,
    last_error: row.last_error,
    next_attempt_at: row.next_attempt_at,
    payload: JSON.parse(row.payload),
    date_created: row.date_created,
    date_updated: row.date_updated,
  };
}
