/**
 * The one HTTP path to Close. Before a request: the pasted key is checked locally (so a typo or
 * a pasted key ID gets a precise message without a round trip), relative URLs are resolved
 * against the configured API root, and Basic auth and the User-Agent are set. After a response:
 * every error status is turned into a message a Zapier user can act on. Nothing else in the
 * integration sets auth headers, base URLs or error messages for HTTP statuses.
 */
import type {
  AfterResponseMiddleware,
  BeforeRequestMiddleware,
  HttpResponse,
} from 'zapier-platform-core';
import { apiKeyIdOf, checkApiKey, EXAMPLE_KEY, EXAMPLE_KEY_ID } from '../shared/api-key.js';
import { errorBodySchema, fieldErrorsBodySchema } from '../shared/close-objects.js';
import { closeApiRoot, REQUEST_TIMEOUT_MS, USER_AGENT } from './lib/config.js';

const WHERE_KEYS_ARE = 'Settings → Developer → API Keys in Close';

/** Messages for keys that cannot be Close keys; none of them repeats what was entered. */
export const KEY_MESSAGES = {
  empty: `No Close API key was entered. Create one under ${WHERE_KEYS_ARE} and paste the whole key.`,
  idOnly: (id: string) =>
    `You entered the API key's ID (${id}), not the API key. The key is the ID, a dot and a ` +
    `secret part (like ${EXAMPLE_KEY}), and Close shows it only once, when it is created. ` +
    `Create a new key under ${WHERE_KEYS_ARE}, copy it right away and paste the whole key.`,
  malformed: (reason: string) =>
    `That is not a Close API key: ${reason}. A key looks like ${EXAMPLE_KEY} (its ID, like ` +
    `${EXAMPLE_KEY_ID}, a dot, and a secret part). Copy it again from ${WHERE_KEYS_ARE}.`,
} as const;

/** Data that operations pass to the error mapping through `middlewareData`. */
export type CloseMiddlewareData = {
  /** Close field name → the input label the user saw, for 400 field errors. */
  fieldLabels?: Record<string, string>;
  /** What the request is about, for 404s ("lead lead_abc"). */
  subject?: string;
};

export const addCloseAuthAndUrl: BeforeRequestMiddleware = (request, z, bundle) => {
  const check = checkApiKey(bundle.authData.api_key);
  switch (check.kind) {
    case 'empty':
      throw new z.errors.Error(KEY_MESSAGES.empty, 'InvalidApiKey', 401);
    case 'id_only':
      throw new z.errors.Error(KEY_MESSAGES.idOnly(check.id), 'InvalidApiKey', 401);
    case 'malformed':
      throw new z.errors.Error(KEY_MESSAGES.malformed(check.reason), 'InvalidApiKey', 401);
  }
  const root = closeApiRoot();
  if (request.url.startsWith('/')) request.url = `${root}${request.url}`;
  // The key goes only to Close (or the configured stand-in), never to another host.
  if (new URL(request.url).origin !== new URL(root).origin) return request;
  // Header names are case-insensitive: drop any casing core set first (it sends
  // "user-agent: Zapier"), or both values would be joined into one header.
  const ours = {
    authorization: `Basic ${Buffer.from(`${check.key}:`).toString('base64')}`,
    'user-agent': USER_AGENT,
    accept: 'application/json',
  };
  request.headers = {
    ...Object.fromEntries(
      Object.entries(request.headers ?? {}).filter(([name]) => !(name.toLowerCase() in ours)),
    ),
    ...ours,
  };
  request.timeout ??= REQUEST_TIMEOUT_MS;
  // Our afterResponse reads Close's Retry-After/RateLimit headers itself.
  (request as { throwForThrottlingEarly?: boolean }).throwForThrottlingEarly = false;
  return request;
};

/** Seconds until a throttled request may be retried: Retry-After, else the RateLimit reset. */
export function retryDelaySeconds(response: HttpResponse): number {
  const retryAfter = Number.parseFloat(response.getHeader('retry-after') ?? '');
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return Math.ceil(retryAfter);
  const reset = /reset=([\d.]+)/.exec(response.getHeader('ratelimit') ?? '')?.[1];
  if (reset !== undefined) return Math.ceil(Number.parseFloat(reset));
  return 60;
}

function serverMessage(response: HttpResponse): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(response.content);
  } catch {
    return undefined;
  }
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const error = parsed.data.error;
  return typeof error === 'string' ? error : error.message;
}

/**
 * Close nests the errors of embedded objects (`{"contacts": {"0": {"emails": …}}}`); each becomes
 * a dotted path with its message, so that nothing reaches the user as "[object Object]".
 */
function flattenFieldErrors(errors: unknown, path = ''): [string, string][] {
  if (Array.isArray(errors) && errors.every((item) => typeof item !== 'object' || item === null)) {
    return [[path, errors.map(String).join(' ')]];
  }
  if (errors && typeof errors === 'object') {
    return Object.entries(errors).flatMap(([key, value]) =>
      flattenFieldErrors(value, path ? `${path}.${key}` : key),
    );
  }
  return [[path, String(errors)]];
}

/** The label of the path, else of its nearest parent that has one ("contacts.0.emails.0"). */
function labelFor(path: string, labels: Record<string, string>): string {
  for (let end = path.length; end > 0; end = path.lastIndexOf('.', end - 1)) {
    const label = labels[path.slice(0, end)];
    if (label !== undefined) return label;
  }
  return path;
}

/** `field: message` for each of Close's field errors, named by the input label when known. */
export function describeFieldErrors(
  response: HttpResponse,
  labels: Record<string, string> = {},
): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(response.content);
  } catch {
    return undefined;
  }
  const parsed = fieldErrorsBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const parts = flattenFieldErrors(parsed.data['field-errors'] ?? {}).map(
    ([field, message]) => `${labelFor(field, labels)}: ${message}`,
  );
  for (const error of parsed.data.errors ?? []) parts.push(String(error));
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function describeRequest(response: HttpResponse): string {
  const url = new URL(response.request.url ?? '', 'http://unknown');
  return `${response.request.method ?? 'GET'} ${url.pathname.replace(/^\/api\/v1/, '')}`;
}

/** Close's statuses as errors users can act on (runs before core's generic throwForStatus). */
export const mapCloseErrors: AfterResponseMiddleware = (response, z, bundle) => {
  const { status } = response;
  if (status < 400 || response.request.skipThrowForStatus) return response;
  const data = (response.request.middlewareData ?? {}) as CloseMiddlewareData;
  const details = serverMessage(response);
  const keyId = apiKeyIdOf(bundle.authData.api_key);
  const what = describeRequest(response);

  if (status === 401) {
    throw new z.errors.ExpiredAuthError(
      `Close rejected the API key${keyId ? ` ${keyId}` : ''}: it is invalid, or it was deleted ` +
        `or rotated in Close. Create a new key under ${WHERE_KEYS_ARE} and reconnect your ` +
        'Close account in Zapier with it.',
    );
  }
  if (status === 429) {
    const delay = retryDelaySeconds(response);
    throw new z.errors.ThrottledError(
      `Close's rate limit for this API key was reached (429 on ${what}). ` +
        `Zapier will retry in ${delay} seconds.`,
      delay,
    );
  }
  if (status >= 500) {
    const delay = status === 503 ? retryDelaySeconds(response) : 30;
    throw new z.errors.ThrottledError(
      `Close is unavailable right now (HTTP ${status} on ${what}). Zapier will retry in ` +
        `${delay} seconds; if this goes on, check https://status.close.com.`,
      delay,
    );
  }
  if (status === 400) {
    const fields = describeFieldErrors(response, data.fieldLabels);
    throw new z.errors.Error(
      `Close rejected the data sent to ${what}: ${fields ?? details ?? 'it did not say why'}. ` +
        'Correct the fields named here and try again.',
      'InvalidInput',
      400,
    );
  }
  if (status === 403) {
    throw new z.errors.Error(
      `Close refused ${what} (403 Forbidden): the user this API key belongs to is not allowed ` +
        `to do this${details ? ` (${details})` : ''}. Ask an admin of your Close organization ` +
        'for the permission, or connect with a key of a user who has it.',
      'Forbidden',
      403,
    );
  }
  if (status === 404) {
    throw new z.errors.Error(
      `Close has no ${data.subject ?? 'such object'} (404 on ${what}): it may have been ` +
        'deleted or merged, or it belongs to another Close organization. Check the ID mapped ' +
        'into this step.',
      'NotFound',
      404,
    );
  }
  throw new z.errors.Error(
    `Close answered ${what} with HTTP ${status}${details ? `: ${details}` : ''}.`,
    'CloseError',
    status,
  );
};

export const befores: BeforeRequestMiddleware[] = [addCloseAuthAndUrl];
export const afters: AfterResponseMiddleware[] = [mapCloseErrors];
