/**
 * Builds the mock Close server as a Fastify app: zod for validation and serialization, one
 * error shape, the domain services, then the routes by area — the Close API under `/api/v1`,
 * the control plane under `/_mock`. `server.ts` is only the process entry around this.
 */
import Fastify, {
  type FastifyInstance,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { registerErrorHandling } from './errors.js';
import { secretRedactor, type Redactor } from './redact.js';
import { adminTokenMatcher } from './plugins/admin-auth.js';
import bodyDepth from './plugins/body-depth.js';
import services from './plugins/services.js';
import faults from './plugins/faults.js';
import openapi from './plugins/openapi.js';
import routeCatalog from './plugins/route-catalog.js';
import type { RateLimitOptions } from './services/rate-limits.js';
import type { DeliveryOptions } from './services/webhook-deliveries.js';
import { seedDemo, type SeedSummary } from './services/seed.js';
import api from './routes/api/index.js';
import control from './routes/control/index.js';
import settings from './routes/settings/index.js';

export type AppOptions = {
  /** SQLite file path, or `:memory:`. */
  dbPath: string;
  adminToken: string;
  logger?: FastifyServerOptions['logger'];
  /** How far behind the key list's "last used" may be (the batch interval). */
  lastUsedFlushMs?: number;
  bodyLimitBytes?: number;
  /** Requests per API key, endpoint group and window (the organization gets 3×). */
  rateLimit?: Partial<RateLimitOptions>;
  /** Webhook delivery: concurrency, timeout, retry backoff and attempts. */
  webhooks?: DeliveryOptions;
  /** `demo` loads the demo organization into the default one (unless it has leads already). */
  seed?: SeedMode;
  /** How many leads the demo seed makes (default 300). */
  seedLeads?: number;
};

export const SEED_MODES = ['demo', 'empty'] as const;
export type SeedMode = (typeof SEED_MODES)[number];

declare module 'fastify' {
  interface FastifyInstance {
    /** What `seed: 'demo'` wrote at start, if anything. */
    seeded: SeedSummary | null;
  }
}

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The logger options with a request serializer that logs what Fastify logs by default, with
 * secrets taken out of the URL (a key or the admin token may have been sent in a query string).
 */
function withRedactedUrls(
  logger: FastifyServerOptions['logger'],
  redact: Redactor,
): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const options = logger === true ? {} : logger;
  return {
    ...options,
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redact(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
      ...options.serializers,
    },
  };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const redact = secretRedactor(options.adminToken);
  const app = Fastify({
    logger: withRedactedUrls(options.logger, redact),
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    // Close's paths end in "/"; clients that drop it still reach the route.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app, redact);

  await app.register(services, {
    dbPath: options.dbPath,
    ...(options.lastUsedFlushMs !== undefined && { lastUsedFlushMs: options.lastUsedFlushMs }),
    ...(options.rateLimit && { rateLimit: options.rateLimit }),
    ...(options.webhooks && { webhooks: options.webhooks }),
  });
  await app.register(routeCatalog);
  await app.register(openapi);
  await app.register(faults);
  await app.register(bodyDepth);

  app.decorate('seeded', null);
  if (options.seed === 'demo') {
    const { organization } = app.services.tenancy.ensureDefaultTenant();
    if (app.services.crm.leads.table.count(organization.id) === 0) {
      app.seeded = seedDemo(app.services, {
        organizationId: organization.id,
        ...(options.seedLeads !== undefined && { leads: options.seedLeads }),
      });
    }
  }

  app.get('/_mock/health', async () => ({ status: 'ok' }));
  await app.register(api, { prefix: '/api/v1' });
  await app.register(control, {
    prefix: '/_mock',
    matchesAdminToken: adminTokenMatcher(options.adminToken),
  });
  await app.register(settings, { matchesAdminToken: adminTokenMatcher(options.adminToken) });
  return app;
}
