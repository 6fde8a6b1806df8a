/**
 * Test helpers for the mock server: an app on `:memory:` for `inject` tests, and Basic/Bearer
 * header builders.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../mock/app.js';

export const TEST_ADMIN_TOKEN = 'mock_admin_test_token_0123456789abcdef';

export async function buildTestApp(options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ dbPath: ':memory:', adminToken: TEST_ADMIN_TOKEN, ...options });
  await app.ready();
  return app;
}

export const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
export const bearer = (token: string = TEST_ADMIN_TOKEN) => `Bearer ${token}`;

let keyCounter = 0;

/** Creates a key through the control plane (a unique name unless given) and returns it. */
export async function createKey(
  app: FastifyInstance,
  body: { name: string; organization_id?: string; user_id?: string } = {
    name: `Test key ${++keyCounter}`,
  },
): Promise<{ key: string; id: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/_mock/keys',
    headers: { authorization: bearer() },
    payload: body,
  });
  if (response.statusCode !== 201) throw new Error(`key creation failed: ${response.body}`);
  return response.json<{ key: string; id: string }>();
}
