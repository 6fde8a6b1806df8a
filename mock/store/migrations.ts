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
  {
    name: 'crm-objects',
    sql: `
  -- Configuration: statuses, pipelines and custom fields, small per organization.
  CREATE TABLE lead_statuses (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    label TEXT NOT NULL,
    position INTEGER NOT NULL,
    date_created TEXT NOT NULL,
    date_updated TEXT NOT NULL
  );
  CREATE INDEX lead_statuses_by_org ON lead_statuses(organization_id, position);
  CREATE TABLE pipelines (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    date_created TEXT NOT NULL,
    date_updated TEXT NOT NULL
  );
  CREATE INDEX pipelines_by_org ON pipelines(organization_id, position);
  CREATE TABLE opportunity_statuses (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    pipeline_id TEXT NOT NULL REFERENCES pipelines(id),
    label TEXT NOT NULL,
    type TEXT NOT NULL,
    position INTEGER NOT NULL,
    date_created TEXT NOT NULL,
    date_updated TEXT NOT NULL
  );
  CREATE INDEX opportunity_statuses_by_org ON opportunity_statuses(organization_id, position);
  CREATE TABLE custom_fields (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    object_type TEXT NOT NULL,
    date_created TEXT NOT NULL,
    date_updated TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX custom_fields_by_org ON custom_fields(organization_id, object_type, date_created);

  -- CRM objects: the columns lists filter and sort on, the whole object as JSON in body. Every
  -- index leads with organization_id, so a tenant's list never reads another tenant's rows, and
  -- recent-first lists walk an index backwards instead of sorting.
  CREATE TABLE leads (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL,
    status_id TEXT NOT NULL,
    date_created TEXT NOT NULL,
    date_updated TEXT NOT NULL,
    -- Normalized words of the lead and its contacts, for free-text queries.
    search_text TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX leads_by_created ON leads(organization_id, date_created);
  CREATE INDEX leads_by_updated ON leads(organization_id, date_updated);
  CREATE INDEX leads_by_status ON leads(organization_id, status_id, date_created);
  CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL,
    lead_id TEXT NOT NULL,
    date_created TEXT NOT NULL,
    date_updated TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX contacts_by_created ON contacts(organization_id, date_created);
  CREATE INDEX contacts_by_updated ON contacts(organization_id, date_updated);
  CREATE INDEX contacts_by_lead ON contacts(organization_id, lead_id, date_created);
  -- Every email (lower case) and phone (digits) of every contact, in narrow rows keyed by value:
  -- finding a lead or contact by email is a lookup, by phone a scan that never reads a JSON body.
  CREATE TABLE contact_points (
    organization_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    lead_id TEXT NOT NULL,
    PRIMARY KEY (organization_id, kind, value, contact_id)
  ) WITHOUT ROWID;
  CREATE TABLE opportunities (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL,
    lead_id TEXT NOT NULL,
    status_id TEXT NOT NULL,
    status_type TEXT NOT NULL,
    pipeline_id TEXT NOT NULL,
    user_id TEXT,
    value_period TEXT NOT NULL,
    date_won TEXT,
    date_created TEXT NOT NULL,
    date_updated TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX opportunities_by_created ON opportunities(organization_id, date_created);
  CREATE INDEX opportunities_by_updated ON opportunities(organization_id, date_updated);
  CREATE INDEX opportunities_by_lead ON opportunities(organization_id, lead_id, date_created);
  CREATE INDEX opportunities_by_status ON opportunities(organization_id, status_id, date_created);
  CREATE INDEX opportunities_by_type ON opportunities(organization_id, status_type, date_created);
  CREATE TABLE activities (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL,
    lead_id TEXT NOT NULL,
    type TEXT NOT NULL,
    user_id TEXT,
    contact_id TEXT,
    opportunity_id TEXT,
    activity_at TEXT NOT NULL,
    date_created TEXT NOT NULL,
    date_updated TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX activities_by_created ON activities(organization_id, date_created);
  CREATE INDEX activities_by_activity_at ON activities(organization_id, activity_at);
  CREATE INDEX activities_by_lead ON activities(organization_id, lead_id, date_created);
  CREATE INDEX activities_by_type ON activities(organization_id, type, date_created);
  CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL,
    lead_id TEXT NOT NULL,
    assigned_to TEXT,
    is_complete INTEGER NOT NULL,
    date TEXT,
    date_created TEXT NOT NULL,
    date_updated TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX tasks_by_created ON tasks(organization_id, date_created);
  CREATE INDEX tasks_by_updated ON tasks(organization_id, date_updated);
  CREATE INDEX tasks_by_lead ON tasks(organization_id, lead_id, date_created);
  CREATE INDEX tasks_by_assignee ON tasks(organization_id, assigned_to, is_complete, date_created);
  CREATE INDEX tasks_by_date ON tasks(organization_id, date);
  CREATE TABLE saved_searches (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL,
    user_id TEXT,
    date_created TEXT NOT NULL,
    date_updated TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX saved_searches_by_org ON saved_searches(organization_id, date_created);
  `,
  },
];
