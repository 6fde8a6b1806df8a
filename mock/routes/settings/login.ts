/**
 * Signing in to and out of the settings page. The admin token arrives in a form body only; a
 * match starts a new session (a fresh random ID every time, so a planted cookie is worthless)
 * and a mismatch answers 401 with the form again, without the token.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { loginPage } from '../../web/login-page.js';
import { WEB_PATHS } from '../../web/paths.js';
import { assertCsrf, assertSameOrigin, currentSession } from './guards.js';
import { expiredSessionCookie, sessionCookie, type SessionStore } from './sessions.js';

const COOKIE_PATH = '/settings';

const loginQuery = z.object({
  signed_out: z.string().optional(),
  expired: z.string().optional(),
});
const loginBody = z.object({ token: z.string().max(1000).optional() });

const routes: FastifyPluginAsync<{
  sessions: SessionStore;
  matchesAdminToken: (token: string | undefined) => boolean;
}> = async (app, { sessions, matchesAdminToken }) => {
  app.get(WEB_PATHS.login, async (request, reply) => {
    if (currentSession(sessions, request)) return reply.redirect(WEB_PATHS.apiKeys, 303);
    const query = loginQuery.safeParse(request.query);
    const notice = !query.success
      ? undefined
      : query.data.signed_out !== undefined
        ? 'You are signed out.'
        : query.data.expired !== undefined
          ? 'Your session ended (the server restarted, or you were idle for 8 hours). Sign in again.'
          : undefined;
    return reply.type('text/html; charset=utf-8').send(loginPage(notice ? { notice } : {}));
  });

  app.post(WEB_PATHS.login, async (request, reply) => {
    assertSameOrigin(request);
    const body = loginBody.safeParse(request.body);
    const token = body.success ? body.data.token?.trim() : undefined;
    if (!token || !matchesAdminToken(token)) {
      const error = token
        ? 'That is not this server’s admin token. Copy it from the line ' +
          '"Admin token (control plane): …" that the mock server printed at start, or use your ' +
          'CLOSE_MOCK_ADMIN_TOKEN.'
        : 'Enter the admin token.';
      return reply.code(401).type('text/html; charset=utf-8').send(loginPage({ error }));
    }
    const previous = currentSession(sessions, request);
    if (previous) sessions.destroy(previous.id);
    const session = sessions.create();
    return reply
      .header('set-cookie', sessionCookie(session, COOKIE_PATH))
      .redirect(WEB_PATHS.apiKeys, 303);
  });

  app.post(WEB_PATHS.logout, async (request, reply) => {
    assertSameOrigin(request);
    const session = currentSession(sessions, request);
    if (session) {
      assertCsrf(session, request.body);
      sessions.destroy(session.id);
    }
    return reply
      .header('set-cookie', expiredSessionCookie(COOKIE_PATH))
      .redirect(`${WEB_PATHS.login}?signed_out`, 303);
  });
};

export default routes;
