import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { customFieldSchema, pipelineSchema } from '../../shared/close-objects.js';
import {
  client,
  defaultTenant,
  idOf,
  ids,
  testApp,
  type Client,
  type Json,
  type Tenant,
} from './helpers.js';

describe('statuses, pipelines, custom fields and users', () => {
  let app: FastifyInstance;
  let api: Client;
  let tenant: Tenant;

  beforeAll(async () => {
    app = await testApp();
    tenant = await defaultTenant(app);
    api = client(app, tenant);
  });
  afterAll(() => app.close());

  describe('lead statuses', () => {
    it('start with Close’s defaults', async () => {
      const list = await api.get('/status/lead/');
      expect(list.object.has_more).toBe(false);
      expect(list.items.map((status) => status.label)).toEqual([
        'Potential',
        'Bad Fit',
        'Qualified',
        'Customer',
      ]);
    });

    it('are created, renamed and deleted; a status in use or a duplicate label is refused', async () => {
      const created = await api.post('/status/lead/', { label: 'Nurturing' });
      expect(created.object).toMatchObject({
        label: 'Nurturing',
        id: expect.stringMatching(/^stat_/),
      });
      const id = String(created.object.id);
      expect(
        (await api.post('/status/lead/', { label: 'nurturing' })).object['field-errors'],
      ).toHaveProperty('label');
      expect((await api.put(`/status/lead/${id}/`, { label: 'Nurture' })).object.label).toBe(
        'Nurture',
      );
      const leadId = idOf(await api.post('/lead/', { name: 'Held', status_id: id }));
      expect((await api.get(`/lead/${leadId}/`)).object.status_label).toBe('Nurture');
      expect((await api.delete(`/status/lead/${id}/`)).statusCode).toBe(400);
      await api.delete(`/lead/${leadId}/`);
      expect((await api.delete(`/status/lead/${id}/`)).statusCode).toBe(200);
      expect((await api.get('/status/lead/')).items.map((status) => status.label)).not.toContain(
        'Nurture',
      );
    });
  });

  describe('pipelines and opportunity statuses', () => {
    it('start with the Sales pipeline: Active, Won, Lost', async () => {
      const pipelines = (await api.get('/pipeline/')).items.map((pipeline) =>
        pipelineSchema.parse(pipeline),
      );
      expect(pipelines).toHaveLength(1);
      expect(pipelines[0]!.name).toBe('Sales');
      expect(pipelines[0]!.statuses.map((status) => [status.label, status.type])).toEqual([
        ['Active', 'active'],
        ['Won', 'won'],
        ['Lost', 'lost'],
      ]);
      const statuses = (await api.get('/status/opportunity/')).items;
      expect(statuses.map((status) => status.pipeline_id)).toEqual([
        pipelines[0]!.id,
        pipelines[0]!.id,
        pipelines[0]!.id,
      ]);
    });

    it('creates a pipeline (201), moves statuses into it, and deletes it once empty (204)', async () => {
      const created = await api.post('/pipeline/', { name: 'Renewals' });
      expect(created.statusCode).toBe(201);
      const pipelineId = String(created.object.id);
      const status = await api.post('/status/opportunity/', {
        label: 'Up for renewal',
        type: 'active',
        pipeline_id: pipelineId,
      });
      expect(status.object).toMatchObject({ pipeline_id: pipelineId, type: 'active' });
      expect(
        (await api.post('/status/opportunity/', { label: 'Odd', type: 'pending' })).statusCode,
      ).toBe(400);
      expect((await api.delete(`/pipeline/${pipelineId}/`)).statusCode).toBe(400);
      const [sales] = (await api.get('/pipeline/')).items;
      const moved = await api.put(`/pipeline/${String(sales!.id)}/`, {
        statuses: [
          ...(sales!.statuses as Json[]).map((item) => ({ id: item.id })),
          { id: status.object.id },
        ],
      });
      expect((moved.object.statuses as Json[]).map((item) => item.label)).toEqual([
        'Active',
        'Won',
        'Lost',
        'Up for renewal',
      ]);
      const deleted = await api.delete(`/pipeline/${pipelineId}/`);
      expect(deleted.statusCode).toBe(204);
      expect(deleted.body).toBe('');
    });

    it('renames an opportunity status and refuses to delete one in use', async () => {
      const won = (await api.get('/status/opportunity/')).items.find(
        (status) => status.type === 'won',
      )!;
      const renamed = await api.put(`/status/opportunity/${String(won.id)}/`, {
        label: 'Closed Won',
      });
      expect(renamed.object).toMatchObject({ label: 'Closed Won', type: 'won' });
      const leadId = idOf(await api.post('/lead/', { name: 'Buyer' }));
      await api.post('/opportunity/', { lead_id: leadId, status_id: won.id });
      expect((await api.delete(`/status/opportunity/${String(won.id)}/`)).statusCode).toBe(400);
    });
  });

  describe('custom fields', () => {
    const field = async (objectType: string, body: Json) => {
      const response = await api.post(`/custom_field/${objectType}/`, body);
      expect(response.statusCode).toBe(200);
      return customFieldSchema.parse(response.object);
    };

    it('are created per object type, listed, read, updated and deleted', async () => {
      const created = await field('contact', { name: 'Birthday', type: 'date' });
      expect(created).toMatchObject({ type: 'date', accepts_multiple_values: false });
      expect(ids((await api.get('/custom_field/contact/')).items)).toContain(created.id);
      expect(ids((await api.get('/custom_field/lead/')).items)).not.toContain(created.id);
      expect((await api.get(`/custom_field/lead/${created.id}/`)).statusCode).toBe(404);
      const renamed = await api.put(`/custom_field/contact/${created.id}/`, {
        name: 'Date of Birth',
      });
      expect(renamed.object.name).toBe('Date of Birth');
      expect(
        (await api.put(`/custom_field/contact/${created.id}/`, { type: 'text' })).statusCode,
      ).toBe(400);
      expect(
        (await api.post('/custom_field/contact/', { name: 'date of birth', type: 'text' }))
          .statusCode,
      ).toBe(400);
      expect(
        (await api.post('/custom_field/lead/', { name: 'Tier', type: 'choices' })).statusCode,
      ).toBe(400);
      expect((await api.delete(`/custom_field/contact/${created.id}/`)).statusCode).toBe(200);
      expect((await api.get(`/custom_field/contact/${created.id}/`)).statusCode).toBe(404);
    });

    it('check values by type and keep them as custom.cf_… keys', async () => {
      const text = await field('lead', { name: 'Code', type: 'text' });
      const number = await field('lead', { name: 'Seats', type: 'number' });
      const date = await field('lead', { name: 'Renewal', type: 'date' });
      const datetime = await field('lead', { name: 'Last Seen', type: 'datetime' });
      const choice = await field('lead', {
        name: 'Tier',
        type: 'choices',
        choices: ['Gold', 'Silver'],
      });
      const multi = await field('lead', {
        name: 'Products',
        type: 'choices',
        choices: ['A', 'B', 'C'],
        accepts_multiple_values: true,
      });
      const owner = await field('lead', { name: 'Owner', type: 'user' });
      const key = (custom: { id: string }) => `custom.${custom.id}`;

      const good = await api.post('/lead/', {
        name: 'Typed',
        [key(text)]: 42,
        [key(number)]: '12',
        [key(date)]: '2025-02-28',
        [key(datetime)]: '2025-02-28T10:30:00Z',
        [key(choice)]: 'gold',
        [key(multi)]: ['A', 'C'],
        [key(owner)]: tenant.userId,
      });
      expect(good.statusCode).toBe(200);
      expect(good.object).toMatchObject({
        [key(text)]: '42',
        [key(number)]: 12,
        [key(date)]: '2025-02-28',
        [key(datetime)]: '2025-02-28T10:30:00.000+00:00',
        [key(choice)]: 'Gold',
        [key(multi)]: ['A', 'C'],
        [key(owner)]: tenant.userId,
      });

      const bad = await api.post('/lead/', {
        [key(number)]: 'many',
        [key(date)]: '28/02/2025',
        [key(datetime)]: 'yesterday',
        [key(choice)]: 'Bronze',
        [key(multi)]: ['A', 'Z'],
        [key(owner)]: 'user_nobody',
        [key(text)]: { nested: true },
        'custom.cf_unknown': 'x',
      });
      expect(bad.statusCode).toBe(400);
      expect(Object.keys(bad.object['field-errors'] as Json).sort()).toEqual(
        [
          key(number),
          key(date),
          key(datetime),
          key(choice),
          key(multi),
          key(owner),
          key(text),
          'custom.cf_unknown',
        ].sort(),
      );
      expect((await api.post('/lead/', { [key(choice)]: ['Gold', 'Silver'] })).statusCode).toBe(
        400,
      );

      const id = String(good.object.id);
      const added = await api.put(`/lead/${id}/`, {
        [`${key(multi)}.add`]: 'B',
        'custom.Tier': 'Silver',
      });
      expect(added.object).toMatchObject({
        [key(multi)]: ['A', 'C', 'B'],
        [key(choice)]: 'Silver',
        [key(number)]: 12,
      });
      const removed = await api.put(`/lead/${id}/`, {
        [`${key(multi)}.remove`]: 'A',
        [key(number)]: null,
      });
      expect(removed.object[key(multi)]).toEqual(['C', 'B']);
      expect(removed.object).not.toHaveProperty(key(number));

      await api.delete(`/custom_field/lead/${text.id}/`);
      expect((await api.get(`/lead/${id}/`)).object).not.toHaveProperty(key(text));
    });

    it('apply to contacts and opportunities too', async () => {
      const channel = await field('contact', {
        name: 'Channel',
        type: 'choices',
        choices: ['Email', 'Phone'],
      });
      const seats = await field('opportunity', { name: 'Seat Count', type: 'number' });
      const lead = (
        await api.post('/lead/', { contacts: [{ name: 'C', [`custom.${channel.id}`]: 'Phone' }] })
      ).object;
      expect((lead.contacts as Json[])[0]).toMatchObject({ [`custom.${channel.id}`]: 'Phone' });
      const badContact = await api.post('/lead/', {
        contacts: [{ [`custom.${channel.id}`]: 'Fax' }],
      });
      expect(badContact.object['field-errors']).toHaveProperty([`contacts.0.custom.${channel.id}`]);
      const opportunity = await api.post('/opportunity/', {
        lead_id: lead.id,
        [`custom.${seats.id}`]: 25,
      });
      expect(opportunity.object[`custom.${seats.id}`]).toBe(25);
    });
  });

  describe('users and memberships', () => {
    it('lists the organization’s users and reads one', async () => {
      const users = await api.get('/user/');
      expect(users.items).toEqual([
        expect.objectContaining({
          id: tenant.userId,
          first_name: 'Sam',
          display_name: 'Sam Seller',
        }),
      ]);
      expect((await api.get(`/user/${tenant.userId}/`)).object.email).toBe(
        'sam.seller@example.com',
      );
      expect((await api.get('/user/user_nobody/')).statusCode).toBe(404);
    });

    it('adds a member by email and changes the role', async () => {
      const membership = await api.post('/membership/', {
        email: 'new.rep@example.com',
        role_id: 'user',
        first_name: 'New',
      });
      expect(membership.statusCode).toBe(200);
      expect(membership.object).toMatchObject({
        organization_id: tenant.organizationId,
        role_id: 'user',
      });
      const users = (await api.get('/user/')).items;
      expect(users.map((user) => user.email)).toContain('new.rep@example.com');
      expect(
        (await api.post('/membership/', { email: 'new.rep@example.com', role_id: 'user' }))
          .statusCode,
      ).toBe(400);
      const changed = await api.put(`/membership/${String(membership.object.id)}/`, {
        role_id: 'admin',
      });
      expect(changed.object.role_id).toBe('admin');
      expect((await api.put('/membership/mem_nope/', { role_id: 'admin' })).statusCode).toBe(404);
      expect(
        (await api.post('/membership/', { email: 'x@example.com', role_id: 'emperor' })).statusCode,
      ).toBe(400);
    });
  });
});
