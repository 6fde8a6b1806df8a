/**
 * Every error path of every operation the integration registers, against the real mock with
 * injected faults: each operation's Close-facing functions (perform for polls and actions, the
 * hook triggers' performList, performSubscribe and performUnsubscribe, and the connection test)
 * run through Zapier's app tester with a fresh key, under one scenario after another; what comes
 * back is every error that quotes the key's secret, every operation that did not fail, and every
 * one that failed before reaching the server (its input was refused first, so its error path
 * went untested).
 *
 * Zapier's core exits the process after 250 invocations once it holds 450 MB, which a jest worker
 * does: keep each test file under 250 invocations (scenarios × operations).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import { connectionTest } from '../../src/authentication.js';
import App from '../../src/index.js';
import { startTestServer, type TestServer } from './mock-server.js';

type Perform = (z: ZObject, bundle: Bundle) => unknown;
const isPerform = (value: unknown): value is Perform => typeof value === 'function';

const ROOT = resolve(import.meta.dirname, '../..');

/** A fault for every API request, or the key deleted before the operations run. */
export type Scenario = [label: string, fault: Record<string, unknown> | 'deleted key'];

export const FAULT_SCENARIOS = {
  400: ['400', { status: 400, body: { errors: [], 'field-errors': { name: 'Invalid value.' } } }],
  401: ['401', { status: 401, body: { error: 'The API key is invalid.' } }],
  403: ['403', { status: 403, body: { error: 'Not allowed.' } }],
  404: ['404', { status: 404, body: { error: 'Lead does not exist.' } }],
  429: ['429', { status: 429 }],
  500: ['500', { status: 500, body: { error: 'Internal server error.' } }],
  drop: ['a dropped connection', { drop: true }],
  deleted: ['a deleted key', 'deleted key'],
} satisfies Record<string, Scenario>;

type Performer = { name: string; perform: Perform; input: Record<string, unknown> };

/** Every function an operation runs against Close (perform for polls and actions, list,
 * subscribe, unsubscribe), with input for the fields it declares statically. */
export function operations(): Performer[] {
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

/** Runs every operation under each scenario with a new key; returns what went wrong. */
export async function errorPathProblems(
  server: TestServer,
  scenarios: Scenario[],
): Promise<string[]> {
  const appTester = zapier.createAppTester(App);
  process.env.CLOSE_API_BASE_URL = server.url;
  const fresh = await server.createKey('Integration secrets');
  const freshSecret = fresh.key.split('.')[1] ?? '';
  const basic = Buffer.from(`${fresh.key}:`).toString('base64');
  const problems: string[] = [];
  const remaining = async () =>
    (await server.control.get('faults').json<{ data: { remaining: number }[] }>()).data[0]
      ?.remaining;
  try {
    for (const [label, fault] of scenarios) {
      if (fault === 'deleted key') await server.control.delete(`keys/${fresh.id}`);
      else {
        await server.control.post('faults', {
          json: { method: '*', path: '/api/v1/**', count: 10_000, ...fault },
        });
      }
      for (const { name, perform, input } of operations()) {
        const before = await remaining();
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
        if (!(error instanceof Error)) {
          // Unsubscribing from a subscription Close no longer has is done, not an error.
          if (!(label === '404' && name.endsWith('.performUnsubscribe')))
            problems.push(`${name} under ${label}: did not fail`);
          continue;
        }
        const text = `${error.name} ${error.message} ${error.stack ?? ''} ${JSON.stringify(error)}`;
        if (text.includes(freshSecret) || text.includes(basic))
          problems.push(`${name} under ${label}: ${error.message}`);
        if (fault !== 'deleted key' && before === (await remaining()))
          problems.push(`${name} under ${label}: never reached the server (${error.message})`);
      }
      await server.control.delete('faults');
    }
  } finally {
    delete process.env.CLOSE_API_BASE_URL;
  }
  return problems;
}

/** A test file's whole suite: a server of its own, and these scenarios over every operation. */
export function errorPathSuite(scenarios: Scenario[]): void {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('raises no error that quotes the secret, on any of these error paths of any operation', async () => {
    expect(operations().length).toBeGreaterThan(1);
    expect(await errorPathProblems(server, scenarios)).toEqual([]);
  }, 120_000);
}
