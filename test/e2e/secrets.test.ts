/**
 * Secrets stay secret. A server on a file store, logging at debug level into a captured stream,
 * is driven through a workload of good and bad requests — among them failed authentication with
 * the real key's secret in malformed headers, in the query string, in a path and in the
 * User-Agent, and the admin token where it does not belong. Afterwards neither the key's secret
 * nor the admin token is in the database file (with its WAL), the logs, or any answer but the
 * one that created the key. Then every operation the integration registers runs against the
 * mock with faults for 400/401/403/404/429/500, a dropped connection, and a deleted key: each
 * fails, and no error it raises quotes the secret.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import got, { type Got, type Response } from 'got';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import { connectionTest } from '../../src/authentication.js';
import App from '../../src/index.js';
import { startTestServer, type TestServer } from '../support/mock-server.js';

type Perform = (z: ZObject, bundle: Bundle) => unknown;
const isPerform = (value: unknown): value is Perform => typeof value === 'function';

const ROOT = resolve(import.meta.dirname, '../..');
const appTester = zapier.createAppTester(App);
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
afterAll(async () => {
  delete process.env.CLOSE_API_BASE_URL;
  await server.stop();
});

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

type Performer = { name: string; perform: Perform; input: Record<string, unknown> };

/** Every function an operation runs against Close (perform for polls and actions, list,
 * subscribe, unsubscribe), with input for the fields it declares statically. */
function operations(): Performer[] {
  const found: Performer[] = [{ name: 'authentication.test', perform: connectionTest, input: {} }];
  const kinds = { triggers: App.triggers, creates: App.creates, searches: App.searches };
  for (const [kind, entries] of Object.entries(kinds)) {
    for (const [name, definition] of Object.entries(entries ?? {})) {
      const operation: Record<string, unknown> = { ...definition.operation };
      const input = inputFor(name, operation.inputFields);
      for (const member of ['perform', 'performList', 'performSubscribe', 'performUnsubscribe']) {
        if (member === 'perform' && operation.type === 'hook') continue;
        const perform = operation[member];
        if (isPerform(perform)) found.push({ name: `${kind}.${name}.${member}`, perform, input });
      }
    }
  }
  return found;
}

const ID_PREFIXES: Record<string, string> = {
  lead: 'lead',
  contact: 'cont',
  opportunity: 'oppo',
  task: 'task',
  user: 'user',
  status: 'stat',
  pipeline: 'pipe',
  smart_view: 'save',
};
const closeIdLike = (prefix: string) => `${prefix}_${'0'.repeat(43)}`;

/**
 * Input for an operation: its example from examples/ when there is one (placeholders such as
 * "lead_… from create_lead" become well-formed IDs), over a plausible value for every required
 * input field declared statically, so that each operation gets as far as its request to Close.
 */
function inputFor(key: string, fields: unknown): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of Array.isArray(fields) ? (fields as unknown[]) : []) {
    if (typeof field !== 'object' || field === null || !('key' in field)) continue;
    const {
      key: fieldKey,
      type,
      required,
    } = field as {
      key: string;
      type?: string;
      required?: boolean;
    };
    if (!required) continue;
    const idOf = /^(.*)_id$/.exec(fieldKey)?.[1];
    input[fieldKey] =
      type === 'integer' || type === 'number'
        ? 1
        : type === 'boolean'
          ? true
          : type === 'datetime'
            ? '2024-05-01T12:00:00Z'
            : idOf !== undefined
              ? closeIdLike(ID_PREFIXES[idOf] ?? idOf.slice(0, 4))
              : /email/.test(fieldKey)
                ? 'someone@example.com'
                : 'Secret-free value';
  }
  const example = join(ROOT, 'examples', `${key}.json`);
  if (existsSync(example)) {
    const values = JSON.parse(readFileSync(example, 'utf8')) as Record<string, unknown>;
    for (const [name, value] of Object.entries(values)) {
      const placeholder = typeof value === 'string' ? /^([a-z]+)_… from/.exec(value) : null;
      input[name] = placeholder?.[1] ? closeIdLike(placeholder[1]) : value;
    }
  }
  return input;
}

describe('the integration', () => {
  const scenarios: [string, Record<string, unknown> | 'deleted key'][] = [
    ['400', { status: 400, body: { errors: [], 'field-errors': { name: 'Invalid value.' } } }],
    ['401', { status: 401, body: { error: 'The API key is invalid.' } }],
    ['403', { status: 403, body: { error: 'Not allowed.' } }],
    ['404', { status: 404, body: { error: 'Lead does not exist.' } }],
    ['429', { status: 429 }],
    ['500', { status: 500, body: { error: 'Internal server error.' } }],
    ['a dropped connection', { drop: true }],
    ['a deleted key', 'deleted key'],
  ];

  it('raises no error that quotes the secret, on any error path of any operation', async () => {
    process.env.CLOSE_API_BASE_URL = server.url;
    const fresh = await server.createKey('Integration secrets');
    const freshSecret = fresh.key.split('.')[1] ?? '';
    const performers = operations();
    expect(performers.length).toBeGreaterThan(1);
    const problems: string[] = [];
    for (const [label, fault] of scenarios) {
      if (fault === 'deleted key') await server.control.delete(`keys/${fresh.id}`);
      else {
        await server.control.post('faults', {
          json: { method: '*', path: '/api/v1/**', count: 10_000, ...fault },
        });
      }
      for (const { name, perform, input } of performers) {
        const before = await server.control.get('faults').json<{ data: { remaining: number }[] }>();
        let error: unknown;
        try {
          await appTester(perform, {
            authData: { api_key: fresh.key },
            inputData: input,
            subscribeData: { id: 'whsub_0000000000000000000000' },
            targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc/',
            meta: { page: 0 },
          });
        } catch (caught) {
          error = caught;
        }
        const after = await server.control.get('faults').json<{ data: { remaining: number }[] }>();
        if (!(error instanceof Error)) {
          // Unsubscribing from a subscription Close no longer has is done, not an error.
          if (!(label === '404' && name.endsWith('.performUnsubscribe')))
            problems.push(`${name} under ${label}: did not fail`);
          continue;
        }
        const text = `${error.name} ${error.message} ${error.stack ?? ''} ${JSON.stringify(error)}`;
        if (
          text.includes(freshSecret) ||
          text.includes(Buffer.from(`${fresh.key}:`).toString('base64'))
        )
          problems.push(`${name} under ${label}: ${error.message}`);
        if (fault !== 'deleted key' && before.data[0]?.remaining === after.data[0]?.remaining)
          problems.push(`${name} under ${label}: never reached the server (${error.message})`);
      }
      await server.control.delete('faults');
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
