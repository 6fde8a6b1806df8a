/**
 * Shared setup for the mock server's route tests: an app on an in-memory store, an API key of
 * the default organization (and of other organizations on demand), `app.inject` wrappers that
 * send requests as Close expects (Basic auth, JSON), and a reader of the event log.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../mock/app.js';
import type { CloseEvent } from '../../shared/close-objects.js';

export const ADMIN_TOKEN = 'test-admin-token';

export type Tenant = { key: string; keyId: string; organizationId: string; userId: string };

/** A JSON object as the tests look at it. */
export type Json = Record<string, unknown>;

export type Response = LightMyRequestResponse & {
  /** The body as an object. */
  object: Json;
  /** `data` of a list body. */
  items: Json[];
};

export type Client = {
  get: (url: string) => Promise<Response>;
  post: (url: string, body?: unknown) => Promise<Response>;
  put: (url: string, body?: unknown) => Promise<Response>;
  delete: (url: string) => Promise<Response>;
  request: (options: InjectOptions) => Promise<Response>;
};

export async function testApp(options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ dbPath: ':memory:', adminToken: ADMIN_TOKEN, ...options });
  await app.ready();
  return app;
}

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
let keyCounter = 0;

async function issueKey(
  app: FastifyInstance,
  owner: { organization_id?: string; user_id?: string },
): Promise<Tenant> {
  keyCounter += 1;
  const response = await app.inject({
    method: 'POST',
    url: '/_mock/keys',
    headers: admin,
    payload: { name: `test key ${keyCounter}`, ...owner },
  });
  const body = response.json<{
    key: string;
    id: string;
    organization_id: string;
    user_id: string;
  }>();
  return {
    key: body.key,
    keyId: body.id,
    organizationId: body.organization_id,
    userId: body.user_id,
  };
}

/** A key of the default organization's first user. */
export const defaultTenant = (app: FastifyInstance): Promise<Tenant> => issueKey(app, {});

/** A new organization (through the control plane) and a key of its owner. */
export async function newTenant(app: FastifyInstance, name = 'Other Org'): Promise<Tenant> {
  keyCounter += 1;
  const created = await app.inject({
    method: 'POST',
    url: '/_mock/organizations',
    headers: admin,
    payload: { name, owner: { email: `owner${keyCounter}@other.example`, first_name: 'Olive' } },
  });
  const { organization, owner } = created.json<{
    organization: { id: string };
    owner: { id: string };
  }>();
  return issueKey(app, { organization_id: organization.id, user_id: owner.id });
}

function wrap(response: LightMyRequestResponse): Response {
  let parsed: unknown;
  try {
    parsed = response.body ? JSON.parse(response.body) : {};
  } catch {
    parsed = {};
  }
  const object = (parsed ?? {}) as Json;
  const items = Array.isArray(object.data) ? (object.data as Json[]) : [];
  return Object.assign(response, { object, items });
}

export function client(app: FastifyInstance, tenant: Tenant): Client {
  const authorization = `Basic ${Buffer.from(`${tenant.key}:`).toString('base64')}`;
  const request = async (options: InjectOptions) =>
    wrap(await app.inject({ ...options, headers: { authorization, ...options.headers } }));
  const withBody =
    (method: 'POST' | 'PUT') =>
    (url: string, body: unknown = {}) =>
      request({
        method,
        url: `/api/v1${url}`,
        payload: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
  return {
    get: (url) => request({ method: 'GET', url: `/api/v1${url}` }),
    post: withBody('POST'),
    put: withBody('PUT'),
    delete: (url) => request({ method: 'DELETE', url: `/api/v1${url}` }),
    request,
  };
}

/** The events of an organization, oldest first (straight from the store). */
export function eventsOf(app: FastifyInstance, organizationId: string): CloseEvent[] {
  return app.services.db
    .prepare('SELECT body FROM events WHERE organization_id = ? ORDER BY seq')
    .all(organizationId)
    .map((row) => JSON.parse(String(row.body)) as CloseEvent);
}

/** `id` of a created object, checking that the create worked. */
export function idOf(response: Response): string {
  if (response.statusCode !== 200 || typeof response.object.id !== 'string') {
    throw new Error(`expected a created object, got ${response.statusCode}: ${response.body}`);
  }
  return response.object.id;
}

export const ids = (items: Json[]): string[] => items.map((item) => String(item.id));
