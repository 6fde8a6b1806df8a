/**
 * The control plane's guard: `Authorization: Bearer <admin token>`. The token is compared as
 * SHA-256 digests in constant time, and only the digest is kept in memory.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { ApiError } from '../errors.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function adminTokenMatcher(adminToken: string): (presented: string | undefined) => boolean {
  const expected = digest(adminToken);
  return (presented) => presented !== undefined && timingSafeEqual(expected, digest(presented));
}

export default fp<{ matches: (presented: string | undefined) => boolean }>(
  async (app, { matches }) => {
    app.addHook('onRequest', async (request) => {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
      if (!matches(match?.[1])) {
        throw new ApiError(
          401,
          'The control plane needs the admin token the mock server printed at start: ' +
            'Authorization: Bearer <admin token> (or set CLOSE_MOCK_ADMIN_TOKEN for the CLI).',
        );
      }
    });
  },
  { name: 'admin-auth' },
);
