/**
 * Applies queued faults (`POST /_mock/faults`) to requests outside the control plane. It runs
 * first of all hooks, before authentication and rate limiting, so that a fault can stand in for
 * any answer Close might give, including for requests the mock would otherwise reject.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import fp from 'fastify-plugin';
import { rateLimitHeader } from '../services/rate-limits.js';

export const CONTROL_PREFIX = '/_mock';

export default fp(
  async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      if (app.services.faults.isEmpty) return;
      const path = request.url.split('?', 1)[0] ?? request.url;
      if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) return;
      const fault = app.services.faults.take(request.method, path);
      if (!fault) return;
      if (fault.delay_ms) await sleep(fault.delay_ms);
      if (fault.drop) {
        // No answer at all: the client sees the connection end, as with a crashed server.
        reply.hijack();
        request.raw.socket?.destroy();
        return;
      }
      if (fault.status === undefined && fault.body === undefined) return; // a delay only
      const status = fault.status ?? 200;
      if (status === 429) {
        reply
          .header('Retry-After', '1')
          .header(
            'ratelimit',
            rateLimitHeader({ allowed: false, limit: 1, remaining: 0, resetSeconds: 1 }),
          );
      }
      reply.code(status).headers(fault.headers ?? {});
      if (typeof fault.body === 'string') {
        return reply.type('application/json').send(fault.body);
      }
      return reply.send(
        fault.body ?? {
          error:
            status === 429
              ? { rate_reset: 1, message: 'Rate limited (a fault injected through /_mock/faults).' }
              : `Simulated ${status} (a fault injected through /_mock/faults).`,
        },
      );
    });
  },
  { name: 'faults', dependencies: ['services'] },
);
