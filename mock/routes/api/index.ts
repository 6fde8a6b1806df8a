/**
 * The Close API, under `/api/v1`: authentication for the whole subtree, then one module per
 * resource.
 */
import type { FastifyPluginAsync } from 'fastify';
import apiAuth from '../../plugins/api-auth.js';
import me from './me.js';

const api: FastifyPluginAsync = async (app) => {
  await app.register(apiAuth);
  await app.register(me);
};

export default api;
