/**
 * The OpenAPI document of the mock's Close API, generated from the routes' zod schemas and served
 * at `/_mock/openapi.json` (no token: it holds no data). Paths are relative to `/api/v1`, as in
 * Close's own description, so the two can be compared; the control plane is left out. Must be
 * registered before the routes it describes.
 */
import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export const API_PREFIX = '/api/v1';
export const OPENAPI_PATH = '/_mock/openapi.json';

export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Close API (mock)',
          description:
            'The part of the Close API that the local mock server serves. Authenticate with ' +
            'HTTP Basic: the API key as the username, an empty password.',
          version: '1.0.0',
        },
        servers: [{ url: API_PREFIX }],
        components: { securitySchemes: { apiKey: { type: 'http', scheme: 'basic' } } },
        security: [{ apiKey: [] }],
      },
      transform: (input) =>
        input.url.startsWith(`${API_PREFIX}/`)
          ? jsonSchemaTransform(input)
          : { schema: { ...input.schema, hide: true }, url: input.url },
    });
    app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
