import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { body, client, defaultTenant, testApp, type Client } from './helpers.js';

describe('smoke', () => {
  let app: FastifyInstance;
  let api: Client;
  beforeAll(async () => {
    app = await testApp();
    api = client(app, await defaultTenant(app));
  });
  afterAll(() => app.close());

  it('creates and reads a lead', async () => {
    const created = await api.post('/lead/', {
      name: 'Acme',
      contacts: [
        { name: 'Ann', emails: [{ email: 'ann@acme.com' }], phones: [{ phone: '650-555-1234' }] },
      ],
    });
    console.log(created.statusCode, created.body);
    const id = body(created).id as string;
    const read = await api.get(`/lead/${id}/`);
    console.log(read.statusCode, read.body);
    const list = await api.get(`/lead/?query=email:ann@acme.com`);
    console.log(list.statusCode, list.body.slice(0, 300));
    const statuses = await api.get(`/status/lead/`);
    console.log(statuses.body);
    const bad = await api.post('/lead/', {
      status_id: 'nope',
      contacts: [{ emails: [{ email: 'x' }] }],
    });
    console.log(bad.statusCode, bad.body);
    const m = await api.request({ method: 'PATCH', url: `/api/v1/lead/${id}/` });
    console.log(m.statusCode, m.headers.allow, m.body);
    const t = await api.request({
      method: 'POST',
      url: `/api/v1/lead/`,
      payload: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    console.log(t.statusCode, t.body);
    expect(created.statusCode).toBe(200);
  });
});
