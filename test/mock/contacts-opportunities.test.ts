import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { contactSchema, opportunitySchema } from '../../shared/close-objects.js';
import { client, defaultTenant, idOf, testApp, type Client, type Json } from './helpers.js';

describe('/contact/ and /opportunity/', () => {
  let app: FastifyInstance;
  let api: Client;
  let leadId: string;
  let pipelines: Json[];

  beforeAll(async () => {
    app = await testApp();
    api = client(app, await defaultTenant(app));
    leadId = idOf(await api.post('/lead/', { name: 'Globex' }));
    pipelines = (await api.get('/pipeline/')).items;
  });
  afterAll(() => app.close());

  describe('contacts', () => {
    it('creates a contact on a lead, and the lead sees it', async () => {
      const response = await api.post('/contact/', {
        lead_id: leadId,
        name: 'Hank Scorpio',
        emails: [{ email: 'hank@globex.example', type: 'home' }],
        urls: [{ url: 'https://globex.example' }],
      });
      expect(response.statusCode).toBe(200);
      const contact = contactSchema.parse(response.object);
      expect(contact).toMatchObject({
        lead_id: leadId,
        display_name: 'Hank Scorpio',
        urls: [{ url: 'https://globex.example', type: 'url' }],
      });
      const lead = await api.get(`/lead/${leadId}/`);
      expect((lead.object.contacts as Json[]).map((item) => item.id)).toContain(contact.id);
    });

    it('makes a lead named after a contact created without lead_id', async () => {
      const contact = (await api.post('/contact/', { name: 'Lone Wolf' })).object;
      const lead = await api.get(`/lead/${String(contact.lead_id)}/`);
      expect(lead.object.name).toBe('Lone Wolf');
    });

    it('rejects an unknown lead_id', async () => {
      const response = await api.post('/contact/', { lead_id: 'lead_missing', name: 'X' });
      expect(response.statusCode).toBe(400);
      expect(response.object['field-errors']).toHaveProperty('lead_id');
    });

    it('updates only the fields sent, and deletes', async () => {
      const id = idOf(
        await api.post('/contact/', { lead_id: leadId, name: 'Before', title: 'CTO' }),
      );
      const updated = await api.put(`/contact/${id}/`, { name: 'After' });
      expect(updated.object).toMatchObject({ name: 'After', title: 'CTO', display_name: 'After' });
      expect((await api.delete(`/contact/${id}/`)).statusCode).toBe(200);
      expect((await api.get(`/contact/${id}/`)).statusCode).toBe(404);
    });

    it('lists the contacts of a lead', async () => {
      const list = await api.get(`/contact/?lead_id=${leadId}&_fields=id,lead_id`);
      expect(list.items.length).toBeGreaterThan(0);
      for (const item of list.items)
        expect(item).toEqual({ id: expect.any(String), lead_id: leadId });
    });
  });

  describe('opportunities', () => {
    it('creates an opportunity in the first status of the first pipeline by default', async () => {
      const response = await api.post('/opportunity/', {
        lead_id: leadId,
        value: 250000,
        value_period: 'monthly',
        confidence: 40,
      });
      expect(response.statusCode).toBe(200);
      const opportunity = opportunitySchema.parse(response.object);
      const sales = pipelines[0]!;
      expect(opportunity).toMatchObject({
        lead_id: leadId,
        lead_name: 'Globex',
        status_label: 'Active',
        status_type: 'active',
        pipeline_id: sales.id,
        pipeline_name: 'Sales',
        value: 250000,
        value_formatted: '$2,500.00 monthly',
        value_currency: 'USD',
        confidence: 40,
        date_won: null,
      });
      expect(opportunity.user_id).toBeTruthy();
    });

    it('requires lead_id and checks status, pipeline, user and contact', async () => {
      const missing = await api.post('/opportunity/', { value: 1 });
      expect(missing.object).toEqual({
        errors: [],
        'field-errors': { lead_id: 'This field is required.' },
      });
      const bad = await api.post('/opportunity/', {
        lead_id: leadId,
        status_id: 'stat_nope',
        user_id: 'user_nope',
        contact_id: 'cont_nope',
      });
      expect(Object.keys(bad.object['field-errors'] as Json).sort()).toEqual([
        'contact_id',
        'status_id',
        'user_id',
      ]);
      const types = await api.post('/opportunity/', {
        lead_id: leadId,
        value: 10.5,
        confidence: 120,
        value_period: 'weekly',
      });
      expect(Object.keys(types.object['field-errors'] as Json).sort()).toEqual([
        'confidence',
        'value',
        'value_period',
      ]);
    });

    it('records the status change, with date_won set when it is won', async () => {
      const statuses = (await api.get('/status/opportunity/')).items;
      const won = statuses.find((status) => status.type === 'won')!;
      const id = idOf(await api.post('/opportunity/', { lead_id: leadId, value: 100 }));
      const updated = await api.put(`/opportunity/${id}/`, { status_id: won.id });
      expect(updated.object).toMatchObject({ status_type: 'won', status_label: 'Won', value: 100 });
      expect(updated.object.date_won).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const changes = (await api.get(`/activity/status_change/opportunity/?opportunity_id=${id}`))
        .items;
      expect(changes).toHaveLength(1);
      expect(changes[0]).toMatchObject({
        opportunity_id: id,
        old_status_type: 'active',
        new_status_type: 'won',
        new_status_label: 'Won',
      });
    });

    it('filters by status type, status and pipeline', async () => {
      const active = (await api.get('/opportunity/?status_type=active')).items;
      const won = (await api.get('/opportunity/?status_type=won')).items;
      expect(active.every((item) => item.status_type === 'active')).toBe(true);
      expect(won.length).toBeGreaterThan(0);
      expect(won.every((item) => item.status_type === 'won')).toBe(true);
      const byStatus = (await api.get(`/opportunity/?status_id=${String(won[0]!.status_id)}`))
        .items;
      expect(byStatus.map((item) => item.id)).toEqual(won.map((item) => item.id));
      const byPipeline = (await api.get(`/opportunity/?pipeline_id=${String(pipelines[0]!.id)}`))
        .items;
      expect(byPipeline.length).toBe(active.length + won.length);
    });

    it('refuses a status of another pipeline', async () => {
      const pipeline = (await api.post('/pipeline/', { name: 'Partnerships' })).object;
      const status = (
        await api.post('/status/opportunity/', {
          label: 'Signed',
          type: 'won',
          pipeline_id: pipeline.id,
        })
      ).object;
      const response = await api.post('/opportunity/', {
        lead_id: leadId,
        pipeline_id: pipelines[0]!.id,
        status_id: status.id,
      });
      expect(response.statusCode).toBe(400);
      expect(response.object['field-errors']).toHaveProperty('status_id');
      const inPipeline = await api.post('/opportunity/', {
        lead_id: leadId,
        pipeline_id: pipeline.id,
      });
      expect(inPipeline.object).toMatchObject({
        status_id: status.id,
        pipeline_name: 'Partnerships',
      });
    });
  });
});
