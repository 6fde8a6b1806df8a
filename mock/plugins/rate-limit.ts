/**
 * Close's rate limiting on the API subtree, after authentication (the budget is per key): each
 * answer carries `RateLimit: limit=…, remaining=…, reset=…`, and a request past the budget gets
 * a 429 with `Retry-After` and Close's older body `{"error": {"rate_reset": S, "message": …}}`.
 * The endpoint group is the route's method and path template, so `/lead/lead_a/` and
 * `/lead/lead_b/` share one budget.
 */
import fp from 'fastify-plugin';
import { rateLimitHeader } from '../services/rate-limits.js';

export const RATE_LIMIT_MESSAGE =
  'API call count exceeded for this endpoint and period; retry after the number of seconds in ' +
  'Retry-After.';

export default fp(
  async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      const group = `${request.method} ${request.routeOptions.url ?? request.url}`;
      const { keyId, organizationId } = request.principal;
      const decision = app.services.rateLimits.hit(keyId, organizationId, group);
      reply.header('RateLimit', rateLimitHeader(decision));
      if (decision.allowed) return;
      return reply
        .code(429)
        .header('Retry-After', String(Math.max(1, Math.ceil(decision.resetSeconds))))
        .send({ error: { rate_reset: decision.resetSeconds, message: RATE_LIMIT_MESSAGE } });
    });
  },
  { name: 'rate-limit', dependencies: ['api-auth', 'services'] },
);
