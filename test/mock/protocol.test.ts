import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { errorBodySchema, fieldErrorsBodySchema } from '../../shared/close-objects.js';
import { client, defaultTenant, idOf, testApp, type Client } from './helpers.js';

describe('HTTP behaviour of the Close API routes', () => {
  let app: FastifyInstance;
  let api: Client;

  beforeAll(async () => {
    app = await testApp();
    api = client(app, await defaultTenant(app));
  });
  afterAll(() => app.close());

  it.each([
    ['PATCH', '/lead/lead_x/', 'GET, PUT, DELETE'],
    ['DELETE', '/lead/', 'GET, POST'],
    ['POST', '/activity/', 'GET'],
    ['GET', '/status/lead/stat_x/', 'PUT, DELETE'],
    ['PUT', '/user/', 'GET'],
    ['GET', '/data/search/', 'POST'],
    ['DELETE', '/me/', 'GET'],
  ])('answers %s %s with 405 and Allow: %s', async (method, url, allow) => {
    const response = await api.request({ method: method as 'GET', url: `/api/v1${url}` });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe(allow);
    expect(errorBodySchema.parse(response.object).error).toContain(method);
  });

  it('still asks for authentication before answering 405', async () => {
    const response = await app.inject({ method: 'PATCH', url: '/api/v1/lead/' });
    expect(response.statusCode).toBe(401);
  });

  it('answers 404 for a path the API does not have', async () => {
    const response = await api.get('/nothing_here/');
    expect(response.statusCode).toBe(404);
    expect(response.object.error).toEqual(expect.any(String));
  });

  it('answers 415 to a body that is not JSON', async () => {
    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/xml',
    ]) {
      const response = await api.request({
        method: 'POST',
        url: '/api/v1/lead/',
        payload: 'name=Acme',
        headers: { 'content-type': contentType },
      });
      expect([contentType, response.statusCode]).toEqual([contentType, 415]);
      expect(response.object.error).toContain('application/json');
    }
  });

  it('answers 400 to malformed JSON and to a body that is not an object', async () => {
    const malformed = await api.request({
      method: 'POST',
      url: '/api/v1/lead/',
      payload: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.object.error).toBe('The request body is not valid JSON.');
    const list = await api.post('/lead/', [1, 2]);
    expect(list.statusCode).toBe(400);
    expect(fieldErrorsBodySchema.parse(list.object)['field-errors']).toBeDefined();
  });

  it('takes a DELETE with a JSON content type and no body', async () => {
    const id = idOf(await api.post('/lead/', { name: 'Deleted politely' }));
    const response = await api.request({
      method: 'DELETE',
      url: `/api/v1/lead/${id}/`,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(response.statusCode).toBe(200);
    const empty = await api.request({
      method: 'POST',
      url: '/api/v1/lead/',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.statusCode).toBe(400);
  });

  it('uses Close’s validation shape, with "This field is required." for missing fields', async () => {
    const response = await api.post('/task/', { text: 7 });
    expect(response.statusCode).toBe(400);
    expect(response.object).toEqual({
      errors: [],
      'field-errors': {
        lead_id: 'This field is required.',
        text: expect.stringContaining('string'),
      },
    });
  });

  it('accepts paths without the trailing slash', async () => {
    const id = idOf(await api.post('/lead', { name: 'No slash' }));
    expect((await api.get(`/lead/${id}`)).statusCode).toBe(200);
  });
});
