import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { leadSchema } from '../../shared/close-objects.js';
import { client, defaultTenant, idOf, ids, testApp, type Client, type Json } from './helpers.js';

describe('/lead/', () => {
  let app: FastifyInstance;
  let api: Client;
  let statuses: Json[];

  beforeAll(async () => {
    app = await testApp();
    api = client(app, await defaultTenant(app));
    statuses = (await api.get('/status/lead/')).items;
  });
  afterAll(() => app.close());

  it('creates a lead with embedded contacts and addresses, in the organization’s first status', async () => {
    const response = await api.post('/lead/', {
      name: 'Acme Rockets',
      url: 'https://acme.example',
      addresses: [{ city: 'Boston', country: 'US' }],
      contacts: [
        {
          name: 'Ann Archer',
          title: 'CEO',
          emails: [{ email: 'ann@acme.example' }],
          phones: [{ phone: '(650) 555-1234' }],
        },
      ],
    });
    expect(response.statusCode).toBe(200);
    const lead = leadSchema.parse(response.object);
    expect(lead.status_id).toBe(statuses[0]!.id);
    expect(lead.status_label).toBe('Potential');
    expect(lead.display_name).toBe('Acme Rockets');
    expect(lead.addresses[0]).toMatchObject({
      city: 'Boston',
      country: 'US',
      label: 'business',
      address_1: null,
    });
    expect(lead.contacts).toHaveLength(1);
    expect(lead.contacts[0]).toMatchObject({
      lead_id: lead.id,
      name: 'Ann Archer',
      emails: [{ email: 'ann@acme.example', type: 'office' }],
      phones: [{ phone: '+16505551234', phone_formatted: '+1 650-555-1234', type: 'office' }],
    });
    expect(lead.html_url).toBe(`https://app.close.com/lead/${lead.id}/`);
    expect(lead.date_created).toMatch(/\+00:00$/);
  });

  it('takes the status by id or by label, and names the field when it is unknown', async () => {
    const byId = await api.post('/lead/', { name: 'By id', status_id: statuses[2]!.id });
    expect(byId.object.status_label).toBe(statuses[2]!.label);
    const byLabel = await api.post('/lead/', { name: 'By label', status: 'customer' });
    expect(byLabel.object.status_label).toBe('Customer');
    const unknown = await api.post('/lead/', { name: 'Nope', status_id: 'stat_nope' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.object).toEqual({
      errors: [],
      'field-errors': { status_id: expect.stringContaining('stat_nope') },
    });
    const both = await api.post('/lead/', { status: 'Customer', status_id: statuses[0]!.id });
    expect(both.object['field-errors']).toHaveProperty('status');
  });

  it('names each bad field of a lead in one 400', async () => {
    const response = await api.post('/lead/', {
      name: 42,
      contacts: [{ emails: [{ email: 'not-an-email' }] }, { phones: [{}] }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.object.errors).toEqual([]);
    expect(Object.keys(response.object['field-errors'] as Json).sort()).toEqual([
      'contacts.0.emails.0.email',
      'contacts.1.phones.0.phone',
      'name',
    ]);
    expect((response.object['field-errors'] as Json)['contacts.1.phones.0.phone']).toBe(
      'This field is required.',
    );
  });

  it('rejects a phone number that cannot be one', async () => {
    const response = await api.post('/lead/', { contacts: [{ phones: [{ phone: 'call me' }] }] });
    expect(response.statusCode).toBe(400);
    expect(response.object['field-errors']).toHaveProperty(['contacts.0.phones.0.phone']);
  });

  it('names a lead without a name after its first contact', async () => {
    const lead = (await api.post('/lead/', { contacts: [{ name: 'Solo Sam' }] })).object;
    expect(lead).toMatchObject({ name: null, display_name: 'Solo Sam' });
  });

  it('reads a lead, with only the fields asked for', async () => {
    const id = idOf(await api.post('/lead/', { name: 'Readable', description: 'Some text' }));
    const full = await api.get(`/lead/${id}/`);
    expect(full.object).toMatchObject({
      id,
      name: 'Readable',
      description: 'Some text',
      contacts: [],
      opportunities: [],
      tasks: [],
    });
    const some = await api.get(`/lead/${id}/?_fields=id,name,status_label`);
    expect(some.object).toEqual({ id, name: 'Readable', status_label: 'Potential' });
  });

  it('answers 404 for an unknown lead on read, update and delete', async () => {
    for (const response of [
      await api.get('/lead/lead_unknown/'),
      await api.put('/lead/lead_unknown/', { name: 'x' }),
      await api.delete('/lead/lead_unknown/'),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.object).toEqual({ error: expect.stringContaining('Lead') });
    }
  });

  it('changes only the fields sent with PUT', async () => {
    const created = (
      await api.post('/lead/', {
        name: 'Partial',
        description: 'keep me',
        url: 'https://keep.example',
        addresses: [{ city: 'Austin' }],
      })
    ).object;
    const updated = await api.put(`/lead/${String(created.id)}/`, { name: 'Partial Renamed' });
    expect(updated.statusCode).toBe(200);
    expect(updated.object).toMatchObject({
      name: 'Partial Renamed',
      description: 'keep me',
      url: 'https://keep.example',
      addresses: created.addresses,
      status_id: created.status_id,
      date_created: created.date_created,
    });
    expect(String(updated.object.date_updated) >= String(created.date_updated)).toBe(true);
    const cleared = await api.put(`/lead/${String(created.id)}/`, { description: null });
    expect(cleared.object).toMatchObject({ name: 'Partial Renamed', description: null });
  });

  it('refuses contacts in a lead update (they have their own endpoint)', async () => {
    const id = idOf(await api.post('/lead/', { name: 'No nested update' }));
    const response = await api.put(`/lead/${id}/`, { contacts: [{ name: 'X' }] });
    expect(response.statusCode).toBe(400);
    expect(response.object['field-errors']).toHaveProperty('contacts');
  });

  it('writes a LeadStatusChange activity when the status changes, and none otherwise', async () => {
    const id = idOf(await api.post('/lead/', { name: 'Moving' }));
    await api.put(`/lead/${id}/`, { name: 'Moving on' });
    expect((await api.get(`/activity/status_change/lead/?lead_id=${id}`)).items).toHaveLength(0);
    await api.put(`/lead/${id}/`, { status_id: statuses[2]!.id });
    const changes = (await api.get(`/activity/status_change/lead/?lead_id=${id}`)).items;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      _type: 'LeadStatusChange',
      lead_id: id,
      old_status_id: statuses[0]!.id,
      old_status_label: 'Potential',
      new_status_id: statuses[2]!.id,
      new_status_label: statuses[2]!.label,
    });
  });

  it('deletes a lead with its contacts, opportunities, tasks and activities', async () => {
    const lead = (
      await api.post('/lead/', { name: 'Doomed', contacts: [{ name: 'C1' }, { name: 'C2' }] })
    ).object;
    const id = String(lead.id);
    const contactIds = ids(lead.contacts as Json[]);
    const opportunity = idOf(await api.post('/opportunity/', { lead_id: id, value: 1000 }));
    const task = idOf(await api.post('/task/', { lead_id: id, text: 'Call' }));
    const note = idOf(await api.post('/activity/note/', { lead_id: id, note: 'Hi' }));
    const deleted = await api.delete(`/lead/${id}/`);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.object).toEqual({});
    expect((await api.get(`/lead/${id}/`)).statusCode).toBe(404);
    for (const url of [
      ...contactIds.map((contactId) => `/contact/${contactId}/`),
      `/opportunity/${opportunity}/`,
      `/task/${task}/`,
      `/activity/note/${note}/`,
    ]) {
      expect((await api.get(url)).statusCode).toBe(404);
    }
    expect((await api.get(`/contact/?lead_id=${id}`)).items).toHaveLength(0);
  });

  it('lists leads recent first with paging', async () => {
    const list = await api.get('/lead/?_limit=2');
    expect(list.statusCode).toBe(200);
    expect(list.items).toHaveLength(2);
    expect(list.object.has_more).toBe(true);
    const dates = list.items.map((item) => String(item.date_created));
    expect(dates[0]! >= dates[1]!).toBe(true);
  });
});
