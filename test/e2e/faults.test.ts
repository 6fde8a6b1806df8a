/**
 * The integration under real faults, injected by the mock server over HTTP (no nock): each
 * becomes a clear error for the user, none a crash, and none quotes the key's secret.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import zapier from 'zapier-platform-core';
import { z as zod } from 'zod';
import { connectionTest } from '../../src/authentication.js';
import { closeRequest } from '../../src/lib/close-request.js';
import App from '../../src/index.js';
import { startTestServer, type TestServer } from '../support/mock-server.js';
import { rejectionOf, type UserFacingError } from '../support/zapier-errors.js';

const appTester = zapier.createAppTester(App);
let server: TestServer;
let key: string;

beforeAll(async () => {
  server = await startTestServer();
  process.env.CLOSE_API_BASE_URL = server.url;
  key = (await server.createKey('Faults')).key;
});
afterEach(() => server.control.delete('faults'));
afterAll(async () => {
  delete process.env.CLOSE_API_BASE_URL;
  await server.stop();
});

const inject = (fault: Record<string, unknown>) =>
  server.control.post('faults', {
    json: { method: 'GET', path: '/api/v1/me/', count: 1, ...fault },
  });

async function failureOfConnectionTest(): Promise<UserFacingError> {
  const error = await rejectionOf(appTester(connectionTest, { authData: { api_key: key } }));
  expect(JSON.stringify(error)).not.toContain(key.split('.')[1]);
  return error;
}

describe('the integration against injected faults', () => {
  it('429 with Retry-After: a throttled error that waits that long', async () => {
    await inject({ status: 429, headers: { 'Retry-After': '12' }, body: { error: 'Too many' } });
    const error = await failureOfConnectionTest();
    expect(error).toMatchObject({ name: 'ThrottledError', delay: 12 });
    expect(error.message).toContain("Close's rate limit for this API key was reached");
  });

  it.each([500, 502, 503])('%i: a retryable error saying Close is unavailable', async (status) => {
    await inject({ status, body: { error: 'boom' } });
    const error = await failureOfConnectionTest();
    expect(error.name).toBe('ThrottledError');
    expect(error.message).toContain(`Close is unavailable right now (HTTP ${status} on GET /me/)`);
  });

  it('a delay past the timeout: says Close did not answer in time', async () => {
    await inject({ delay_ms: 1500 });
    const error = await rejectionOf(
      appTester((z) => closeRequest(z, { url: '/me/', timeout: 300 }, zod.unknown()), {
        authData: { api_key: key },
      }),
    );
    expect(error.message).toContain('Close did not answer GET /me/ within 0.3 seconds');
  });

  it('a dropped connection: says Close could not be reached', async () => {
    await inject({ drop: true });
    const error = await failureOfConnectionTest();
    expect(error.message).toContain('Could not reach Close for GET /me/');
  });

  it('malformed JSON in a 200: says the answer was not JSON', async () => {
    await inject({
      status: 200,
      body: '{"id": "user_',
      headers: { 'Content-Type': 'application/json' },
    });
    const error = await failureOfConnectionTest();
    expect(error.message).toContain('with something that is not JSON');
  });

  it('works again once the faults are used up', async () => {
    await inject({ status: 503 });
    await failureOfConnectionTest();
    await expect(appTester(connectionTest, { authData: { api_key: key } })).resolves.toMatchObject({
      email: 'sam.seller@example.com',
    });
  });
});
