/**
 * Webhook subscriptions as Close keeps them: per organization, at most 40, each with a URL, the
 * (object_type, action) pairs it wants with optional extra filters, an active/paused status and a
 * signature key (32 random bytes, hex) that deliveries are signed with. Matching an event against
 * the organization's active subscriptions is here too; sending is `webhook-deliveries.ts`.
 */
import { randomBytes } from 'node:crypto';
import type { CloseEvent, EventAction, EventObjectType } from '../../shared/close-objects.js';
import { statementCache, type Db } from '../store/db.js';
import { isoNow, newId } from '../store/ids.js';
import { matchesEventFilter, parseEventFilter } from './event-filters.js';

export const WEBHOOKS_PER_ORGANIZATION = 40;
export const WEBHOOK_STATUSES = ['active', 'paused'] as const;
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

export type WebhookEventSpec = {
  object_type: EventObjectType;
  action: EventAction;
  extra_filter?: Record<string, unknown> | null;
};

export type WebhookSubscription = {
  id: string;
  organization_id: string;
  url: string;
  events: WebhookEventSpec[];
  status: WebhookStatus;
  verify_ssl: boolean;
  signature_key: string;
  created_by: string | null;
  updated_by: string | null;
  date_created: string;
  date_updated: string;
};

type SubscriptionRow = Omit<WebhookSubscription, 'events' | 'verify_ssl' | 'status'> & {
  events: string;
  verify_ssl: number;
  status: string;
};

export type SubscriptionPatch = Partial<
  Pick<WebhookSubscription, 'url' | 'events' | 'status' | 'verify_ssl'>
>;

export class WebhookService {
  private readonly statement: ReturnType<typeof statementCache>;

  constructor(db: Db) {
    this.statement = statementCache(db);
  }

  count(organizationId: string): number {
    const row = this.statement(
      'SELECT count(*) AS n FROM webhook_subscriptions WHERE organization_id = ?',
    ).get(organizationId) as { n: number };
    return Number(row.n);
  }

  create(
    organizationId: string,
    input: { url: string; events: WebhookEventSpec[]; verify_ssl: boolean },
    userId: string | null,
  ): WebhookSubscription {
    const now = isoNow();
    const subscription: WebhookSubscription = {
      id: newId('whsub', 22),
      organization_id: organizationId,
      url: input.url,
      events: input.events,
      status: 'active',
      verify_ssl: input.verify_ssl,
      signature_key: randomBytes(32).toString('hex'),
      created_by: userId,
      updated_by: userId,
      date_created: now,
      date_updated: now,
    };
    this.statement(
      `INSERT INTO webhook_subscriptions (id, organization_id, url, events, status, verify_ssl,
         signature_key, created_by, updated_by, date_created, date_updated)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      subscription.id,
      organizationId,
      subscription.url,
      JSON.stringify(subscription.events),
      subscription.status,
      subscription.verify_ssl ? 1 : 0,
      subscription.signature_key,
      userId,
      userId,
      now,
      now,
    );
    return subscription;
  }

  list(organizationId: string): WebhookSubscription[] {
    return (
      this.statement(
        'SELECT * FROM webhook_subscriptions WHERE organization_id = ? ORDER BY rowid',
      ).all(organizationId) as SubscriptionRow[]
    ).map(fromRow);
  }

  /** Every organization's subscriptions, for the control plane. */
  listAll(): WebhookSubscription[] {
    return (
      this.statement(
        'SELECT * FROM webhook_subscriptions ORDER BY rowid',
      ).all() as SubscriptionRow[]
    ).map(fromRow);
  }

  /** The subscription, if it exists in `organizationId` (any organization when omitted). */
  get(id: string, organizationId?: string): WebhookSubscription | undefined {
    const row = this.statement('SELECT * FROM webhook_subscriptions WHERE id = ?').get(id) as
      SubscriptionRow | undefined;
    if (!row || (organizationId !== undefined && row.organization_id !== organizationId)) {
      return undefined;
    }
    return fromRow(row);
  }

  update(
    id: string,
    organizationId: string,
    patch: SubscriptionPatch,
    userId: string | null,
  ): WebhookSubscription | undefined {
    const current = this.get(id, organizationId);
    if (!current) return undefined;
    const next: WebhookSubscription = {
      ...current,
      ...patch,
      updated_by: userId,
      date_updated: isoNow(),
    };
    this.statement(
      `UPDATE webhook_subscriptions SET url = ?, events = ?, status = ?, verify_ssl = ?,
         updated_by = ?, date_updated = ? WHERE id = ?`,
    ).run(
      next.url,
      JSON.stringify(next.events),
      next.status,
      next.verify_ssl ? 1 : 0,
      userId,
      next.date_updated,
      id,
    );
    return next;
  }

  /** Deletes the subscription and its delivery log. */
  delete(id: string, organizationId: string): boolean {
    const result = this.statement(
      'DELETE FROM webhook_subscriptions WHERE id = ? AND organization_id = ?',
    ).run(id, organizationId);
    if (Number(result.changes) !== 1) return false;
    this.statement('DELETE FROM webhook_deliveries WHERE subscription_id = ?').run(id);
    return true;
  }

  /** The organization's active subscriptions that want `event`. */
  matching(event: CloseEvent): WebhookSubscription[] {
    return (
      this.statement(
        `SELECT * FROM webhook_subscriptions WHERE organization_id = ? AND status = 'active'
         ORDER BY rowid`,
      ).all(event.organization_id) as SubscriptionRow[]
    )
      .map(fromRow)
      .filter((subscription) => subscription.events.some((spec) => wants(spec, event)));
  }
}

function wants(spec: WebhookEventSpec, event: CloseEvent): boolean {
  if (spec.object_type !== event.object_type || spec.action !== event.action) return false;
  if (!spec.extra_filter) return true;
  const parsed = parseEventFilter(spec.extra_filter);
  return parsed.ok && matchesEventFilter(parsed.filter, event);
}

function fromRow(row: SubscriptionRow): WebhookSubscription {
  return {
    ...row,
    events: JSON.parse(row.events) as WebhookEventSpec[],
    verify_ssl: row.verify_ssl === 1,
    status: row.status === 'paused' ? 'paused' : 'active',
  };
}
