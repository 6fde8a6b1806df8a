/**
 * Shared setup for the mock server's route tests: an app on an in-memory store, an API key of
 * the default organization (and of a second one on demand), and `app.inject` wrappers that send
 * it as Close expects (Basic auth, JSON).
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../mock/app.js';

export const ADMIN_TOKEN = 'test-admin-token';

export type Tenant = { key: string; organizationId: string; userId: string };

export type Client = {
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  put: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  delete: (url: string) => Promise<LightMyRequestResponse>;
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
};

export async function testApp(): Promise<FastifyInstance> {
  const app = await buildApp({ dbPath: ':memory:', adminToken: ADMIN_TOKEN });
  await app.ready();
  return app;
}

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** A key of the default organization's first user. */
export async function defaultTenant(app: FastifyInstance): Promise<Tenant> {
  const response = await app.inject({
    method: 'POST',
    url: '/_mock/keys',
    headers: admin,
    payload: { name: `key ${Math.random()}` },
  });
  const body = response.json<{ key: string; organization_id: string; user_id: string }>();
  return { key: body.key, organizationId: body.organization_id, userId: body.user_id };
}

/** A new organization (through the control plane) and a key of its owner. */
export async function newTenant(app: FastifyInstance, name = 'Other Org'): Promise<Tenant> {
  const created = await app.inject({
    method: 'POST',
    url: '/_mock/organizations',
    headers: admin,
    payload: { name, owner: { email: `owner-${Math.random()}@example.org`, first_name: 'Olive' } },
  });
  const { organization, owner } = created.json<{
    organization: { id: string };
    owner: { id: string };
  }>();
  const response = await app.inject({
    method: 'POST',
    url: '/_mock/keys',
    headers: admin,
    payload: { name: 'other', organization_id: organization.id, user_id: owner.id },
  });
  return {
    key: response.json<{ key: string }>().key,
    organizationId: organization.id,
    userId: owner.id,
  };
}

export function client(app: FastifyInstance, tenant: Tenant): Client {
  const authorization = `Basic ${Buffer.from(`${tenant.key}:`).toString('base64')}`;
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { authorization, ...options.headers } });
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

/** The JSON body of a response, typed loosely for assertions. */
export const body = (
  response: LightMyRequestResponse,
): Record<string, unknown> & { data?: Record<string, unknown>[] } => response.json();
