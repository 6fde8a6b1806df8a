/**
 * The domain services every route uses, opened once per app on one database and closed with it.
 */
import fp from 'fastify-plugin';
import { openDatabase, type Db } from '../store/db.js';
import { ApiKeyService } from '../services/api-keys.js';
import { Crm } from '../services/crm.js';
import { EventService } from '../services/events.js';
import { TenancyService } from '../services/tenancy.js';
import { EventLog } from '../services/event-log.js';
import { FaultService } from '../services/faults.js';
import { RateLimiter, type RateLimitOptions } from '../services/rate-limits.js';
import { ResetService } from '../services/reset.js';
import { WebhookDeliveryService, type DeliveryOptions } from '../services/webhook-deliveries.js';
import { WebhookService } from '../services/webhooks.js';

export type Services = {
  db: Db;
  tenancy: TenancyService;
  apiKeys: ApiKeyService;
  events: EventService;
  eventLog: EventLog;
  webhooks: WebhookService;
  deliveries: WebhookDeliveryService;
  rateLimits: RateLimiter;
  faults: FaultService;
  reset: ResetService;
  crm: Crm;
};

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export default fp<{
  dbPath: string;
  lastUsedFlushMs?: number;
  rateLimit?: Partial<RateLimitOptions>;
  webhooks?: DeliveryOptions;
}>(
  async (app, options) => {
    const db = openDatabase(options.dbPath);
    const tenancy = new TenancyService(db);
    const events = new EventService(db);
    const webhooks = new WebhookService(db);
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
      eventLog: new EventLog(db),
      webhooks,
      deliveries: new WebhookDeliveryService(db, events, webhooks, options.webhooks),
      rateLimits: new RateLimiter(options.rateLimit),
      faults: new FaultService(),
      reset: new ResetService(db),
      crm,
    };
    services.tenancy.ensureDefaultTenant();
    const ensureDefaultStatuses = () => {
      for (const organization of tenancy.organizations()) {
        crm.statuses.ensureDefaults(organization.id, organization.date_created);
      }
    };
    ensureDefaultStatuses();
    services.deliveries.start();
    services.reset.onReset(() => {
      services.deliveries.clear();
      services.rateLimits.reset();
      services.faults.clear();
      // A reset empties the CRM tables, statuses and pipelines included.
      ensureDefaultStatuses();
    });
    app.decorate('services', services);
    app.addHook('onClose', async () => {
      await services.deliveries.close();
      services.apiKeys.close();
      db.close();
    });
  },
  { name: 'services' },
);
