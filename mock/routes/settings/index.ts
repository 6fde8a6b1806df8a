/**
 * The mock server's web pages: the front page (`/`) and Settings → API Keys (`/settings/…`),
 * where developers issue and delete keys in a browser as Close's users do. Everything here is
 * HTML for people, so this scope has its own rules: local clients only, strict security headers
 * (no inline script or style, no framing, no caching of pages), form bodies only, and errors as
 * HTML pages instead of the API's JSON.
 */
import type { FastifyError, FastifyPluginAsync, FastifyReply } from 'fastify';
import { ApiError } from '../../errors.js';
import { CLIENT_SCRIPT } from '../../web/client-script.js';
import { homePage } from '../../web/home-page.js';
import { errorPage } from '../../web/layout.js';
import { WEB_PATHS } from '../../web/paths.js';
import { STYLESHEET } from '../../web/styles.js';
import apiKeys from './api-keys.js';
import { assertLocal } from './guards.js';
import login from './login.js';
import { SessionStore } from './sessions.js';

const FORM_BODY_LIMIT_BYTES = 16 * 1024;

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // Not `no-referrer`: with it, browsers send `Origin: null` on form posts, which
  // assertSameOrigin must refuse. URLs here hold no secret; other sites get no Referer at all.
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const settings: FastifyPluginAsync<{
  matchesAdminToken: (token: string | undefined) => boolean;
}> = async (app, { matchesAdminToken }) => {
  const sessions = new SessionStore();
  app.addHook('onClose', async () => sessions.clear());

  app.addHook('onRequest', async (request) => assertLocal(request));
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    // A page may hold a one-time key or a CSRF token: never from a cache, never back from one.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  // Only HTML forms post here: no JSON, so no request a page on another site could forge
  // without a form, and the fields arrive as strings for zod to check.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT_BYTES },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status =
      error instanceof ApiError
        ? error.statusCode
        : error.statusCode && error.statusCode < 500
          ? error.statusCode
          : 500;
    if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    return sendHtml(reply.code(status), errorPage(status, messageFor(error, status)).value);
  });

  app.get(WEB_PATHS.home, async (request, reply) =>
    sendHtml(reply, homePage(`${request.protocol}://${request.host}`)),
  );
  app.get(WEB_PATHS.stylesheet, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(STYLESHEET),
  );
  app.get(WEB_PATHS.script, async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(CLIENT_SCRIPT),
  );
  await app.register(login, { sessions, matchesAdminToken });
  await app.register(apiKeys, { sessions });
};

function sendHtml(reply: FastifyReply, html: string) {
  return reply.type('text/html; charset=utf-8').send(html);
}

function messageFor(error: FastifyError, status: number): string {
  if (error instanceof ApiError) return error.message;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The form is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'This page accepts HTML form posts only.';
    default:
      return status >= 500 ? 'Internal server error.' : error.message;
  }
}

export default settings;
