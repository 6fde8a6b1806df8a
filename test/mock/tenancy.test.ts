import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { client, defaultTenant, idOf, newTenant, testApp, type Client } from './helpers.js';

describe('tenant isolation', () => {
  let app: FastifyInstance;
  let mine: Client;
  let theirs: Client;
  const objects: Record<string, string> = {};

  beforeAll(async () => {
    app = await testApp();
    mine = client(app, await defaultTenant(app));
    theirs = client(app, await newTenant(app));
    const lead = (
      await mine.post('/lead/', {
        name: 'Secret Lead',
        contacts: [{ name: 'Secret Contact', emails: [{ email: 'secret@mine.example' }] }],
      })
    ).object;
    objects.lead = String(lead.id);
    objects.contact = String((lead.contacts as { id: string }[])[0]!.id);
    objects.opportunity = idOf(
      await mine.post('/opportunity/', { lead_id: objects.lead, value: 1 }),
    );
    objects.task = idOf(await mine.post('/task/', { lead_id: objects.lead, text: 'secret task' }));
    objects.note = idOf(
      await mine.post('/activity/note/', { lead_id: objects.lead, note: 'secret note' }),
    );
    objects.field = idOf(
      await mine.post('/custom_field/lead/', { name: 'Secret Field', type: 'text' }),
    );
    objects.view = idOf(
      await mine.post('/saved_search/', { name: 'Secret View', query: 'secret' }),
    );
    objects.status = String((await mine.get('/status/lead/')).items[0]!.id);
    objects.user = String((await mine.get('/user/')).items[0]!.id);
  });
  afterAll(() => app.close());

  it('gives a new organization its own default statuses and pipeline', async () => {
    const statuses = (await theirs.get('/status/lead/')).items;
    expect(statuses.map((status) => status.label)).toEqual([
      'Potential',
      'Bad Fit',
      'Qualified',
      'Customer',
    ]);
    expect(statuses.map((status) => status.id)).not.toContain(objects.status);
    expect((await theirs.get('/pipeline/')).items.map((pipeline) => pipeline.name)).toEqual([
      'Sales',
    ]);
  });

  it('answers 404 to another organization’s key for every object', async () => {
    const urls = [
      `/lead/${objects.lead}/`,
      `/contact/${objects.contact}/`,
      `/opportunity/${objects.opportunity}/`,
      `/task/${objects.task}/`,
      `/activity/note/${objects.note}/`,
      `/custom_field/lead/${objects.field}/`,
      `/saved_search/${objects.view}/`,
      `/user/${objects.user}/`,
    ];
    for (const url of urls) {
      const read = await theirs.get(url);
      expect([url, read.statusCode]).toEqual([url, 404]);
      expect(read.body).not.toContain('Secret');
      if (!url.startsWith('/user/')) {
        expect([
          url,
          (await theirs.put(url, { name: 'hijacked', note: 'x', text: 'x' })).statusCode,
        ]).toEqual([url, 404]);
        expect([url, (await theirs.delete(url)).statusCode]).toEqual([url, 404]);
      }
    }
    for (const url of [`/status/lead/${objects.status}/`]) {
      expect((await theirs.put(url, { label: 'Hijacked' })).statusCode).toBe(404);
      expect((await theirs.delete(url)).statusCode).toBe(404);
    }
    expect((await mine.get(`/lead/${objects.lead}/`)).object.name).toBe('Secret Lead');
  });

  it('sees none of the other organization’s data in lists and searches', async () => {
    for (const url of [
      '/lead/',
      '/contact/',
      '/opportunity/',
      '/task/',
      '/activity/',
      '/custom_field/lead/',
      '/saved_search/',
    ]) {
      expect([url, (await theirs.get(url)).items]).toEqual([url, []]);
    }
    expect((await theirs.get('/lead/?query=secret')).items).toEqual([]);
    expect((await theirs.get('/lead/?query=email:secret@mine.example')).items).toEqual([]);
    const search = await theirs.post('/data/search/', {
      query: { type: 'object_type', object_type: 'contact' },
    });
    expect(search.items).toEqual([]);
    expect((await theirs.get('/user/')).items.map((user) => user.id)).not.toContain(objects.user);
  });

  it('cannot point its objects at the other organization’s objects', async () => {
    expect((await theirs.post('/contact/', { lead_id: objects.lead, name: 'X' })).statusCode).toBe(
      400,
    );
    expect((await theirs.post('/opportunity/', { lead_id: objects.lead })).statusCode).toBe(400);
    expect((await theirs.post('/task/', { lead_id: objects.lead, text: 'x' })).statusCode).toBe(
      400,
    );
    expect((await theirs.post('/lead/', { status_id: objects.status })).statusCode).toBe(400);
    expect((await theirs.post('/lead/', { [`custom.${objects.field}`]: 'x' })).statusCode).toBe(
      400,
    );
    const theirLead = idOf(await theirs.post('/lead/', { name: 'Theirs' }));
    expect(
      (await theirs.post('/task/', { lead_id: theirLead, text: 'x', assigned_to: objects.user }))
        .statusCode,
    ).toBe(400);
    const viewQuery = {
      type: 'and',
      queries: [
        { type: 'object_type', object_type: 'lead' },
        { type: 'saved_search', saved_search_id: objects.view },
      ],
    };
    expect((await theirs.post('/data/search/', { query: viewQuery })).statusCode).toBe(400);
  });
});
