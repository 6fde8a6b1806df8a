/**
 * The settings page's defences: forms only from the page itself (CSRF token, Origin,
 * Sec-Fetch-Site), answers only to local clients on a local Host name, strict headers on every
 * response, and no admin token, session or key secret in the server's log.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { isWebPage } from '../../../mock/web/paths.js';
import { basic, buildTestApp, TEST_ADMIN_TOKEN } from '../../support/mock-app.js';
import { KEYS_PAGE, createKeyInPage, getPage, postForm, signIn, type Signed } from './helpers.js';

let app: FastifyInstance;
let signed: Signed;
const logLines: string[] = [];

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  app = await buildTestApp({ logger: { level: 'trace', stream } });
  signed = await signIn(app);
});
afterAll(() => app.close());

const keyCount = () => app.services.apiKeys.list().length;

describe('forms are accepted only from the page itself', () => {
  test.each([
    ['no CSRF token', {}],
    ['a wrong CSRF token', { _csrf: 'forged' }],
  ])('creating a key with %s is refused with 403 and creates nothing', async (_, fields) => {
    const before = keyCount();
    const response = await postForm(app, KEYS_PAGE, { ...fields, name: 'Forged' }, signed);
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('This form has expired');
    expect(keyCount()).toBe(before);
  });

  test("another session's CSRF token does not work in this one", async () => {
    const other = await signIn(app);
    const response = await postForm(app, KEYS_PAGE, { _csrf: other.csrf, name: 'Mixed' }, signed);
    expect(response.statusCode).toBe(403);
  });

  test('deleting a key without the CSRF token is refused and the key keeps working', async () => {
    const { key, id } = await createKeyInPage(app, signed, 'Keep me');
    const response = await postForm(app, `${KEYS_PAGE}/${id}/delete`, {}, signed);
    expect(response.statusCode).toBe(403);
    const me = await app.inject({ url: '/api/v1/me/', headers: { authorization: basic(key) } });
    expect(me.statusCode).toBe(200);
  });

  test.each([
    ['Origin of another site', { origin: 'http://evil.example' }],
    ['Origin null (sandboxed frame, data: URL)', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
  ])('a post with %s is refused even with a valid token', async (_, headers) => {
    const before = keyCount();
    const response = await postForm(
      app,
      KEYS_PAGE,
      { _csrf: signed.csrf, name: 'Cross-site' },
      { ...signed, headers },
    );
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('sent from another site');
    expect(keyCount()).toBe(before);
  });

  test('a post with its own Origin and Sec-Fetch-Site: same-origin goes through', async () => {
    const response = await postForm(
      app,
      KEYS_PAGE,
      { _csrf: signed.csrf, name: 'Same origin' },
      {
        ...signed,
        headers: {
          host: '127.0.0.1:4010',
          origin: 'http://127.0.0.1:4010',
          'sec-fetch-site': 'same-origin',
        },
      },
    );
    expect(response.statusCode).toBe(303);
  });

  test('sign-in from another site is refused, so no one can sign you in to their session', async () => {
    const response = await postForm(
      app,
      '/settings/login',
      { token: TEST_ADMIN_TOKEN },
      { headers: { origin: 'http://evil.example' } },
    );
    expect(response.statusCode).toBe(403);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  test('only HTML form bodies are read: JSON gets 415 and creates nothing', async () => {
    const before = keyCount();
    const response = await app.inject({
      method: 'POST',
      url: KEYS_PAGE,
      headers: { cookie: signed.cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ _csrf: signed.csrf, name: 'JSON' }),
    });
    expect(response.statusCode).toBe(415);
    expect(response.body).toContain('This page accepts HTML form posts only.');
    expect(keyCount()).toBe(before);
  });

  test('an oversized form gets 413', async () => {
    const response = await postForm(
      app,
      KEYS_PAGE,
      { _csrf: signed.csrf, name: 'x'.repeat(20_000) },
      signed,
    );
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('The form is too large.');
  });
});

describe('the pages answer only on this machine', () => {
  test.each(['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1'])(
    'a client at %s is served',
    async (remoteAddress) => {
      const response = await app.inject({ url: '/settings/login', remoteAddress });
      expect(response.statusCode).toBe(200);
    },
  );

  test.each(['192.168.1.20', '10.0.0.5', '::ffff:192.168.1.20', '2001:db8::1'])(
    'a client at %s gets 403, and the API itself still answers it',
    async (remoteAddress) => {
      for (const url of ['/', '/settings/login', KEYS_PAGE]) {
        const response = await app.inject({ url, remoteAddress });
        expect(response.statusCode).toBe(403);
        expect(response.body).toContain('answers only on the machine the mock server runs on');
      }
      const api = await app.inject({ url: '/api/v1/me/', remoteAddress });
      expect(api.statusCode).toBe(401);
    },
  );

  test.each(['localhost:4010', '127.0.0.1:4010', '[::1]:4010', 'app.localhost'])(
    'the Host name %s is served',
    async (host) => {
      const response = await app.inject({ url: '/settings/login', headers: { host } });
      expect(response.statusCode).toBe(200);
    },
  );

  test.each(['evil.example', 'evil.example:4010', '192.168.1.20:4010', 'localhost.evil.example'])(
    'the Host name %s gets 403 (a DNS-rebinding page cannot read or post)',
    async (host) => {
      const response = await app.inject({ url: '/settings/login', headers: { host } });
      expect(response.statusCode).toBe(403);
    },
  );
});

describe('headers', () => {
  test('every page forbids inline script and framing, and is never cached', async () => {
    for (const response of [
      await app.inject({ url: '/' }),
      await app.inject({ url: '/settings/login' }),
      await getPage(app, KEYS_PAGE, signed),
      await postForm(app, KEYS_PAGE, { _csrf: 'forged' }, signed),
    ]) {
      expect(response.headers['content-security-policy']).toBe(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
          "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      );
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(response.body).not.toMatch(/\sstyle="|\son[a-z]+="/);
    }
  });

  test('the stylesheet and script are served from the page with their types', async () => {
    const css = await app.inject({ url: '/settings/assets/settings.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toContain(':focus-visible');
    const js = await app.inject({ url: '/settings/assets/settings.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toContain('showModal');
  });
});

test('the log holds neither the admin token, the session, the CSRF token nor a key secret', async () => {
  const { key, id, secret } = await createKeyInPage(app, signed, 'Logged');
  await app.inject({ url: '/api/v1/me/', headers: { authorization: basic(key) } });
  await postForm(app, `${KEYS_PAGE}/${id}/delete`, { _csrf: signed.csrf }, signed);
  await postForm(app, '/settings/login', { token: `${TEST_ADMIN_TOKEN}-wrong` });
  const log = logLines.join('');
  expect(log).toContain('/settings/api-keys');
  for (const secretValue of [TEST_ADMIN_TOKEN, secret, signed.cookie.split('=')[1], signed.csrf]) {
    expect(log).not.toContain(secretValue);
  }
});

describe('malformed requests to every web page', () => {
  const FORM = 'application/x-www-form-urlencoded';
  const bodies: [string, string, string][] = [
    ['a truncated form', FORM, '_csrf=%E2%80&name=%'],
    ['repeated fields', FORM, 'name=a&name=b&_csrf=x&_csrf=y'],
    ['a prototype-polluting form', FORM, '__proto__[admin]=true&constructor[prototype][x]=1'],
    ['a form over the size limit', FORM, `name=${'x'.repeat(32 * 1024)}`],
    ['JSON', 'application/json', '{"name": "x"}'],
    ['plain text', 'text/plain', 'hello'],
    ['an unknown type', 'application/x-unknown', '\u0000\u0001'],
  ];
  const ids = ['x'.repeat(300), '%00', '..%2F..%2Fetc%2Fpasswd', '%E2%80%AE', 'null'];

  test('never get a 5xx, with or without a session, and the page keeps working', async () => {
    const webRoutes = app.routeCatalog.filter(
      (route) => isWebPage(route.url) && route.method !== 'HEAD',
    );
    expect(webRoutes.length).toBeGreaterThanOrEqual(7);
    const answers: string[] = [];
    for (const route of webRoutes) {
      const urls = route.url.includes(':')
        ? ids.map((id) => route.url.replace(/:[A-Za-z]+/, id))
        : [route.url, `${route.url}?new=1&new=2&delete=%00`];
      for (const url of urls) {
        for (const cookie of [undefined, signed.cookie, 'close_mock_settings=%00']) {
          for (const [name, type, payload] of route.method === 'POST'
            ? bodies
            : [['none', '', '']]) {
            const response = await app.inject({
              method: route.method,
              url,
              headers: { ...(cookie && { cookie }), ...(type && { 'content-type': type }) },
              ...(payload && { payload }),
            });
            if (response.statusCode >= 500) {
              answers.push(`${route.method} ${url} | ${name} → ${response.statusCode}`);
            }
          }
        }
      }
    }
    expect(answers).toEqual([]);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect((await getPage(app, KEYS_PAGE, signed)).statusCode).toBe(200);
  });
});
