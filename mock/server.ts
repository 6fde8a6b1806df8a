/**
 * Starts the mock Close server on 127.0.0.1: opens the store, makes sure the default
 * organization exists, issues the bootstrap API key on the very first start, and listens.
 * Used by the CLI and by end-to-end tests (port 0 = an ephemeral port).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp, type AppOptions, type SeedMode } from './app.js';
import type { SeedSummary } from './services/seed.js';

export type StartOptions = {
  port?: number;
  host?: string;
  dbPath?: string;
  /** Taken from CLOSE_MOCK_ADMIN_TOKEN by the CLI; generated when absent. */
  adminToken?: string;
  logger?: FastifyServerOptions['logger'];
  lastUsedFlushMs?: number;
  rateLimit?: AppOptions['rateLimit'];
  webhooks?: AppOptions['webhooks'];
  seed?: SeedMode;
  seedLeads?: number;
};

export type RunningServer = {
  app: FastifyInstance;
  url: string;
  adminToken: string;
  /** The full bootstrap key, on the first start of a store only. */
  bootstrapKey?: string;
  /** What the demo seed wrote at this start, if anything. */
  seeded: SeedSummary | null;
  close: () => Promise<void>;
};

export const DEFAULT_PORT = 4010;
const BOOTSTRAP_DONE = 'bootstrap_key_issued';

export function generateAdminToken(): string {
  return `mock_admin_${randomBytes(24).toString('base64url')}`;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const adminToken = options.adminToken ?? generateAdminToken();
  const app = await buildApp({
    dbPath: options.dbPath ?? ':memory:',
    adminToken,
    logger: options.logger ?? false,
    ...(options.lastUsedFlushMs !== undefined && { lastUsedFlushMs: options.lastUsedFlushMs }),
    ...(options.rateLimit && { rateLimit: options.rateLimit }),
    ...(options.webhooks && { webhooks: options.webhooks }),
    ...(options.seed && { seed: options.seed }),
    ...(options.seedLeads !== undefined && { seedLeads: options.seedLeads }),
  });
  const { tenancy, apiKeys } = app.services;
  let bootstrapKey: string | undefined;
  if (!tenancy.getMeta(BOOTSTRAP_DONE)) {
    const { organization, owner } = tenancy.ensureDefaultTenant();
    bootstrapKey = apiKeys.create({
      name: 'Bootstrap key',
      userId: owner.id,
      organizationId: organization.id,
    }).key;
    tenancy.setMeta(BOOTSTRAP_DONE, new Date().toISOString());
  }
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host}:${port}`;
  return {
    app,
    url,
    adminToken,
    ...(bootstrapKey && { bootstrapKey }),
    seeded: app.seeded,
    close: () => app.close(),
  };
}
