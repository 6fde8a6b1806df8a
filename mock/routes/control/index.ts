/**
 * The control plane, under `/_mock`: what Close does in its web app (issuing keys) and what
 * developers need around a mock (tenants, resets). Guarded by the admin token.
 */
import type { FastifyPluginAsync } from 'fastify';
import adminAuth from '../../plugins/admin-auth.js';
import keys from './keys.js';
import organizations from './organizations.js';

const control: FastifyPluginAsync<{
  matchesAdminToken: (token: string | undefined) => boolean;
}> = async (app, options) => {
  await app.register(adminAuth, { matches: options.matchesAdminToken });
  await app.register(keys);
  await app.register(organizations);
};

export default control;
