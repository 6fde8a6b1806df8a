/**
 * The domain services every route uses, opened once per app on one database and closed with it.
 */
import fp from 'fastify-plugin';
import { openDatabase, type Db } from '../store/db.js';
import { ApiKeyService } from '../services/api-keys.js';
import { Crm } from '../services/crm.js';
import { EventService } from '../services/events.js';
import { TenancyService } from '../services/tenancy.js';

export type Services = {
  db: Db;
  tenancy: TenancyService;
  apiKeys: ApiKeyService;
  events: EventService;
  crm: Crm;
};

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export default fp<{ dbPath: string; lastUsedFlushMs?: number }>(
  async (app, options) => {
    const db = openDatabase(options.dbPath);
    const tenancy = new TenancyService(db);
    const events = new EventService(db);
    const crm = new Crm(db, events, tenancy);
    // Every organization, old or new, starts with Close's default statuses and pipeline.
    tenancy.onOrganizationCreated((organization) =>
      crm.statuses.ensureDefaults(organization.id, organization.date_created),
    );
    const services: Services = {
      db,
      tenancy,
      apiKeys: new ApiKeyService(db, options.lastUsedFlushMs),
      events,
      crm,
    };
    services.tenancy.ensureDefaultTenant();
    for (const organization of tenancy.organizations()) {
      crm.statuses.ensureDefaults(organization.id, organization.date_created);
    }
    app.decorate('services', services);
    app.addHook('onClose', async () => {
      services.apiKeys.close();
      db.close();
    });
  },
  { name: 'services' },
);
