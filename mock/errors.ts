/**
 * The mock's error shapes, as Close answers them: `{"error": "…"}` for most statuses and
 * `{"errors": [...], "field-errors": {...}}` for validation. One error handler turns every thrown
 * error (ours, Fastify's, zod's) into one of those, so no request can end in an HTML page or a
 * stack trace, and unexpected failures are a 500 without details. Secrets a client sent in a
 * path or field are never echoed back.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Redactor } from './redact.js';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A 400 in Close's validation shape. */
export class FieldErrors extends Error {
  readonly statusCode = 400;
  constructor(
    readonly fieldErrors: Record<string, string>,
    readonly errors: string[] = [],
  ) {
    super('Validation failed');
  }
}

export const notFound = (what: string): ApiError =>
  new ApiError(404, `${what} does not exist or is not visible to this API key.`);

export type ErrorBody =
  { error: string } | { errors: string[]; 'field-errors': Record<string, string> };

/** `["body","lead","name"]` → `lead.name`: Close names nested fields with dots. */
function fieldName(path: string, params: unknown): string {
  const missing = (params as { missingProperty?: string } | undefined)?.missingProperty;
  const dotted = path.replace(/^\//, '').replaceAll('/', '.');
  return [dotted, missing].filter(Boolean).join('.') || 'body';
}

/**
 * `redact` takes secrets out of every error answer: messages quote paths, IDs and field names
 * as the client sent them, and a client may have sent a key or the admin token there.
 */
export function registerErrorHandling(app: FastifyInstance, redact: Redactor): void {
  app.addHook('onSend', async (_request, reply, payload) =>
    reply.statusCode >= 400 && typeof payload === 'string' ? redact(payload) : payload,
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof FieldErrors) {
      return reply.code(400).send({ errors: error.errors, 'field-errors': error.fieldErrors });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fieldErrors: Record<string, string> = {};
      const context = error.validationContext;
      for (const issue of error.validation) {
        const field = fieldName(issue.instancePath, issue.params);
        fieldErrors[context === 'body' || field !== 'body' ? field : (context ?? field)] ??=
          closeMessage(issue.keyword, issue.message);
      }
      return reply.code(400).send({ errors: [], 'field-errors': fieldErrors });
    }
    if (error instanceof ApiError) {
      return reply.code(error.statusCode).headers(error.headers).send({ error: error.message });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ error: clientErrorMessage(error) });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: 'Internal server error.' });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: `No route for ${request.method} ${request.url.split('?')[0]}.` });
  });
}

/** Close's wording for a missing field; zod's own message for everything else. */
function closeMessage(keyword: string, message: string | undefined): string {
  if (keyword === 'invalid_type' && /received undefined$/.test(message ?? '')) {
    return 'This field is required.';
  }
  return message ?? 'Invalid value.';
}

/** Fastify's own 4xx errors get messages that say what to fix. */
function clientErrorMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is not valid JSON.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported content type: send JSON with "Content-Type: application/json".';
    default:
      return error.message;
  }
}
