/**
 * The control plane, under `/_mock`: what Close does in its web app (issuing keys) and what
 * developers need around a mock (tenants, resets). Guarded by the admin token.
 */
import type { FastifyPluginAsync } from 'fastify';
import adminAuth from '../../plugins/admin-auth.js';
import keys from './keys.js';
import organizations from './organizations.js';
import faults from './faults.js';
import reset from './reset.js';
import webhooks from './webhooks.js';

const control: FastifyPluginAsync<{
  matchesAdminToken: (token: string | undefined) => boolean;
}> = async (app, options) => {
  await app.register(adminAuth, { matches: options.matchesAdminToken });
  await app.register(keys);
  await app.register(organizations);
  await app.register(reset);
  await app.register(faults);
  await app.register(webhooks);
};

export default control;
