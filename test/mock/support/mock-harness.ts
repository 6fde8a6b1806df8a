/**
 * Test support for the mock server: an in-memory app listening on 127.0.0.1 with an API key,
 * Basic/admin headers, raw HTTP requests to it, events written straight into the event log (as
 * the CRM routes do), a second tenant, a local webhook receiver and a poll-until helper.
 *
 * Requests go over real loopback HTTP rather than `app.inject`: light-my-request loads the
 * ESM-only `cookie` package with `require`, which jest's module runtime cannot do on Node 22.
 */
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../../mock/app.js';
import type { EventInput } from '../../../mock/services/events.js';
import type { CloseEvent } from '../../../shared/close-objects.js';

export const ADMIN_TOKEN = 'mock_admin_test-token-for-jest-only';

/** Close's documented example filter: only updates that changed the lead's status. */
export const STATUS_CHANGED_FILTER = {
  type: 'field_accessor',
  field: 'changed_fields',
  filter: { type: 'contains', value: 'status_id' },
} as const;

export const basicAuth = (key: string): string =>
  `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

export type Tenant = { organizationId: string; userId: string; key: string; keyId: string };

export type Harness = {
  app: FastifyInstance;
  url: string;
  tenant: Tenant;
  auth: string;
  admin: string;
  request: (options: RequestOptions) => Promise<Answer>;
};

export type RequestOptions = {
  method?: string;
  url: string;
  headers?: OutgoingHttpHeaders;
  /** An object is sent as JSON; a string or Buffer verbatim. */
  payload?: unknown;
};

export type Answer = {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: string;
  json: <T = unknown>() => T;
};

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/** One HTTP request to `baseUrl`, with nothing normalized: any method, header or body. */
export function send(baseUrl: string, options: RequestOptions): Promise<Answer> {
  const headers: OutgoingHttpHeaders = { ...options.headers };
  let body: Buffer | undefined;
  if (options.payload !== undefined) {
    if (typeof options.payload === 'string' || Buffer.isBuffer(options.payload)) {
      body = Buffer.from(options.payload);
    } else {
      body = Buffer.from(JSON.stringify(options.payload));
      headers['content-type'] ??= 'application/json';
    }
    headers['content-length'] ??= String(body.length);
  }
  // A path is sent verbatim (a URL object would resolve `..` and `%2e%2e` and turn `\` into
  // `/`, hiding exactly what path traversal tests send); anything else is resolved as a URL.
  const verbatim = /^\/[\u0021-\u00ff]*$/.test(options.url);
  const url = new URL(verbatim ? baseUrl : options.url, baseUrl);
  const path = verbatim ? options.url : url.pathname + url.search;
  const target = { hostname: url.hostname, port: url.port, path };
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { ...target, method: options.method ?? 'GET', headers, agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            statusCode: response.statusCode ?? 0,
            headers: response.headers,
            body: text,
            json: <T>() => JSON.parse(text) as T,
          });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export async function buildHarness(
  options: Partial<AppOptions> = {},
  beforeReady?: (app: FastifyInstance) => void,
): Promise<Harness> {
  const app = await buildApp({ dbPath: ':memory:', adminToken: ADMIN_TOKEN, ...options });
  beforeReady?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const { organization, owner } = app.services.tenancy.ensureDefaultTenant();
  const tenant = issueKey(app, organization.id, owner.id);
  return {
    app,
    url,
    tenant,
    auth: basicAuth(tenant.key),
    admin: `Bearer ${ADMIN_TOKEN}`,
    request: (options) => send(url, options),
  };
}

export function issueKey(app: FastifyInstance, organizationId: string, userId: string): Tenant {
  const { key, listing } = app.services.apiKeys.create({
    name: `Test key ${Math.random().toString(36).slice(2)}`,
    userId,
    organizationId,
  });
  return { organizationId, userId, key, keyId: listing.id };
}

export function otherTenant(app: FastifyInstance): Tenant {
  const suffix = Math.random().toString(36).slice(2);
  const { organization, user } = app.services.tenancy.createOrganization({
    name: `Other Co ${suffix}`,
    owner: { email: `other-${suffix}@example.com`, first_name: 'Olive', last_name: 'Other' },
  });
  return issueKey(app, organization.id, user.id);
}

/** Writes an event as a CRM route would (defaults: a lead created by the tenant's key). */
export function recordEvent(
  app: FastifyInstance,
  tenant: Tenant,
  input: Partial<Omit<EventInput, 'organizationId'>> = {},
): CloseEvent {
  const objectId = input.objectId ?? `lead_${Math.random().toString(36).slice(2, 12)}`;
  return app.services.events.record({
    organizationId: tenant.organizationId,
    objectType: input.objectType ?? 'lead',
    action: input.action ?? 'created',
    objectId,
    leadId: input.leadId === undefined ? objectId : input.leadId,
    data: input.data ?? { id: objectId, name: 'Acme Inc' },
    ...(input.previousData && { previousData: input.previousData }),
    actor: input.actor ?? { userId: tenant.userId, apiKeyId: tenant.keyId },
  });
}

/** Polls `check` until it returns something truthy, or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export type Received = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

export type Receiver = {
  url: string;
  received: Received[];
  /** Statuses for the next requests, in order; 200 after they run out. */
  answerWith: (...statuses: number[]) => void;
  /** Delay before answering, for slow receivers. */
  delayMs: number;
  close: () => Promise<void>;
};

/** A webhook receiver on 127.0.0.1 with an ephemeral port that records what it is sent. */
export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      setTimeout(() => {
        response.statusCode = statuses.shift() ?? 200;
        response.end('{}');
      }, receiver.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}/hooks/close`,
    received,
    answerWith: (...next) => statuses.push(...next),
    delayMs: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return receiver;
}
