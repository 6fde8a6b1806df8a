/**
 * Calling Close from an operation: `z.request` (so the middleware adds auth, the base URL and
 * error mapping), then the JSON parsed and checked with a zod schema. What the middleware cannot
 * see — a timeout, a dropped connection, a 200 whose body is not JSON or not the expected
 * shape — becomes a clear error here.
 */
import type { HttpRequestOptions, ZObject } from 'zapier-platform-core';
import type { z as zod } from 'zod';
import type { CloseMiddlewareData } from '../middleware.js';
import { REQUEST_TIMEOUT_MS } from './config.js';

export type CloseRequest = Omit<HttpRequestOptions, 'url' | 'middlewareData'> & {
  url: string;
  middlewareData?: CloseMiddlewareData;
};

const ZAPIER_ERROR_NAMES = new Set([
  'AppError',
  'ExpiredAuthError',
  'ThrottledError',
  'HaltedError',
  'RefreshAuthError',
  'ResponseError',
]);

function describeTransportError(error: Error, request: CloseRequest): string {
  const what = `${request.method ?? 'GET'} ${request.url}`;
  const text = `${(error as { type?: string }).type ?? ''} ${error.message}`;
  if (/timeout/i.test(text)) {
    return (
      `Close did not answer ${what} within ${(request.timeout ?? REQUEST_TIMEOUT_MS) / 1000} ` +
      'seconds. Close may be slow or unavailable; try again in a few minutes.'
    );
  }
  return (
    `Could not reach Close for ${what}: the connection failed ` +
    `(${(error as { code?: string }).code ?? 'network error'}). Try again in a few minutes.`
  );
}

export async function closeRequest<S extends zod.ZodType>(
  z: ZObject,
  request: CloseRequest,
  schema: S,
): Promise<zod.output<S>> {
  let response;
  try {
    response = await z.request(request);
  } catch (error) {
    if (error instanceof Error && !ZAPIER_ERROR_NAMES.has(error.name)) {
      throw new z.errors.Error(describeTransportError(error, request), 'CloseUnreachable', 503);
    }
    throw error;
  }
  let body: unknown;
  try {
    body = response.content === '' ? {} : JSON.parse(response.content);
  } catch {
    throw new z.errors.Error(
      `Close answered ${request.method ?? 'GET'} ${request.url} with something that is not ` +
        'JSON (HTTP ' +
        `${response.status}). If CLOSE_API_BASE_URL is set, check that it points at the Close API.`,
      'InvalidResponse',
      502,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new z.errors.Error(
      `Close answered ${request.method ?? 'GET'} ${request.url} in an unexpected shape` +
        (issue ? ` (${issue.path.join('.') || 'body'}: ${issue.message})` : '') +
        '. Please report this to the integration’s developers.',
      'InvalidResponse',
      502,
    );
  }
  return parsed.data;
}

export const closeGet = <S extends zod.ZodType>(
  z: ZObject,
  url: string,
  schema: S,
  params?: Record<string, string | number | boolean>,
  middlewareData?: CloseMiddlewareData,
) =>
  closeRequest(
    z,
    { url, method: 'GET', ...(params && { params }), ...(middlewareData && { middlewareData }) },
    schema,
  );

/** The HTTP status of an error the middleware raised for a Close answer (e.g. 404), if any. */
export function closeErrorStatus(error: unknown): number | undefined {
  if (!(error instanceof Error) || error.name !== 'AppError') return undefined;
  try {
    const parsed: unknown = JSON.parse(error.message);
    const status = (parsed as { status?: unknown }).status;
    return typeof status === 'number' ? status : undefined;
  } catch {
    return undefined;
  }
}
