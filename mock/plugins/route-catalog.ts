/**
 * Records every route the app registers (method, URL, schema), so that generic tooling, the
 * bad-input test above all, can walk all routes, including those added by other modules later.
 * Must be registered before any route.
 */
import fp from 'fastify-plugin';
import type { FastifySchema, HTTPMethods } from 'fastify';

export type CatalogRoute = { method: HTTPMethods; url: string; schema: FastifySchema | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: CatalogRoute[];
  }
}

export default fp(
  async (app) => {
    const routes: CatalogRoute[] = [];
    app.decorate('routeCatalog', routes);
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) routes.push({ method, url: route.url, schema: route.schema });
    });
  },
  { name: 'route-catalog' },
);
