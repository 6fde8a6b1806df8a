/**
 * The Close API, under `/api/v1`: authentication for the whole subtree, JSON bodies only (other
 * media types are a 415), then one module per resource. A method a path does not take is a 405
 * with `Allow`, as in Close.
 */
import type { FastifyPluginAsync } from 'fastify';
import apiAuth from '../../plugins/api-auth.js';
import activities from './activities.js';
import contacts from './contacts.js';
import customFields from './custom-fields.js';
import leads from './leads.js';
import me from './me.js';
import rateLimit from '../../plugins/rate-limit.js';
import event from './event.js';
import webhook from './webhook.js';

import { allowedMethods } from './methods.js';
import opportunities from './opportunities.js';
import savedSearches from './saved-searches.js';
import search from './search.js';
import statuses from './statuses.js';
import tasks from './tasks.js';
import users from './users.js';

const api: FastifyPluginAsync = async (app) => {
  await app.register(apiAuth);
  // Fastify parses text/plain by default; Close takes JSON only.
  app.removeContentTypeParser('text/plain');
  // Clients send DELETE with a JSON content type and no body; Close takes it, so does the mock.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '' && request.method === 'DELETE') done(null, undefined);
    else parseJson(request, body.toString(), done);
  });
  await app.register(rateLimit);
  const answerOtherMethods = allowedMethods(app);
  await app.register(me);
  await app.register(event);
  await app.register(webhook);
  await app.register(users);
  await app.register(leads);
  await app.register(contacts);
  await app.register(opportunities);
  await app.register(activities);
  await app.register(tasks);
  await app.register(statuses);
  await app.register(customFields);
  await app.register(savedSearches);
  await app.register(search);
  answerOtherMethods();
};

export default api;
