/**
 * Authentication of the Close API routes, as Close does it: HTTP Basic with the API key as the
 * username and an empty password. Every rejection is a 401 with a JSON message that says what
 * to fix and never echoes what was sent. A verified request records its key's last use.
 */
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { redactKeySecrets } from '../redact.js';
import type { KeyPrincipal } from '../services/api-keys.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: KeyPrincipal;
  }
}

const HOW_TO_SEND =
  'Send your Close API key as the username of HTTP Basic authentication with an empty password: ' +
  'Authorization: Basic base64("<api key>:").';

export const AUTH_MESSAGES = {
  missing: `Authentication required. ${HOW_TO_SEND}`,
  notBasic: `Unsupported authorization scheme. ${HOW_TO_SEND}`,
  badEncoding: `The Authorization header is not valid Basic authentication. ${HOW_TO_SEND}`,
  idOnly:
    'This is an API key ID, not an API key. The full key is the ID, a dot and a secret part; ' +
    'it is shown only once, when the key is created. Create a new key and use the whole key.',
  malformed: 'This is not a Close API key. A key looks like api_<22 characters>.<22 characters>.',
  rejected: 'The API key is invalid, or it has been deleted. Create a new key and use it instead.',
} as const;

const unauthorized = (message: string) =>
  new ApiError(401, message, { 'www-authenticate': 'Basic realm="Close API"' });

/** The username of a Basic Authorization header, or the message for why there is none. */
export function basicUsername(
  header: string | undefined,
): { username: string } | { error: string } {
  if (!header || header.trim() === '') return { error: AUTH_MESSAGES.missing };
  const match = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    return { error: /^Basic\b/i.test(header) ? AUTH_MESSAGES.badEncoding : AUTH_MESSAGES.notBasic };
  }
  const encoded = match[1];
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 === 1) {
    return { error: AUTH_MESSAGES.badEncoding };
  }
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = colon === -1 ? decoded : decoded.slice(0, colon);
  if (username.trim() === '') return { error: AUTH_MESSAGES.missing };
  return { username };
}

const USER_AGENT_MAX = 512;

export default fp(
  async (app) => {
    app.decorateRequest('principal', null as unknown as KeyPrincipal);
    app.addHook('onRequest', async (request: FastifyRequest) => {
      const basic = basicUsername(request.headers.authorization);
      if ('error' in basic) throw unauthorized(basic.error);
      const result = app.services.apiKeys.verify(basic.username);
      switch (result.status) {
        case 'valid':
          request.principal = result.principal;
          app.services.apiKeys.recordUse(result.principal.keyId, {
            at: new Date().toISOString().replace('Z', '+00:00'),
            ip: request.ip,
            // A confused client may send its key in the User-Agent: never store a secret.
            userAgent:
              request.headers['user-agent'] === undefined
                ? null
                : redactKeySecrets(request.headers['user-agent']).slice(0, USER_AGENT_MAX),
          });
          return;
        case 'id_only':
          throw unauthorized(AUTH_MESSAGES.idOnly);
        case 'malformed':
          throw unauthorized(AUTH_MESSAGES.malformed);
        case 'rejected':
          throw unauthorized(AUTH_MESSAGES.rejected);
      }
    });
  },
  { name: 'api-auth', dependencies: ['services'] },
);
