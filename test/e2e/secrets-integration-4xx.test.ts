/**
 * The integration's errors under Close's 400, 401, 403 and 404: every operation the integration registers fails with an error that never quotes
 * the key's secret (see test/support/integration-error-paths.ts).
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import {
  errorPathProblems,
  FAULT_SCENARIOS,
  operations,
} from '../support/integration-error-paths.js';
import { startTestServer, type TestServer } from '../support/mock-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

it('raises no error that quotes the secret, on any of these error paths of any operation', async () => {
  expect(operations().length).toBeGreaterThan(1);
  const scenarios = [
    FAULT_SCENARIOS[400],
    FAULT_SCENARIOS[401],
    FAULT_SCENARIOS[403],
    FAULT_SCENARIOS[404],
  ];
  expect(await errorPathProblems(server, scenarios)).toEqual([]);
}, 120_000);
