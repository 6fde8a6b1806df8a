/**
 * Generates malformed requests for every route an app registered (its route catalog): broken
 * credentials, hostile path parameters, query parameters of the wrong type or repeated, bodies
 * that are not JSON, not objects, too large, prototype-polluting or with wrongly typed fields,
 * and methods the path does not serve. Each request is invalid whatever the route does with
 * valid input, so the only right answers are 4xx with a JSON error body. Query and body cases
 * are derived from the routes' own zod schemas (as JSON Schema), so new routes are covered as
 * soon as they are registered.
 */
import { z } from 'zod';
import type { CatalogRoute } from '../../../mock/plugins/route-catalog.js';

export type BadRequest = {
  name: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
};

export type Credentials = {
  /** The Authorization header value that passes the route's guard. */
  authorization: (route: CatalogRoute) => string;
  /** Whether the route needs credentials at all (found by probing it without any). */
  guarded: (route: CatalogRoute) => boolean;
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
    const url = fill('nonexistent_id');
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
  }
  return requests;
}
