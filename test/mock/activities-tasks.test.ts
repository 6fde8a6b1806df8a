import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { activitySchema, taskSchema } from '../../shared/close-objects.js';
import { client, defaultTenant, idOf, ids, testApp, type Client, type Tenant } from './helpers.js';

describe('/activity/ and /task/', () => {
  let app: FastifyInstance;
  let api: Client;
  let tenant: Tenant;
  let leadId: string;
  let contactId: string;

  beforeAll(async () => {
    app = await testApp();
    tenant = await defaultTenant(app);
    api = client(app, tenant);
    const lead = (await api.post('/lead/', { name: 'Initech', contacts: [{ name: 'Peter' }] }))
      .object;
    leadId = String(lead.id);
    contactId = String((lead.contacts as { id: string }[])[0]!.id);
  });
  afterAll(() => app.close());

  describe('activities', () => {
    it('creates, reads, updates and deletes a note', async () => {
      const created = await api.post('/activity/note/', {
        lead_id: leadId,
        note: 'First call went well',
        contact_id: contactId,
      });
      expect(created.statusCode).toBe(200);
      const note = activitySchema.parse(created.object);
      expect(note).toMatchObject({
        _type: 'Note',
        lead_id: leadId,
        contact_id: contactId,
        user_id: tenant.userId,
        note: 'First call went well',
      });
      expect(note.user_name).toBe('Sam Seller');
      const updated = await api.put(`/activity/note/${note.id}/`, { note: 'Edited' });
      expect(updated.object).toMatchObject({ note: 'Edited', contact_id: contactId });
      expect((await api.get(`/activity/note/${note.id}/`)).object.note).toBe('Edited');
      expect((await api.delete(`/activity/note/${note.id}/`)).statusCode).toBe(200);
      expect((await api.get(`/activity/note/${note.id}/`)).statusCode).toBe(404);
    });

    it('logs calls and emails with their own fields', async () => {
      const call = await api.post('/activity/call/', {
        lead_id: leadId,
        direction: 'inbound',
        duration: 95,
        phone: '+16505550000',
      });
      expect(call.object).toMatchObject({ _type: 'Call', direction: 'inbound', duration: 95 });
      const email = await api.post('/activity/email/', {
        lead_id: leadId,
        status: 'inbox',
        subject: 'Re: TPS reports',
        to: ['sam@example.com'],
      });
      expect(email.object).toMatchObject({
        _type: 'Email',
        status: 'inbox',
        direction: 'incoming',
        subject: 'Re: TPS reports',
      });
      const bad = await api.post('/activity/email/', { lead_id: leadId, to: ['nope'] });
      expect(Object.keys(bad.object['field-errors'] as Record<string, string>).sort()).toEqual([
        'status',
        'to.0',
      ]);
    });

    it('finds an activity only under its own type', async () => {
      const id = idOf(await api.post('/activity/call/', { lead_id: leadId }));
      expect((await api.get(`/activity/call/${id}/`)).statusCode).toBe(200);
      expect((await api.get(`/activity/note/${id}/`)).statusCode).toBe(404);
    });

    it('does not create meetings (Close syncs them) nor task completions', async () => {
      const meeting = await api.post('/activity/meeting/', { lead_id: leadId });
      expect(meeting.statusCode).toBe(405);
      expect(meeting.headers.allow).toBe('GET');
      expect((await api.post('/activity/task_completed/', { lead_id: leadId })).statusCode).toBe(
        405,
      );
    });

    it('imports a status change without changing the lead', async () => {
      const statuses = (await api.get('/status/lead/')).items;
      const response = await api.post('/activity/status_change/lead/', {
        lead_id: leadId,
        old_status_id: statuses[1]!.id,
        new_status_id: statuses[3]!.id,
      });
      expect(response.object).toMatchObject({
        old_status_label: statuses[1]!.label,
        new_status_label: statuses[3]!.label,
      });
      expect((await api.get(`/lead/${leadId}/`)).object.status_id).toBe(statuses[0]!.id);
      const bad = await api.post('/activity/status_change/lead/', {
        lead_id: leadId,
        new_status_id: 'stat_nope',
      });
      expect(bad.object['field-errors']).toHaveProperty('new_status_id');
    });

    it('lists every type with _type filters and activity_at bounds', async () => {
      await api.post('/activity/note/', {
        lead_id: leadId,
        note: 'old',
        activity_at: '2020-01-01T10:00:00+00:00',
      });
      const all = (await api.get(`/activity/?lead_id=${leadId}`)).items;
      expect(new Set(all.map((item) => item._type))).toEqual(
        new Set(['Note', 'Call', 'Email', 'LeadStatusChange']),
      );
      const calls = (await api.get(`/activity/?lead_id=${leadId}&_type=Call`)).items;
      expect(calls.every((item) => item._type === 'Call')).toBe(true);
      const some = (await api.get(`/activity/?lead_id=${leadId}&_type__in=Call,Email`)).items;
      expect(new Set(some.map((item) => item._type))).toEqual(new Set(['Call', 'Email']));
      const old = (await api.get(`/activity/?lead_id=${leadId}&activity_at__lt=2021-01-01`)).items;
      expect(old.map((item) => item.note)).toEqual(['old']);
      const recent = (await api.get(`/activity/?lead_id=${leadId}&activity_at__gte=2021-01-01`))
        .items;
      expect(recent.map((item) => item.note)).not.toContain('old');
    });
  });

  describe('tasks', () => {
    it('creates a task assigned to the key’s user by default', async () => {
      const response = await api.post('/task/', {
        lead_id: leadId,
        text: 'Send the TPS report',
        date: '2030-01-15',
      });
      expect(response.statusCode).toBe(200);
      const task = taskSchema.parse(response.object);
      expect(task).toMatchObject({
        _type: 'lead',
        lead_id: leadId,
        lead_name: 'Initech',
        assigned_to: tenant.userId,
        assigned_to_name: 'Sam Seller',
        text: 'Send the TPS report',
        date: '2030-01-15',
        is_complete: false,
      });
    });

    it('requires a lead and a text, and checks the assignee and the date', async () => {
      const missing = await api.post('/task/', {});
      expect(Object.keys(missing.object['field-errors'] as Record<string, string>).sort()).toEqual([
        'lead_id',
        'text',
      ]);
      const bad = await api.post('/task/', {
        lead_id: leadId,
        text: 'x',
        assigned_to: 'user_nope',
        date: 'tomorrow',
      });
      expect(Object.keys(bad.object['field-errors'] as Record<string, string>).sort()).toEqual([
        'assigned_to',
        'date',
      ]);
    });

    it('writes a TaskCompleted activity when a task is completed', async () => {
      const id = idOf(await api.post('/task/', { lead_id: leadId, text: 'Follow up' }));
      const updated = await api.put(`/task/${id}/`, { is_complete: true });
      expect(updated.object).toMatchObject({ is_complete: true, text: 'Follow up' });
      const completions = (await api.get(`/activity/task_completed/?lead_id=${leadId}`)).items;
      expect(completions.filter((item) => item.task_id === id)).toEqual([
        expect.objectContaining({
          _type: 'TaskCompleted',
          task_text: 'Follow up',
          user_id: tenant.userId,
        }),
      ]);
      await api.put(`/task/${id}/`, { text: 'Follow up again' });
      expect(
        (await api.get(`/activity/task_completed/?lead_id=${leadId}`)).items.filter(
          (item) => item.task_id === id,
        ),
      ).toHaveLength(1);
    });

    it('filters tasks by completion, assignee and lead', async () => {
      const open = (await api.get(`/task/?lead_id=${leadId}&is_complete=false`)).items;
      const done = (await api.get(`/task/?lead_id=${leadId}&is_complete=true`)).items;
      expect(open.every((task) => task.is_complete === false)).toBe(true);
      expect(done.every((task) => task.is_complete === true)).toBe(true);
      expect(open.length + done.length).toBe(
        (await api.get(`/task/?lead_id=${leadId}`)).items.length,
      );
      expect(
        ids((await api.get(`/task/?assigned_to=${tenant.userId}&lead_id=${leadId}`)).items).sort(),
      ).toEqual(ids([...open, ...done]).sort());
      expect((await api.get('/task/?assigned_to=user_nobody')).items).toEqual([]);
      expect((await api.get('/task/?is_complete=maybe')).statusCode).toBe(400);
    });
  });
});
