/**
 * Settings → API Keys: the page, creating a key and deleting one, for the default organization's
 * owner (the user the bootstrap key and `npm run mock:keys` use). Key logic is ApiKeyService's;
 * this module only turns forms into its calls. Every post redirects (post/redirect/get), and a
 * created key reaches the page through the session's one-shot flash, so the full key is in
 * exactly one response: reloading, going back or opening the page again shows only its ID.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiKeyIdSchema } from '../../../shared/api-key.js';
import { KEY_NAME_MAX_LENGTH } from '../../services/api-keys.js';
import { apiKeysPage, type ApiKeysView } from '../../web/api-keys-page.js';
import { WEB_PATHS } from '../../web/paths.js';
import { keyNameSchema } from '../control/keys.js';
import { assertCsrf, assertSameOrigin, currentSession } from './guards.js';
import { sessionIdFromCookies, type Session, type SessionStore } from './sessions.js';

const pageQuery = z.object({ new: z.string().optional(), delete: z.string().optional() });
const createBody = z.object({ name: z.string().max(10_000).optional() });
const pageKeyName = keyNameSchema.regex(
  /^[^\p{Cc}]*$/u,
  'A name cannot contain line breaks or other control characters.',
);

const routes: FastifyPluginAsync<{ sessions: SessionStore }> = async (app, { sessions }) => {
  const { apiKeys, tenancy } = app.services;

  /** The signed-in session, or a redirect to the sign-in form (then `undefined`). */
  function sessionOrSignIn(request: FastifyRequest, reply: FastifyReply): Session | undefined {
    const session = currentSession(sessions, request);
    if (!session) {
      // A cookie that no longer matches a session: the server restarted or the session idled out.
      const expired = sessionIdFromCookies(request.headers.cookie) !== undefined;
      void reply.redirect(`${WEB_PATHS.login}${expired ? '?expired' : ''}`, 303);
    }
    return session;
  }

  function render(
    reply: FastifyReply,
    session: Session,
    view: Partial<ApiKeysView> = {},
    status = 200,
  ) {
    const { organization, owner } = tenancy.ensureDefaultTenant();
    const html = apiKeysPage({
      account: {
        organization: organization.name,
        user: `${owner.first_name} ${owner.last_name}`.trim() || owner.email,
        csrfToken: session.csrfToken,
      },
      keys: apiKeys.list(organization.id),
      now: new Date(),
      nameMaxLength: KEY_NAME_MAX_LENGTH,
      ...view,
    });
    return reply.code(status).type('text/html; charset=utf-8').send(html);
  }

  app.get(WEB_PATHS.apiKeys, async (request, reply) => {
    const session = sessionOrSignIn(request, reply);
    if (!session) return reply;
    const query = pageQuery.safeParse(request.query);
    const flash = sessions.takeFlash(session);
    return render(reply, session, {
      ...(query.success && query.data.new !== undefined && { newKeyForm: {} }),
      ...(query.success && query.data.delete && { confirmDeleteId: query.data.delete }),
      ...(flash?.kind === 'notice' && { notice: flash.text }),
      ...(flash?.kind === 'created' && {
        created: { id: flash.id, name: flash.name, key: flash.key },
      }),
    });
  });

  app.post(WEB_PATHS.apiKeys, async (request, reply) => {
    assertSameOrigin(request);
    const session = sessionOrSignIn(request, reply);
    if (!session) return reply;
    assertCsrf(session, request.body);
    const typed = createBody.safeParse(request.body);
    const raw = typed.success ? (typed.data.name ?? '') : '';
    const name = pageKeyName.safeParse(raw);
    const { organization, owner } = tenancy.ensureDefaultTenant();
    const error = !name.success
      ? (name.error.issues[0]?.message ?? 'This name cannot be used.')
      : apiKeys.nameInUse(name.data, organization.id)
        ? `A key named "${name.data}" already exists. Give this one a name that tells it ` +
          'apart, e.g. after the integration that will use it.'
        : undefined;
    if (error || !name.success) {
      return render(reply, session, { newKeyForm: { name: raw.trim(), error } }, 400);
    }
    const { key, listing } = apiKeys.create({
      name: name.data,
      userId: owner.id,
      organizationId: organization.id,
    });
    sessions.holdCreatedKey(session, { id: listing.id, name: listing.name, key });
    return reply.redirect(WEB_PATHS.apiKeys, 303);
  });

  app.post('/settings/api-keys/:id/delete', async (request, reply) => {
    assertSameOrigin(request);
    const session = sessionOrSignIn(request, reply);
    if (!session) return reply;
    assertCsrf(session, request.body);
    const params = z.object({ id: apiKeyIdSchema }).safeParse(request.params);
    const id = params.success ? params.data.id : undefined;
    const { organization } = tenancy.ensureDefaultTenant();
    const key = id ? apiKeys.get(id) : undefined;
    if (!key || key.organization_id !== organization.id || !apiKeys.delete(key.id)) {
      sessions.notify(session, 'That key no longer exists: it was already deleted.');
    } else {
      sessions.notify(
        session,
        `Deleted the API key "${key.name}" (${key.id}). Requests made with it are now rejected.`,
      );
    }
    return reply.redirect(WEB_PATHS.apiKeys, 303);
  });
};

export default routes;
