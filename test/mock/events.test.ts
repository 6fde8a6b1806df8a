import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import type { CloseEvent } from '../../shared/close-objects.js';
import {
  client,
  defaultTenant,
  eventsOf,
  idOf,
  testApp,
  type Client,
  type Tenant,
} from './helpers.js';

describe('events of writes', () => {
  let app: FastifyInstance;
  let api: Client;
  let tenant: Tenant;
  let seen = 0;

  beforeAll(async () => {
    app = await testApp();
    tenant = await defaultTenant(app);
    api = client(app, tenant);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    seen = eventsOf(app, tenant.organizationId).length;
  });

  /** The events written since the test began. */
  const fresh = (): CloseEvent[] => eventsOf(app, tenant.organizationId).slice(seen);
  const summary = (events: CloseEvent[]) =>
    events.map((event) => `${event.object_type} ${event.action}`);

  it('records a create with the key’s user and key, and the object as data', async () => {
    const lead = (await api.post('/lead/', { name: 'Evented', contacts: [{ name: 'Eve' }] }))
      .object;
    const events = fresh();
    expect(summary(events)).toEqual(['contact created', 'lead created']);
    const leadEvent = events[1]!;
    expect(leadEvent).toMatchObject({
      object_id: lead.id,
      lead_id: lead.id,
      organization_id: tenant.organizationId,
      user_id: tenant.userId,
      api_key_id: tenant.keyId,
      previous_data: {},
      changed_fields: [],
    });
    expect(leadEvent.request_id).toEqual(expect.any(String));
    expect(leadEvent.data).toEqual(lead);
  });

  it('records an update with the old values of the changed fields only', async () => {
    const lead = (await api.post('/lead/', { name: 'Before', description: 'same' })).object;
    seen = eventsOf(app, tenant.organizationId).length;
    const updated = (
      await api.put(`/lead/${String(lead.id)}/`, { name: 'After', description: 'same' })
    ).object;
    const [event, ...rest] = fresh();
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ object_type: 'lead', action: 'updated', data: updated });
    expect(event!.changed_fields).toEqual(['date_updated', 'display_name', 'name']);
    expect(event!.previous_data).toEqual({
      name: 'Before',
      display_name: 'Before',
      date_updated: lead.date_updated,
    });
  });

  it('records nothing for an update that changes nothing, or for a rejected write', async () => {
    const id = idOf(await api.post('/lead/', { name: 'Still' }));
    seen = eventsOf(app, tenant.organizationId).length;
    await api.put(`/lead/${id}/`, { name: 'Still' });
    await api.put(`/lead/${id}/`, { status_id: 'stat_nope' });
    await api.post('/lead/', { contacts: [{ name: 'ok' }, { emails: [{ email: 'bad' }] }] });
    expect(fresh()).toEqual([]);
  });

  it('records the status change and its activity together', async () => {
    const statuses = (await api.get('/status/lead/')).items;
    const id = idOf(await api.post('/lead/', { name: 'Mover' }));
    seen = eventsOf(app, tenant.organizationId).length;
    await api.put(`/lead/${id}/`, { status_id: statuses[3]!.id });
    const events = fresh();
    expect(summary(events)).toEqual(['lead updated', 'activity.lead_status_change created']);
    expect(events[0]!.changed_fields).toEqual(['date_updated', 'status_id', 'status_label']);
    expect(events[0]!.previous_data).toMatchObject({
      status_id: statuses[0]!.id,
      status_label: 'Potential',
    });
    expect(events[1]!.lead_id).toBe(id);
  });

  it('records a completed task as updated, completed and a TaskCompleted activity', async () => {
    const leadId = idOf(await api.post('/lead/', { name: 'Tasked' }));
    const taskId = idOf(await api.post('/task/', { lead_id: leadId, text: 'Do it' }));
    seen = eventsOf(app, tenant.organizationId).length;
    await api.put(`/task/${taskId}/`, { is_complete: true });
    const events = fresh();
    expect(summary(events)).toEqual([
      'task.lead updated',
      'task.lead completed',
      'activity.task_completed created',
    ]);
    expect(events[0]!.changed_fields).toEqual(['date_updated', 'is_complete']);
    expect(events[0]!.previous_data).toMatchObject({ is_complete: false });
  });

  it('records a deleted event for the lead and for everything deleted with it', async () => {
    const lead = (await api.post('/lead/', { name: 'Gone', contacts: [{ name: 'G' }] })).object;
    const id = String(lead.id);
    await api.post('/opportunity/', { lead_id: id });
    await api.post('/task/', { lead_id: id, text: 't' });
    await api.post('/activity/call/', { lead_id: id });
    seen = eventsOf(app, tenant.organizationId).length;
    await api.delete(`/lead/${id}/`);
    const events = fresh();
    expect(summary(events).sort()).toEqual(
      [
        'activity.call deleted',
        'contact deleted',
        'lead deleted',
        'opportunity deleted',
        'task.lead deleted',
      ].sort(),
    );
    expect(events.at(-1)).toMatchObject({
      object_type: 'lead',
      object_id: id,
      data: expect.objectContaining({ name: 'Gone' }),
    });
    expect(events.every((event) => event.lead_id === id)).toBe(true);
  });

  it('records each kind of object’s writes under its own object type', async () => {
    const leadId = idOf(await api.post('/lead/', { name: 'Kinds' }));
    seen = eventsOf(app, tenant.organizationId).length;
    const contactId = idOf(await api.post('/contact/', { lead_id: leadId, name: 'K' }));
    await api.put(`/contact/${contactId}/`, { title: 'Boss' });
    const opportunityId = idOf(await api.post('/opportunity/', { lead_id: leadId, value: 5 }));
    await api.put(`/opportunity/${opportunityId}/`, { value: 6 });
    const noteId = idOf(await api.post('/activity/note/', { lead_id: leadId, note: 'a' }));
    await api.put(`/activity/note/${noteId}/`, { note: 'b' });
    await api.post('/activity/email/', { lead_id: leadId, status: 'draft' });
    const fieldId = idOf(
      await api.post('/custom_field/opportunity/', { name: 'Kind', type: 'text' }),
    );
    await api.post('/saved_search/', { name: 'Kinds', query: 'kinds' });
    await api.post('/status/lead/', { label: 'Kindled' });
    await api.delete(`/custom_field/opportunity/${fieldId}/`);
    expect(summary(fresh())).toEqual([
      'contact created',
      'contact updated',
      'opportunity created',
      'opportunity updated',
      'activity.note created',
      'activity.note updated',
      'activity.email created',
      'custom_field.opportunity created',
      'saved_search created',
      'status.lead created',
      'custom_field.opportunity deleted',
    ]);
    const opportunityUpdate = fresh().find(
      (event) => event.object_type === 'opportunity' && event.action === 'updated',
    )!;
    expect(opportunityUpdate.changed_fields).toEqual(['date_updated', 'value', 'value_formatted']);
    expect(opportunityUpdate.previous_data).toMatchObject({ value: 5, value_formatted: '$0.05' });
  });
});
