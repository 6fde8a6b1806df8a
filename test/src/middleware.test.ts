/**
 * The integration's one HTTP path, with nock: what every request carries, the local key checks
 * that run before any request, and Close's statuses mapped to errors users can act on. No error
 * may contain the key's secret part.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../src/index.js';
import { USER_AGENT } from '../../src/lib/config.js';
import { closeGet, closeRequest } from '../../src/lib/close-request.js';
import { z as zod } from 'zod';
import { rejectionOf, type UserFacingError } from '../support/zapier-errors.js';

const appTester = zapier.createAppTester(App);
const BASE = 'http://close.test';
// Not Close's documentation example (error messages quote that one on purpose).
const KEY_ID = 'api_Zt4pQ8rW2xY6nB1mC5vK9s';
const SECRET = 'Hs7Gd3Lq8Wn2Xv6Tp1Ym5J';
const KEY = `${KEY_ID}.${SECRET}`;
const bundle = { authData: { api_key: KEY } };
const anything = zod.unknown();

const getMe = (z: ZObject) => closeGet(z, '/me/', anything);

/** Runs a perform through the app tester and returns the error the user would see. */
async function errorOf(
  perform: (z: ZObject, bundle: Bundle) => Promise<unknown>,
  authData: Record<string, string> = bundle.authData,
): Promise<UserFacingError> {
  const error = await rejectionOf(appTester(perform, { authData }));
  expect(JSON.stringify(error)).not.toContain(SECRET);
  return error;
}

beforeAll(() => {
  process.env.CLOSE_API_BASE_URL = BASE;
  nock.disableNetConnect();
});
afterEach(() => {
  expect(nock.isDone()).toBe(true);
  nock.cleanAll();
});
afterAll(() => {
  nock.enableNetConnect();
  // Un-patch http: nock's interceptor is registered process-wide, and a copy left active would
  // swallow the interceptors of the next test file this worker runs (see test/support/nock.ts).
  nock.restore();
  delete process.env.CLOSE_API_BASE_URL;
});

describe('every request', () => {
  it('goes to CLOSE_API_BASE_URL/api/v1 with Basic auth, the key as username, and our User-Agent', async () => {
    const expected = `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`;
    nock(BASE, {
      reqheaders: { authorization: expected, 'user-agent': USER_AGENT, accept: 'application/json' },
    })
      .get('/api/v1/me/')
      .reply(200, { ok: true });
    await expect(appTester(getMe, bundle)).resolves.toEqual({ ok: true });
  });

  it('uses the trimmed key when the user pasted spaces and a trailing colon', async () => {
    const expected = `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`;
    nock(BASE, { reqheaders: { authorization: expected } })
      .get('/api/v1/me/')
      .reply(200, {});
    await appTester(getMe, { authData: { api_key: `  ${KEY}:\n` } });
  });

  it('accepts a base URL that already ends in /api/v1/', async () => {
    process.env.CLOSE_API_BASE_URL = `${BASE}/api/v1/`;
    try {
      nock(BASE).get('/api/v1/me/').reply(200, {});
      await appTester(getMe, bundle);
    } finally {
      process.env.CLOSE_API_BASE_URL = BASE;
    }
  });

  it('defaults to https://api.close.com', async () => {
    delete process.env.CLOSE_API_BASE_URL;
    try {
      nock('https://api.close.com').get('/api/v1/me/').reply(200, {});
      await appTester(getMe, bundle);
    } finally {
      process.env.CLOSE_API_BASE_URL = BASE;
    }
  });

  it('never sends the key to another host', async () => {
    nock('http://elsewhere.test', { badheaders: ['authorization'] })
      .get('/x')
      .reply(200, {});
    await appTester(
      (z: ZObject) => closeRequest(z, { url: 'http://elsewhere.test/x' }, anything),
      bundle,
    );
  });
});

describe('the local key check, before any request', () => {
  it('tells a user who pasted the key ID that it is the ID, and how to get the key', async () => {
    const error = await errorOf(getMe, { api_key: KEY_ID });
    expect(error.message).toContain(`You entered the API key's ID (${KEY_ID})`);
    expect(error.message).toContain('Settings → Developer → API Keys');
  });

  it('asks for a key when none was entered', async () => {
    expect((await errorOf(getMe, { api_key: ' ' })).message).toContain('No Close API key');
  });

  it('explains a value that cannot be a key, without repeating it', async () => {
    const pasted = 'sk_live_notAclosekeyAtAll1234567890';
    const error = await errorOf(getMe, { api_key: pasted });
    expect(error.message).toContain('That is not a Close API key: it does not start with "api_"');
    expect(error.message).not.toContain(pasted);
  });
});

describe("Close's error statuses", () => {
  it('401: the key was rejected; Zapier asks the user to reconnect', async () => {
    nock(BASE).get('/api/v1/me/').reply(401, { error: 'Unauthorized' });
    const error = await errorOf(getMe);
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain(`Close rejected the API key ${KEY_ID}`);
    expect(error.message).toContain('reconnect');
  });

  it('403: not allowed, with what to do', async () => {
    nock(BASE).get('/api/v1/me/').reply(403, { error: 'Insufficient permissions' });
    const error = await errorOf(getMe);
    expect(error.message).toContain('Close refused GET /me/ (403 Forbidden)');
    expect(error.message).toContain('Insufficient permissions');
  });

  it('404: names what is missing', async () => {
    nock(BASE).get('/api/v1/lead/lead_x/').reply(404, { error: 'Not found' });
    const error = await errorOf((z) =>
      closeGet(z, '/lead/lead_x/', anything, undefined, { subject: 'lead lead_x' }),
    );
    expect(error.message).toContain('Close has no lead lead_x (404 on GET /lead/lead_x/)');
  });

  it('400: lists each field error, by the label the user saw', async () => {
    nock(BASE)
      .post('/api/v1/lead/')
      .reply(400, {
        errors: [],
        'field-errors': { status_id: 'Unknown status.', url: 'Enter a valid URL.' },
      });
    const error = await errorOf((z) =>
      closeRequest(
        z,
        {
          url: '/lead/',
          method: 'POST',
          body: {},
          middlewareData: { fieldLabels: { status_id: 'Lead Status' } },
        },
        anything,
      ),
    );
    expect(error.message).toContain('Lead Status: Unknown status.; url: Enter a valid URL.');
  });

  it('429: a throttled error that waits as long as Retry-After says', async () => {
    nock(BASE).get('/api/v1/me/').reply(429, { error: 'slow down' }, { 'Retry-After': '7' });
    const error = await errorOf(getMe);
    expect(error.name).toBe('ThrottledError');
    expect(error.delay).toBe(7);
    expect(error.message).toContain('rate limit');
  });

  it('429 without Retry-After: the RateLimit reset', async () => {
    nock(BASE).get('/api/v1/me/').reply(429, {}, { RateLimit: 'limit=40, remaining=0, reset=2.5' });
    expect((await errorOf(getMe)).delay).toBe(3);
  });

  it.each([500, 502, 503, 504])(
    '%i: a retryable error saying Close is unavailable',
    async (status) => {
      nock(BASE).get('/api/v1/me/').reply(status, 'upstream failure');
      const error = await errorOf(getMe);
      expect(error.name).toBe('ThrottledError');
      expect(error.message).toContain(`Close is unavailable right now (HTTP ${status}`);
    },
  );

  it('a timeout: says Close did not answer in time', async () => {
    nock(BASE).get('/api/v1/me/').delay(300).reply(200, {});
    const error = await errorOf((z) => closeRequest(z, { url: '/me/', timeout: 50 }, anything));
    expect(error.message).toContain('Close did not answer GET /me/ within 0.05 seconds');
  });

  it('a dropped connection: says Close could not be reached', async () => {
    nock(BASE).get('/api/v1/me/').replyWithError('socket hang up');
    const error = await errorOf((z) => closeRequest(z, { url: '/me/', timeout: 2000 }, anything));
    expect(error.message).toContain('Could not reach Close for GET /me/');
  });

  it('malformed JSON in a 200: says the answer was not JSON', async () => {
    nock(BASE).get('/api/v1/me/').reply(200, '{"data": [', { 'Content-Type': 'application/json' });
    const error = await errorOf(getMe);
    expect(error.message).toContain('with something that is not JSON');
  });

  it('a 200 in an unexpected shape: names the field', async () => {
    nock(BASE).get('/api/v1/me/').reply(200, { id: 42 });
    const error = await errorOf((z) => closeGet(z, '/me/', zod.object({ id: zod.string() })));
    expect(error.message).toContain('unexpected shape (id:');
  });
});
