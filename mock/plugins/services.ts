/**
 * The domain services every route uses, opened once per app on one database and closed with it.
 */
import fp from 'fastify-plugin';
import { openDatabase, type Db } from '../store/db.js';
import { ApiKeyService } from '../services/api-keys.js';
import { EventService } from '../services/events.js';
import { TenancyService } from '../services/tenancy.js';

export type Services = {
  db: Db;
  tenancy: TenancyService;
  apiKeys: ApiKeyService;
  events: EventService;
};

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export default fp<{ dbPath: string; lastUsedFlushMs?: number }>(
  async (app, options) => {
    const db = openDatabase(options.dbPath);
    const services: Services = {
      db,
      tenancy: new TenancyService(db),
      apiKeys: new ApiKeyService(db, options.lastUsedFlushMs),
      events: new EventService(db),
    };
    services.tenancy.ensureDefaultTenant();
    app.decorate('services', services);
    app.addHook('onClose', async () => {
      services.apiKeys.close();
      db.close();
    });
  },
  { name: 'services' },
);
