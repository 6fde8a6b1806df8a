/**
 * Generates malformed requests for every route an app registered (its route catalog): broken
 * credentials, hostile path parameters, query parameters of the wrong type or repeated, bodies
 * that are not JSON, not objects, too large, prototype-polluting or with wrongly typed fields,
 * and methods the path does not serve. Each request is invalid whatever the route does with
 * valid input, so the only right answers are 4xx with a JSON error body. Query and body cases
 * are derived from the routes' own zod schemas (as JSON Schema), so new routes are covered as
 * soon as they are registered.
 *
 * `thorough` adds the families of the reliability suite (over a thousand requests): unicode edge
 * cases (lone surrogates, NUL, right-to-left text, emoji, very long strings) in paths, queries,
 * body values and keys; numbers out of range; deeply nested bodies; odd content types; broken
 * credentials derived from the real key and admin token; query syntax abuse (`_limit=-1`,
 * `_limit=1e9`, `_order_by=;drop`, unbalanced quotes in `query=`); and path traversal toward the
 * control plane. Each request stays invalid by construction: a value the schema accepts travels
 * with one it rejects, or names an object that does not exist.
 */
import { z } from 'zod';
import type { CatalogRoute } from '../../../mock/plugins/route-catalog.js';
import { isWebPage } from '../../../mock/web/paths.js';
import { send, type Answer, type Harness } from './mock-harness.js';

export type BadRequest = {
  name: string;
  method: string;
  url: string;
  headers: Record<string, string | string[]>;
  payload?: string | Buffer;
};

export type Credentials = {
  /** The Authorization header value that passes the route's guard. */
  authorization: (route: CatalogRoute) => string;
  /** Whether the route needs credentials at all (found by probing it without any). */
  guarded: (route: CatalogRoute) => boolean;
};

export type GenerateOptions = {
  /** Add the reliability suite's families (see the module comment). */
  thorough?: boolean;
  /** A real ID for a route's `:id`, so that broken requests meet an existing object. */
  realId?: (route: CatalogRoute) => string | undefined;
  /** The valid API key and admin token, for broken credentials derived from them. */
  secrets?: { apiKey: string; adminToken: string };
};

type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  items?: JsonSchema;
};

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const HOSTILE_IDS = [
  'x'.repeat(300),
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  '%E2%80%AE%F0%9F%92%A5',
  'null',
];
const BODY_LIMIT = 1024 * 1024;
/** A valid-looking key (right shape) that was never issued. */
const UNKNOWN_KEY = `api_${'A'.repeat(22)}.${'b'.repeat(22)}`;

function toJsonSchema(schema: unknown): JsonSchema | undefined {
  if (!(schema instanceof z.ZodType)) return undefined;
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** The JSON types a schema accepts (`any` when it does not say). */
function acceptedTypes(schema: JsonSchema | undefined): Set<string> {
  if (!schema) return new Set(['any']);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return new Set(alternatives.flatMap((s) => [...acceptedTypes(s)]));
  if (schema.type === undefined) {
    if (schema.enum) return new Set(schema.enum.map(jsonType));
    if (schema.const !== undefined) return new Set([jsonType(schema.const)]);
    return new Set(['any']);
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return new Set(types.flatMap((type) => (type === 'integer' ? ['integer', 'number'] : [type])));
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const SAMPLES: [string, unknown][] = [
  ['object', { unexpected: { nested: true } }],
  ['array', [1, 'two', null]],
  ['string', 'not the right type'],
  ['number', 12.5],
  ['boolean', true],
  ['null', null],
];

/** A value of a JSON type the schema does not accept, if there is one. */
function wrongValue(schema: JsonSchema): unknown {
  const accepted = acceptedTypes(schema);
  if (accepted.has('any')) return undefined;
  const sample = SAMPLES.find(([type]) => !accepted.has(type));
  return sample ? sample[1] : undefined;
}

/** Query values a parameter's schema rejects whatever the route does (repeats always). */
function badQueryValues(name: string, schema: JsonSchema): [string, string][] {
  const out: [string, string][] = [];
  const accepted = acceptedTypes(schema);
  if (!accepted.has('array') && !accepted.has('any')) {
    out.push([`${name} repeated`, `${name}=a&${name}=b`]);
  }
  if (accepted.has('integer') || accepted.has('number')) {
    if (!accepted.has('string')) out.push([`${name} not a number`, `${name}=ten`]);
    if (schema.minimum !== undefined)
      out.push([`${name} below minimum`, `${name}=${schema.minimum - 1}`]);
  }
  if (schema.enum && accepted.has('string'))
    out.push([`${name} not in enum`, `${name}=not_a_member_xyz`]);
  if (schema.maxLength !== undefined) {
    out.push([`${name} too long`, `${name}=${'x'.repeat(schema.maxLength + 1)}`]);
  }
  if (schema.minLength !== undefined && schema.minLength > 0)
    out.push([`${name} empty`, `${name}=`]);
  if (schema.format === 'date-time' || schema.format === 'date') {
    out.push([`${name} not a date`, `${name}=not-a-date`]);
  }
  return out;
}

export function generateBadRequests(
  routes: CatalogRoute[],
  credentials: Credentials,
  options: GenerateOptions = {},
): BadRequest[] {
  const requests: BadRequest[] = [];
  const served = new Map<string, Set<string>>();
  for (const route of routes) {
    if (!served.has(route.url)) served.set(route.url, new Set());
    served.get(route.url)?.add(route.method);
  }
  const seenPaths = new Set<string>();

  for (const route of routes) {
    if (route.method === 'HEAD' || route.method === 'OPTIONS') continue;
    const fill = (value: string) => route.url.replace(/:[A-Za-z0-9_]+/g, value);
    const url = fill(options.realId?.(route) ?? 'nonexistent_id');
    const guarded = credentials.guarded(route);
    const auth: Record<string, string> = guarded
      ? { authorization: credentials.authorization(route) }
      : {};
    const add = (
      name: string,
      request: Omit<BadRequest, 'name' | 'method'> & { method?: string },
    ) =>
      requests.push({
        method: route.method,
        ...request,
        name: `${route.method} ${route.url} | ${name}`,
      });

    // Credentials.
    if (guarded) {
      const api = route.url.startsWith('/api/');
      const variants: [string, string | undefined][] = [
        ['no Authorization header', undefined],
        ['Basic with broken base64', 'Basic !!!not-base64!!!'],
        [
          'the wrong scheme',
          api ? 'Bearer some-token' : `Basic ${Buffer.from('admin:').toString('base64')}`,
        ],
        [
          'an unknown credential',
          api
            ? `Basic ${Buffer.from(`${UNKNOWN_KEY}:`).toString('base64')}`
            : 'Bearer not-the-admin-token',
        ],
        [
          'a key ID instead of a key',
          `Basic ${Buffer.from(`api_${'C'.repeat(22)}:`).toString('base64')}`,
        ],
      ];
      for (const [name, value] of variants) {
        add(name, { url, headers: value === undefined ? {} : { authorization: value } });
      }
    }

    // Path parameters.
    if (route.url.includes(':')) {
      for (const id of HOSTILE_IDS)
        add(`path parameter ${id.slice(0, 20)}`, { url: fill(id), headers: auth });
    }

    // Query parameters, from the route's querystring schema.
    const query = toJsonSchema(route.schema?.querystring);
    for (const [param, schema] of Object.entries(query?.properties ?? {})) {
      for (const [name, qs] of badQueryValues(param, schema)) {
        add(`query ${name}`, { url: `${url}?${qs}`, headers: auth });
      }
    }

    // Bodies, for routes that declare one.
    const body = toJsonSchema(route.schema?.body);
    if (body) {
      const json = { ...auth, 'content-type': 'application/json' };
      add('truncated JSON', { url, headers: json, payload: '{"a": [1, 2' });
      add('empty JSON body', { url, headers: json, payload: '' });
      add('JSON with a trailing comma', { url, headers: json, payload: '{"a": 1,}' });
      add('a text/plain body', {
        url,
        headers: { ...auth, 'content-type': 'text/plain' },
        payload: 'hello',
      });
      add('a form body', {
        url,
        headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'a=1&b=2',
      });
      add('a prototype-polluting body', {
        url,
        headers: json,
        payload: '{"__proto__": {"admin": true}}',
      });
      add('a body over the size limit', {
        url,
        headers: json,
        payload: `{"padding": "${'x'.repeat(BODY_LIMIT + 10)}"}`,
      });
      const rootTypes = acceptedTypes(body);
      for (const [type, value] of SAMPLES) {
        if (rootTypes.has(type) || rootTypes.has('any')) continue;
        add(`a JSON ${type} as the body`, { url, headers: json, payload: JSON.stringify(value) });
      }
      for (const [field, schema] of Object.entries(body.properties ?? {})) {
        const value = wrongValue(schema);
        if (value === undefined) continue;
        add(`field ${field} of the wrong type`, {
          url,
          headers: json,
          payload: JSON.stringify({ [field]: value }),
        });
      }
    }

    // Methods the path does not serve (once per path).
    if (!seenPaths.has(route.url)) {
      seenPaths.add(route.url);
      for (const method of [...METHODS, 'PROPFIND']) {
        if (served.get(route.url)?.has(method)) continue;
        add(`method ${method}`, { method, url, headers: auth });
      }
    }

    if (options.thorough) {
      thoroughCases(route, { url, fill, guarded, auth, add, secrets: options.secrets });
    }
  }
  if (options.thorough) requests.push(...traversalCases(credentials, routes, options.secrets));
  return requests;
}

/**
 * The routes whose malformed requests must get JSON errors: all but the web pages, which answer
 * people with HTML and redirects (their malformed requests: settings/security.test.ts).
 */
export const jsonRoutes = (h: Harness): CatalogRoute[] =>
  h.app.routeCatalog.filter((route) => !isWebPage(route.url) && route.method !== 'HEAD');

/** The harness's credentials per route; which routes need any, a bare request to each says. */
export async function harnessCredentials(h: Harness, routes: CatalogRoute[]): Promise<Credentials> {
  const guarded = new Set<CatalogRoute>();
  for (const route of routes) {
    const probe = await send(h.url, {
      method: route.method,
      url: route.url.replace(/:[A-Za-z0-9_]+/g, 'nonexistent_id'),
    });
    if (probe.statusCode === 401) guarded.add(route);
  }
  return {
    guarded: (route) => guarded.has(route),
    authorization: (route) => (route.url.startsWith('/api/') ? h.auth : h.admin),
  };
}

/** A JSON body in one of the mock's error shapes. */
export function isJsonError(answer: Answer): boolean {
  if (!String(answer.headers['content-type']).includes('application/json')) return false;
  try {
    const body = answer.json<Record<string, unknown>>();
    return typeof body === 'object' && body !== null && ('error' in body || 'field-errors' in body);
  } catch {
    return false;
  }
}

// ---- The reliability suite's families (`thorough`) ----

/** Strings that break naive text handling; every one is sent where it cannot be valid. */
export const UNICODE_EDGES: [string, string][] = [
  ['a lone high surrogate', 'lone \ud800 high'],
  ['a lone low surrogate', '\udfff'],
  ['NUL', 'nul\u0000byte'],
  ['a right-to-left override', '\u202egnp.exe'],
  ['right-to-left text', 'שלום عالم'],
  ['emoji with joiners and flags', '👩‍👩‍👧‍👦🏳️‍🌈🇺🇦'],
  ['combining marks', 'Z\u0335\u0321\u032a\u0354a\u0338\u031b\u033cl\u0336g\u0337o'],
  ['BOM and zero-width characters', '\ufeff\u200b\u200c\u200d'],
  ['noncharacters', '\uffff\ufffe\ufdd0'],
  ['a very long string', 'é'.repeat(150_000)],
];

/** The same edges percent-encoded as UTF-8 for paths and queries (lone surrogates as WTF-8). */
const ENCODED_EDGES: [string, string][] = [
  ['a lone surrogate', '%ED%A0%80'],
  ['invalid UTF-8', '%FF%FE'],
  ['an overlong dot', '%C0%AE'],
  ['NUL', 'x%00y'],
  ['a right-to-left override', '%E2%80%AEx'],
  ['emoji', '%F0%9F%92%A5'],
  ['a very long value', 'x'.repeat(4000)],
];

type Context = {
  url: string;
  fill: (value: string) => string;
  guarded: boolean;
  auth: Record<string, string>;
  add: (name: string, request: Omit<BadRequest, 'name' | 'method'> & { method?: string }) => void;
  secrets: GenerateOptions['secrets'];
};

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Authorization values derived from the real credentials, each refused. */
function brokenCredentials(api: boolean, secrets: GenerateOptions['secrets']): [string, string][] {
  if (!secrets) return [];
  const { apiKey, adminToken } = secrets;
  const flip = (text: string) => `${text.slice(0, -1)}${text.endsWith('A') ? 'B' : 'A'}`;
  const [keyId = '', secret = ''] = apiKey.split('.');
  if (api) {
    return [
      ['the key with its last character changed', `Basic ${b64(`${flip(apiKey)}:`)}`],
      ['the key in capitals', `Basic ${b64(`${apiKey.toUpperCase()}:`)}`],
      ['the key with a NUL', `Basic ${b64(`${apiKey}\u0000:`)}`],
      ['the key with a right-to-left mark', `Basic ${b64(`${keyId}\u200f.${secret}:`)}`],
      ['the secret alone', `Basic ${b64(`${secret}:`)}`],
      ['the key twice', `Basic ${b64(`${apiKey}${apiKey}:`)}`],
      ['the key and trailing junk', `Basic ${b64(`${apiKey}:`)} trailing-junk`],
      ['the key as a Bearer token', `Bearer ${apiKey}`],
      ['the key without a scheme', apiKey],
      ['the admin token as the key', `Basic ${b64(`${adminToken}:`)}`],
      ['8 KB of base64', `Basic ${'QUFB'.repeat(2048)}`],
      ['latin-1 bytes', 'Basic \u00ff\u00fe\u00e9'],
    ];
  }
  return [
    ['the token with its last character changed', `Bearer ${flip(adminToken)}`],
    ['the token cut short', `Bearer ${adminToken.slice(0, -1)}`],
    ['the token in capitals', `Bearer ${adminToken.toUpperCase()}`],
    ['the token twice', `Bearer ${adminToken} ${adminToken}`],
    ['the token as Basic', `Basic ${b64(`${adminToken}:`)}`],
    ['the token without a scheme', adminToken],
    ['the API key as the token', `Bearer ${apiKey}`],
    ['latin-1 bytes', 'Bearer \u00ff\u00fe\u00e9'],
  ];
}

/** Headers that must change nothing about a refusal. */
const NOISE_HEADERS: Record<string, string> = {
  'x-forwarded-for': '127.0.0.1, 10.0.0.1, evil.example',
  'x-forwarded-host': 'evil.example',
  'x-real-ip': '::1',
  accept: 'text/html',
  origin: 'https://evil.example',
  'x-http-method-override': 'DELETE',
};

/** Query values a parameter's schema or the route's own parser rejects, with unicode. */
function abusiveQueryValues(name: string, schema: JsonSchema): [string, string][] {
  const out: [string, string][] = [];
  const accepted = acceptedTypes(schema);
  const numeric = (accepted.has('integer') || accepted.has('number')) && !accepted.has('string');
  if (numeric) {
    const integer = accepted.has('integer') && !schema.type?.includes('number');
    if (schema.minimum !== undefined && schema.minimum >= 0) out.push(['-1', '-1']);
    if (schema.maximum !== undefined && schema.maximum < 1e9) out.push(['1e9', '1e9']);
    if (integer) out.push(['1.5', '1.5']);
    for (const value of ['Infinity', 'NaN', '%00', '%EF%BC%95', '%D9%A1', '0x', '1e999999']) {
      out.push([value, value]);
    }
  }
  if (schema.enum && accepted.has('string')) {
    const first = String(schema.enum[0] ?? 'x');
    for (const value of [
      ';drop table leads',
      `${first};DROP TABLE leads--`,
      `${first}%00`,
      `%E2%80%AE${first}`,
      '-',
      `--${first}`,
      `${first}%F0%9F%92%A5`,
      `'${first}'`,
    ]) {
      out.push([value, encodeURIComponent(decodeSafely(value))]);
    }
  }
  if (schema.format === 'date-time' || schema.format === 'date') {
    for (const value of ['2024-13-45', '2024-01-01T25:00:00Z', '%00', '%F0%9F%92%A5', '1e9']) {
      out.push([value, value]);
    }
  }
  if (name === 'query') {
    // Close's search syntax, broken: the route's parser must say so with a 400.
    for (const value of [
      '"unbalanced',
      'name:"unbalanced',
      'name:',
      'no_such_field:x',
      '"custom.No such field":x',
      '\u202ename:"x',
      '💥:x',
      '\ud800:x',
      '"\u0000',
      `${'"'.repeat(501)}`,
    ]) {
      out.push([value.slice(0, 30), encodeURIComponent(wellFormed(value))]);
    }
  }
  return out.map(([label, value]) => [`${name}=${label}`, `${name}=${value}`]);
}

/** Lone surrogates (which URLs cannot carry) as U+FFFD, as a UTF-8 decoder would read them. */
function wellFormed(value: string): string {
  return value.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A JSON text nested `depth` levels deep: arrays, objects, or search queries (`and` in `and`). */
function deepJson(depth: number, kind: 'array' | 'object' | 'search'): string {
  switch (kind) {
    case 'array':
      return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    case 'object':
      return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    case 'search':
      return `${'{"type":"and","queries":['.repeat(depth)}{"type":"object_type","object_type":"lead"}${']}'.repeat(depth)}`;
  }
}

function thoroughCases(route: CatalogRoute, context: Context): void {
  const { url, fill, guarded, auth, add, secrets } = context;
  const api = route.url.startsWith('/api/');

  // Broken credentials derived from the real ones, with noise headers that change nothing.
  if (guarded) {
    for (const [name, value] of brokenCredentials(api, secrets)) {
      add(`credentials: ${name}`, { url, headers: { ...NOISE_HEADERS, authorization: value } });
    }
    const unknown = `Basic ${b64(`api_${'Q'.repeat(22)}.${'z'.repeat(22)}:`)}`;
    // Node keeps the first of repeated Authorization headers: a refused one shadows a valid one.
    add('credentials: a refused Authorization header before a valid one', {
      url,
      headers: { authorization: [unknown, auth.authorization ?? ''] },
    });
  }

  // Unicode in path parameters.
  if (route.url.includes(':')) {
    for (const [name, value] of ENCODED_EDGES)
      add(`path parameter: ${name}`, { url: fill(value), headers: auth });
  }

  // Query syntax abuse, from the querystring schema.
  const query = toJsonSchema(route.schema?.querystring);
  for (const [param, schema] of Object.entries(query?.properties ?? {})) {
    for (const [name, qs] of abusiveQueryValues(param, schema)) {
      add(`query ${name}`, { url: `${url}?${qs}`, headers: auth });
    }
  }

  const body = toJsonSchema(route.schema?.body);
  if (!body) return;
  const json = { ...auth, 'content-type': 'application/json' };
  const fields = Object.entries(body.properties ?? {});
  // A field and a value its schema rejects: sent along, it makes any body invalid.
  const breakerFor = (except?: string): Record<string, unknown> | undefined => {
    for (const [field, schema] of fields) {
      const value = wrongValue(schema);
      if (field !== except && value !== undefined) return { [field]: value };
    }
    return undefined;
  };
  const breaker = breakerFor();

  // Unicode edges: in every text field and as a key, along with a breaker; in fields that take
  // no text, alone.
  for (const [edge, text] of UNICODE_EDGES) {
    if (breaker) {
      const textFields = fields.filter(([field, schema]) => {
        const types = acceptedTypes(schema);
        return (types.has('string') || types.has('any')) && !(field in breaker);
      });
      add(`unicode: ${edge} in every text field`, {
        url,
        headers: json,
        payload: JSON.stringify({
          ...Object.fromEntries(textFields.map(([field]) => [field, text])),
          ...breaker,
        }),
      });
      add(`unicode: ${edge} as a key`, {
        url,
        headers: json,
        payload: JSON.stringify({ [text.slice(0, 1000)]: text, ...breaker }),
      });
    }
    for (const [field, schema] of fields) {
      const types = acceptedTypes(schema);
      if (types.has('string') || types.has('any')) continue;
      add(`unicode: ${edge} in ${field}, which takes no text`, {
        url,
        headers: json,
        payload: JSON.stringify({ [field]: text }),
      });
    }
  }

  // References to objects that do not exist, named with unicode: the handler refuses them.
  for (const [field, schema] of fields) {
    if (!/_id$/.test(field) || !acceptedTypes(schema).has('string')) continue;
    for (const [edge, text] of UNICODE_EDGES.slice(0, 6)) {
      add(`unknown ${field} with ${edge}`, {
        url,
        headers: json,
        payload: JSON.stringify({ [field]: `nonexistent ${text}` }),
      });
    }
  }

  // Numbers out of range: infinite, beyond 2^53, fractions for integers, past the maximum.
  for (const [field, schema] of fields) {
    const types = acceptedTypes(schema);
    if (!types.has('integer') && schema.maximum === undefined) continue;
    const values = ['1e400', '-1e400'];
    if (types.has('integer')) values.push('9007199254740993', '1.5');
    if (schema.maximum !== undefined) values.push(String(schema.maximum + 1));
    for (const value of values) {
      add(`number ${value} in ${field}`, { url, headers: json, payload: `{"${field}": ${value}}` });
    }
  }

  // Deep nesting, in every field and as the whole body.
  add('JSON nested 20,000 arrays deep', { url, headers: json, payload: deepJson(20_000, 'array') });
  for (const [field] of fields) {
    const deep = breakerFor(field);
    const rest = deep ? JSON.stringify(deep).slice(1, -1) : undefined;
    if (!rest) continue;
    add(`JSON nested 5,000 objects deep in ${field}`, {
      url,
      headers: json,
      payload: `{"${field}": ${deepJson(5000, /query$/.test(field) ? 'search' : 'object')}, ${rest}}`,
    });
  }

  // Odd encodings and content types, each around a body that is invalid anyway.
  const invalid = JSON.stringify(breaker ?? { unexpected: true });
  const raw = (name: string, headers: Record<string, string>, payload: string | Buffer) =>
    add(name, { url, headers: { ...auth, ...headers }, payload });
  if (breaker) {
    raw(
      'a UTF-16 body',
      { 'content-type': 'application/json; charset=utf-16' },
      Buffer.from(invalid, 'utf16le'),
    );
    raw('a byte-order mark', { 'content-type': 'application/json' }, `\ufeff${invalid}`);
    raw(
      'invalid UTF-8 in a string',
      { 'content-type': 'application/json' },
      Buffer.concat([
        Buffer.from(`${invalid.slice(0, -1)}, "x": "`),
        Buffer.from([0xff, 0xfe, 0xc0]),
        Buffer.from('"}'),
      ]),
    );
    raw('an upper-case media type', { 'content-type': 'APPLICATION/JSON' }, invalid);
    raw(
      'gzip that is not',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      invalid,
    );
  }
  raw('a NUL between tokens', { 'content-type': 'application/json' }, `{"a":\u00001}`);
  raw(
    'a multipart body',
    { 'content-type': 'multipart/form-data; boundary=x' },
    '--x\r\n\r\nhi\r\n--x--',
  );
  raw(
    'a content type with junk parameters',
    { 'content-type': 'application/json;;; charset="\u00ff"' },
    '{"a": [',
  );
}

/** Paths that try to climb out of the API into the control plane, or the other way round. */
const TRAVERSALS_TO_CONTROL = [
  '/api/v1/../_mock/keys',
  '/api/v1/%2e%2e/_mock/keys',
  '/api/v1/%2E%2E/_mock/keys',
  '/api/v1/.%2e/_mock/keys',
  '/api/v1/..%2f_mock%2fkeys',
  '/api/v1/..%2F_mock/keys',
  '/api/v1/%2e%2e%2f_mock%2fkeys',
  '/api/v1/%252e%252e/_mock/keys',
  '/api/v1/..;/_mock/keys',
  '/api/v1/..\\_mock\\keys',
  '/api/v1/..%5c_mock%5ckeys',
  '/api/v1/lead/../../../_mock/keys',
  '/api/v1/lead/..%2f..%2f..%2f_mock%2fkeys',
  '/api/v1//../_mock/keys',
  '/api/v1/%c0%ae%c0%ae/_mock/keys',
  '/api/v1/%uff0e%uff0e/_mock/keys',
  '/api/v1/..%00/_mock/keys',
  '/api/v1/./me/../../../_mock/keys',
  '/api/v1/lead/../../../../etc/passwd',
  '/api/v1/lead/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/settings/../_mock/keys',
  '/%2e%2e/_mock/keys',
  '//_mock/keys',
  '/_mock/keys/..%2f..%2fapi/v1/me/',
];
const TRAVERSALS_TO_API = [
  '/_mock/../api/v1/lead/',
  '/_mock/%2e%2e/api/v1/lead/',
  '/_mock/..%2fapi%2fv1%2flead/',
  '/settings/../api/v1/lead/',
  '/_mock/keys/../../api/v1/me/',
];

function traversalCases(
  credentials: Credentials,
  routes: CatalogRoute[],
  secrets: GenerateOptions['secrets'],
): BadRequest[] {
  const apiRoute = routes.find((route) => route.url.startsWith('/api/'));
  const controlRoute = routes.find((route) => route.url.startsWith('/_mock/keys'));
  if (!apiRoute || !controlRoute) return [];
  const apiAuth = credentials.authorization(apiRoute);
  const adminAuth = credentials.authorization(controlRoute);
  const out: BadRequest[] = [];
  const push = (method: string, url: string, who: string, headers: Record<string, string>) =>
    out.push({ name: `${method} ${url} | path traversal ${who}`, method, url, headers });
  for (const url of TRAVERSALS_TO_CONTROL) {
    for (const method of ['GET', 'POST', 'DELETE']) {
      push(method, url, 'with the API key', { authorization: apiAuth });
      push(method, url, 'without credentials', {});
    }
  }
  for (const url of TRAVERSALS_TO_API) {
    push('GET', url, 'with the admin token', { authorization: adminAuth });
    push('GET', url, 'without credentials', {});
    if (secrets)
      push('GET', url, 'with the key as a Bearer token', {
        authorization: `Bearer ${secrets.apiKey}`,
      });
  }
  return out;
}
