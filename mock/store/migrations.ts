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
];
