/**
 * Secrets stay secret. A server on a file store, logging at debug level into a captured stream,
 * is driven through a workload of good and bad requests — among them failed authentication with
 * the real key's secret in malformed headers, in the query string, in a path and in the
 * User-Agent, and the admin token where it does not belong. Afterwards neither the key's secret
 * nor the admin token is in the database file (with its WAL), the logs, or any answer but the
 * one that created the key. (The integration's errors: secrets-integration-*.test.ts.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import got, { type Got, type Response } from 'got';
import { startTestServer, type TestServer } from '../support/mock-server.js';

const logs: string[] = [];
const answers: { what: string; body: string; headers: string }[] = [];
let server: TestServer;
let key: string;
let keyId: string;
let secret: string;
let http: Got;

/** The forms a secret can take: itself, inside the key, and the key as a Basic header. */
const forms = () => [
  secret,
  server.adminToken,
  Buffer.from(`${key}:`).toString('base64'),
  Buffer.from(`${server.adminToken}:`).toString('base64'),
];
const leaksIn = (text: string) => forms().filter((form) => text.includes(form));

beforeAll(async () => {
  server = await startTestServer({
    logger: { level: 'debug', stream: { write: (line: string) => void logs.push(line) } },
  });
  ({ key, id: keyId } = await server.createKey('Secrets'));
  secret = key.split('.')[1] ?? '';
  expect(secret).toHaveLength(22);
  http = got.extend({
    prefixUrl: server.url,
    throwHttpErrors: false,
    followRedirect: false,
    retry: { limit: 0 },
    hooks: {
      afterResponse: [
        (response: Response) => {
          answers.push({
            what: `${response.request.options.method} ${response.requestUrl.pathname}`,
            body: String(response.body),
            headers: JSON.stringify(response.headers),
          });
          return response;
        },
      ],
    },
  });
});
afterAll(() => server.stop());

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('the mock server', () => {
  it('keeps the secret and the admin token out of its store, logs and answers', async () => {
    const good = { authorization: basic(`${key}:`) };
    // Work that succeeds: the key in use, the control plane, a webhook, the settings page.
    await http.get('api/v1/me/', { headers: good });
    const lead = await http
      .post('api/v1/lead/', { headers: good, json: { name: 'Secret-free lead' } })
      .json<{ id: string }>();
    await http.put(`api/v1/lead/${lead.id}/`, { headers: good, json: { name: 'Renamed' } });
    await http.get('api/v1/lead/', { headers: good });
    await http.post('api/v1/webhook/', {
      headers: good,
      json: {
        url: 'http://127.0.0.1:9/hook',
        events: [{ object_type: 'lead', action: 'created' }],
      },
    });
    await http.get('_mock/keys', { headers: { authorization: `Bearer ${server.adminToken}` } });
    await http.get(`_mock/keys/${keyId}`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    const signIn = await http.post('settings/login', {
      form: { token: server.adminToken },
      headers: { origin: server.url },
    });
    const cookie = signIn.headers['set-cookie']?.[0]?.split(';')[0] ?? '';
    expect(cookie).toMatch(/=/);
    await http.get('settings/api-keys', { headers: { cookie } });
    await http.post('settings/login', {
      form: { token: `${server.adminToken}x` },
      headers: { origin: server.url },
    });

    // Failed authentication carrying the real secret, and secrets where they do not belong.
    const refused: [string, Record<string, string>][] = [
      ['api/v1/me/', { authorization: `Bearer ${key}` }],
      ['api/v1/me/', { authorization: key }],
      ['api/v1/me/', { authorization: `Basic ${key}` }],
      ['api/v1/me/', { authorization: `${basic(`${key}:`)} junk` }],
      ['api/v1/me/', { authorization: basic(`${secret}:`) }],
      ['api/v1/me/', { authorization: basic(`${key}x:`) }],
      ['api/v1/me/', { authorization: basic(`${keyId}.${secret.toLowerCase()}:`) }],
      ['api/v1/me/', { authorization: `Basic ${basic(`${key}:`)}` }],
      ['api/v1/me/', { authorization: `Bearer ${server.adminToken}` }],
      ['api/v1/me/', { authorization: basic(`${server.adminToken}:`) }],
      [`api/v1/me/?api_key=${key}`, {}],
      [`api/v1/lead/${key}/`, good],
      [`api/v1/webhook/${key}/`, good],
      [`api/v1/no-such-route/${key}`, good],
      [`_mock/keys/${key}`, { authorization: `Bearer ${server.adminToken}` }],
      ['_mock/keys', { authorization: `Bearer ${server.adminToken}x` }],
      ['_mock/keys', { authorization: basic(`${server.adminToken}:`) }],
      ['_mock/keys', { authorization: `Bearer ${key}` }],
      [`_mock/keys?token=${server.adminToken}`, {}],
      [`settings/api-keys?token=${server.adminToken}`, {}],
    ];
    for (const [url, headers] of refused) {
      const answer = await http.get(url, { headers });
      // Refused (the settings page sends a browser to its sign-in form instead).
      expect([url, answer.statusCode >= 300 && answer.statusCode < 500]).toEqual([url, true]);
    }
    // A key pasted into the User-Agent by a confused client.
    await http.get('api/v1/me/', { headers: { ...good, 'user-agent': `client ${key}` } });

    // Let "last used" reach the store, then delete the key and try it once more.
    server.app.services.apiKeys.flushLastUses();
    await http.delete(`_mock/keys/${keyId}`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    expect((await http.get('api/v1/me/', { headers: good })).statusCode).toBe(401);

    const leaked = answers
      .map((answer) => ({ ...answer, leaks: leaksIn(answer.body + answer.headers) }))
      .filter((answer) => answer.leaks.length > 0)
      .map((answer) => `${answer.what}: ${answer.body.slice(0, 160)}`);
    expect(leaked).toEqual([]);

    expect(logs.length).toBeGreaterThan(refused.length);
    expect(logs.filter((line) => leaksIn(line).length > 0)).toEqual([]);

    for (const file of [server.dbPath, `${server.dbPath}-wal`, `${server.dbPath}-shm`]) {
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      expect([file, forms().filter((form) => bytes.includes(form))]).toEqual([file, []]);
    }
  });
});
