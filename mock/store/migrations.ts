/**
 * Schema migrations, applied in order once each (their index + 1 is the version). Append new
 * ones at the end; never edit one that has shipped, since existing database files have run it.
 */
export const migrations: string[] = [
  // 1: tenancy and API keys.
  `
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
];
