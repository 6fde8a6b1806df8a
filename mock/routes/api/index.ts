/**
 * The Close API, under `/api/v1`: authentication for the whole subtree, then one module per
 * resource.
 */
import type { FastifyPluginAsync } from 'fastify';
import apiAuth from '../../plugins/api-auth.js';
import me from './me.js';
import rateLimit from '../../plugins/rate-limit.js';
import event from './event.js';
import webhook from './webhook.js';

const api: FastifyPluginAsync = async (app) => {
  await app.register(apiAuth);
  await app.register(rateLimit);
  await app.register(me);
  await app.register(event);
  await app.register(webhook);
};

export default api;
