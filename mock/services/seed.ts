/**
 * The demo organization: several users, a second pipeline, custom fields of every type, leads
 * with contacts, opportunities, activities and tasks, and a few smart views — generated from a
 * seeded PRNG, so the same seed and `now` give the same data. Configuration goes through the
 * services (and so into the event log, with no actor); the CRM objects take a bulk path that
 * writes rows directly in one transaction, without events, like an import — fast enough for
 * 100,000 leads.
 */
import { transaction, type Db } from '../store/db.js';
import { isoNow } from '../store/ids.js';
import { SYSTEM_ACTOR, type WriteContext } from './context.js';
import type { Crm } from './crm.js';
import type { CustomField, CustomFieldInput } from './custom-fields.js';
import {
  CONTACT_CUSTOM_FIELDS,
  DEMO_USERS,
  LEAD_CUSTOM_FIELDS,
  OPPORTUNITY_CUSTOM_FIELDS,
  SMART_VIEWS,
} from './demo-data.js';
import { DemoWriter, Dice, prng } from './seed-writer.js';
import type { User } from './tenancy.js';

export const DEMO_LEADS = 300;
export const DEMO_SEED = 20240501;

export type SeedOptions = {
  /** How many leads (default 300); contacts, opportunities, activities and tasks scale with it. */
  leads?: number;
  /** Default: the default organization. */
  organizationId?: string;
  seed?: number;
  /** The seed's "today" (default: the start of the current UTC day). */
  now?: Date;
};

export type SeedSummary = {
  organizationId: string;
  users: number;
  leads: number;
  contacts: number;
  opportunities: number;
  activities: number;
  tasks: number;
  customFields: number;
  savedSearches: number;
  milliseconds: number;
};

/** From this many leads on, indexes are built after the rows instead of row by row. */
const BULK_THRESHOLD = 10_000;
const BULK_TABLES = ['leads', 'contacts', 'contact_points', 'opportunities', 'activities', 'tasks'];

/**
 * Runs `work` with the tables' secondary indexes dropped and builds them again afterwards:
 * SQLite builds an index from sorted rows much faster than it inserts 100,000s of random keys.
 * Inside the caller's transaction, so a failure leaves the indexes as they were.
 */
function withIndexesRebuiltAfter<T>(db: Db, tables: string[], work: () => T): T {
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
       AND tbl_name IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(tables)) as { name: string; sql: string }[];
  const cacheSize = Number(db.prepare('PRAGMA cache_size').get()?.cache_size ?? -2000);
  // A bigger page cache keeps the index sorts in memory (256 MiB, for the duration only).
  db.exec('PRAGMA cache_size = -262144');
  try {
    for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
    const result = work();
    for (const index of indexes) db.exec(index.sql);
    // Fresh statistics (sampled, so quick): with them the planner knows that an organization
    // holds most rows and prefers the primary key for ID lookups.
    db.exec('PRAGMA analysis_limit = 1000');
    db.exec('ANALYZE');
    return result;
  } finally {
    db.exec(`PRAGMA cache_size = ${cacheSize}`);
  }
}
function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Seeds the demo data (see the module comment) and says how much it wrote. */
export function seedDemo(services: { crm: Crm }, options: SeedOptions = {}): SeedSummary {
  const started = performance.now();
  const { crm } = services;
  const organizationId =
    options.organizationId ?? crm.tenancy.ensureDefaultTenant().organization.id;
  const now = (options.now ?? startOfUtcDay(new Date())).getTime();
  const context: WriteContext = { organizationId, actor: SYSTEM_ACTOR, now: isoNow(new Date(now)) };
  const dice = new Dice(prng(options.seed ?? DEMO_SEED));

  crm.statuses.ensureDefaults(organizationId, context.now!);
  const users = ensureUsers(crm, organizationId);
  ensureRenewalsPipeline(crm, context);
  const fields = {
    lead: ensureCustomFields(crm, context, 'lead', LEAD_CUSTOM_FIELDS),
    contact: ensureCustomFields(crm, context, 'contact', CONTACT_CUSTOM_FIELDS),
    opportunity: ensureCustomFields(crm, context, 'opportunity', OPPORTUNITY_CUSTOM_FIELDS),
  };
  const leads = options.leads ?? DEMO_LEADS;
  const write = () => new DemoWriter(crm, organizationId, dice, now, users, fields).write(leads);
  const counts = transaction(crm.db, () =>
    leads >= BULK_THRESHOLD ? withIndexesRebuiltAfter(crm.db, BULK_TABLES, write) : write(),
  );
  const existingViews = new Set(
    crm.savedSearches.table.select(organizationId).map((view) => view.name),
  );
  for (const view of SMART_VIEWS) {
    if (!existingViews.has(view.name)) crm.savedSearches.create(context, view);
  }
  return {
    organizationId,
    users: users.length,
    ...counts,
    customFields: Object.values(fields).reduce((sum, list) => sum + Object.keys(list).length, 0),
    savedSearches: crm.savedSearches.table.count(organizationId),
    milliseconds: Math.round(performance.now() - started),
  };
}

function ensureUsers(crm: Crm, organizationId: string): User[] {
  const { tenancy } = crm;
  for (const user of DEMO_USERS) {
    const existing = tenancy.userByEmail(user.email);
    if (!existing) tenancy.createUser(user, organizationId, 'user');
    else if (!tenancy.isMember(existing.id, organizationId))
      tenancy.addMember(existing.id, organizationId, 'user');
  }
  return tenancy.usersOf(organizationId);
}

function ensureRenewalsPipeline(crm: Crm, context: WriteContext): void {
  if (
    crm.statuses.pipelines(context.organizationId).some((pipeline) => pipeline.name === 'Renewals')
  )
    return;
  const pipeline = crm.statuses.createPipeline(context, { name: 'Renewals' });
  for (const [label, type] of [
    ['Up for Renewal', 'active'],
    ['Renewed', 'won'],
    ['Churned', 'lost'],
  ] as const) {
    crm.statuses.createOpportunityStatus(context, { label, type, pipeline_id: pipeline.id });
  }
}

function ensureCustomFields(
  crm: Crm,
  context: WriteContext,
  objectType: 'lead' | 'contact' | 'opportunity',
  inputs: CustomFieldInput[],
): Record<string, CustomField> {
  const byName: Record<string, CustomField> = {};
  for (const input of inputs) {
    byName[input.name] =
      crm.customFields.resolve(context.organizationId, objectType, input.name) ??
      crm.customFields.create(context, objectType, input);
  }
  return byName;
}
