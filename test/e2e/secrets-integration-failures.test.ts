/**
 * The integration's errors under a 429, a 500, a dropped connection and a deleted key: every operation the integration registers fails with an error that never quotes
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
    FAULT_SCENARIOS[429],
    FAULT_SCENARIOS[500],
    FAULT_SCENARIOS.drop,
    FAULT_SCENARIOS.deleted,
  ];
  expect(await errorPathProblems(server, scenarios)).toEqual([]);
}, 120_000);
