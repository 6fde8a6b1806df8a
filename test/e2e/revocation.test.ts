/**
 * Revocation under load, over real HTTP: clients hammer `/me/` with one key while it is deleted
 * mid-run. Every request that starts after the delete call returned must be refused; requests
 * before it succeed. (Deleting is a synchronous write and verification reads the store on every
 * request, so there is no cache to go stale.)
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import got from 'got';
import { startTestServer, type TestServer } from '../support/mock-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

it('refuses every request that starts after the delete returned', async () => {
  const { id, key } = await server.createKey('Hammered');
  const client = got.extend({
    prefixUrl: `${server.url}/api/v1/`,
    username: key,
    password: '',
    throwHttpErrors: false,
    retry: { limit: 0 },
  });
  const results: { startedAt: number; status: number }[] = [];
  let deletedAt = Number.POSITIVE_INFINITY;
  let stop = false;
  const worker = async () => {
    while (!stop) {
      const startedAt = performance.now();
      const response = await client.get('me/');
      results.push({ startedAt, status: response.statusCode });
    }
  };
  const workers = Array.from({ length: 20 }, worker);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await server.control.delete(`keys/${id}`);
  deletedAt = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 300));
  stop = true;
  await Promise.all(workers);

  const before = results.filter((result) => result.startedAt < deletedAt);
  const after = results.filter((result) => result.startedAt > deletedAt);
  expect(before.length).toBeGreaterThan(20);
  expect(after.length).toBeGreaterThan(20);
  expect(before.filter((result) => result.status === 200).length).toBeGreaterThan(0);
  expect(after.filter((result) => result.status !== 401)).toEqual([]);
});
