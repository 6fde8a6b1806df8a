/**
 * Schema migrations, applied once each, in this order, and recorded by name. Append new ones at
 * the end with a new name; never edit one that has shipped, since existing database files have
 * run it.
 */
export type Migration = { name: string; sql: string };

export const migrations: Migration[] = [
  {
    name: 'tenancy-and-api-keys',
    sql: `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    date_created TEXT NOT NULL,
    date_updated TEXT NOT NULL
  );
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    date_created TEXT NOT NULL,
    date_updated TEXT NOT NULL
  );
  CREATE TABLE memberships (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    role_id TEXT NOT NULL DEFAULT 'admin',
    date_created TEXT NOT NULL,
    UNIQUE (user_id, organization_id)
  );
  CREATE INDEX memberships_by_org ON memberships(organization_id);
  -- secret_hash is SHA-256 of the secret part; NULL once the key is deleted. Deleted rows stay
  -- as tombstones so that an ID is never issued twice.
  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    secret_hash BLOB,
    user_id TEXT NOT NULL REFERENCES users(id),
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    date_created TEXT NOT NULL,
    last_used_at TEXT,
    last_used_ip TEXT,
    last_used_user_agent TEXT,
    date_deleted TEXT
  );
  CREATE INDEX api_keys_by_org ON api_keys(organization_id) WHERE date_deleted IS NULL;
  `,
  },
  {
    name: 'events',
    sql: `
  -- One row per create, update and delete, as Close's event log (/event/) shows them.
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    organization_id TEXT NOT NULL,
    object_type TEXT NOT NULL,
    action TEXT NOT NULL,
    object_id TEXT,
    lead_id TEXT,
    user_id TEXT,
    api_key_id TEXT,
    request_id TEXT,
    date_created TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX events_by_org ON events(organization_id, seq);
  CREATE INDEX events_by_object ON events(organization_id, object_id, seq);
  CREATE INDEX events_by_lead ON events(organization_id, lead_id, seq);
  `,
  },
  {
    name: 'webhooks',
    sql: `
  -- Webhook subscriptions. signature_key is kept in clear: it is the HMAC key deliveries are
  -- signed with, and Close shows it on every read of the subscription.
  CREATE TABLE webhook_subscriptions (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    status TEXT NOT NULL,
    verify_ssl INTEGER NOT NULL,
    signature_key TEXT NOT NULL,
    created_by TEXT,
    updated_by TEXT,
    date_created TEXT NOT NULL,
    date_updated TEXT NOT NULL
  );
  CREATE INDEX webhook_subscriptions_by_org ON webhook_subscriptions(organization_id);
  -- One row per (subscription, event): the payload is fixed when the event matches, so every
  -- attempt sends the same body.
  CREATE TABLE webhook_deliveries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    subscription_id TEXT NOT NULL,
    organization_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_status_code INTEGER,
    last_error TEXT,
    next_attempt_at TEXT,
    payload TEXT NOT NULL,
    date_created TEXT NOT NULL,
    date_updated TEXT NOT NULL
  );
  CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries(subscription_id, seq);
  CREATE INDEX webhook_deliveries_pending ON webhook_deliveries(status)
    WHERE status IN ('pending', 'retrying');
  `,
  },
];
