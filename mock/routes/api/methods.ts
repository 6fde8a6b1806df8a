/**
 * Close answers a method a path does not take with 405 and an `Allow` header; Fastify answers
 * 404 for it. `allowedMethods` watches the routes registered under the API and, once they are
 * all in, adds the missing methods of each path as routes that answer 405.
 */
// For the `hide` schema option (type only): the 405 routes stay out of the OpenAPI document.
import type {} from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Call before registering routes; call the returned function after. */
export function allowedMethods(app: FastifyInstance): () => void {
  const byUrl = new Map<string, Set<string>>();
  let done = false;
  app.addHook('onRoute', (route) => {
    if (done) return;
    const url = route.url.startsWith(app.prefix) ? route.url.slice(app.prefix.length) : route.url;
    const methods = byUrl.get(url) ?? new Set<string>();
    for (const method of [route.method].flat()) if (method !== 'HEAD') methods.add(method);
    byUrl.set(url, methods);
  });
  return () => {
    done = true;
    for (const [url, methods] of byUrl) {
      const missing = METHODS.filter((method) => !methods.has(method));
      if (missing.length === 0) continue;
      const allow = [...methods].join(', ');
      app.route({
        method: missing,
        url,
        // Not operations of the API: kept out of the OpenAPI document.
        schema: { hide: true },
        handler: async (request) => {
          throw new ApiError(
            405,
            `${request.method} is not allowed here; this path takes ${allow}.`,
            { allow },
          );
        },
      });
    }
  };
}
