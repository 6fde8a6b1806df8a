import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { CUSTOM_FIELD_TYPES } from '../../shared/close-objects.js';
import { startServer } from '../../mock/server.js';
import { seedDemo } from '../../mock/services/seed.js';
import { client, defaultTenant, testApp, type Json } from './helpers.js';

const NOW = new Date('2025-06-01T00:00:00Z');

describe('the demo seed', () => {
  const apps: FastifyInstance[] = [];
  const fresh = async () => {
    const app = await testApp();
    apps.push(app);
    return app;
  };
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  const leadsOf = (app: FastifyInstance) =>
    app.services.crm.leads.table
      .select(app.services.tenancy.defaultOrganization()!.id, [], 'rowid')
      .map((lead) => [lead.id, lead.name, lead.date_created]);

  it('is deterministic for a seed and a date, and differs for another seed', async () => {
    const [a, b, c] = [await fresh(), await fresh(), await fresh()];
    const summaryA = seedDemo(a.services, { leads: 40, now: NOW });
    const summaryB = seedDemo(b.services, { leads: 40, now: NOW });
    seedDemo(c.services, { leads: 40, now: NOW, seed: 7 });
    expect({ ...summaryA, organizationId: '', milliseconds: 0 }).toEqual({
      ...summaryB,
      organizationId: '',
      milliseconds: 0,
    });
    expect(leadsOf(a)).toEqual(leadsOf(b));
    expect(leadsOf(a)).toHaveLength(40);
    expect(leadsOf(c)).not.toEqual(leadsOf(a));
  });

  it('makes a realistic organization that the API serves', async () => {
    const app = await fresh();
    const summary = seedDemo(app.services, { now: NOW });
    expect(summary).toMatchObject({ leads: 300, users: 5, savedSearches: 4 });
    expect(summary.contacts).toBeGreaterThan(300);
    expect(summary.opportunities).toBeGreaterThan(50);
    expect(summary.activities).toBeGreaterThan(300);
    expect(summary.tasks).toBeGreaterThan(50);
    const api = client(app, await defaultTenant(app));

    expect((await api.get('/user/')).items).toHaveLength(5);
    const fields = [
      ...(await api.get('/custom_field/lead/')).items,
      ...(await api.get('/custom_field/contact/')).items,
      ...(await api.get('/custom_field/opportunity/')).items,
    ];
    expect(new Set(fields.map((field) => field.type))).toEqual(new Set(CUSTOM_FIELD_TYPES));
    expect(fields.some((field) => field.accepts_multiple_values)).toBe(true);
    expect((await api.get('/pipeline/')).items.map((pipeline) => pipeline.name)).toEqual([
      'Sales',
      'Renewals',
    ]);

    const page = await api.get('/lead/?_limit=100');
    expect(page.items).toHaveLength(100);
    expect(page.object.has_more).toBe(true);
    expect(page.items.every((lead) => (lead.contacts as Json[]).length > 0)).toBe(true);
    const activityTypes = new Set(
      (await api.get('/activity/?_limit=100')).items.map((item) => item._type),
    );
    for (const type of ['Note', 'Call', 'Email', 'Meeting']) {
      const list = await api.get(`/activity/?_type=${type}&_limit=1`);
      expect([type, list.items.length]).toEqual([type, 1]);
    }
    expect(activityTypes.size).toBeGreaterThan(2);
    expect((await api.get('/task/?is_complete=true&_limit=1')).items).toHaveLength(1);
    expect((await api.get('/task/?is_complete=false&_limit=1')).items).toHaveLength(1);

    for (const view of (await api.get('/saved_search/')).items) {
      const leads = await api.get(
        `/lead/?query=${encodeURIComponent(String(view.query))}&_fields=id`,
      );
      expect([view.name, leads.statusCode]).toEqual([view.name, 200]);
      expect([view.name, leads.items.length > 0]).toEqual([view.name, true]);
    }
    const someone = (await api.get('/contact/?_limit=1')).items[0]!;
    const email = (someone.emails as { email: string }[])[0]!.email;
    expect(
      (await api.get(`/lead/?query=${encodeURIComponent(`email:${email}`)}`)).items.map(
        (lead) => lead.id,
      ),
    ).toEqual([someone.lead_id]);
  });

  it('bulk-loads many leads and leaves every index in place', async () => {
    const app = await fresh();
    const indexes = () =>
      app.services.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
        .all()
        .map((row) => row.name);
    const before = indexes();
    const summary = seedDemo(app.services, { leads: 10_000, now: NOW });
    expect(summary.leads).toBe(10_000);
    expect(indexes()).toEqual(before);
    const api = client(app, await defaultTenant(app));
    const page = await api.get('/lead/?_order_by=-date_updated&_limit=5');
    expect(page.items).toHaveLength(5);
    const dates = page.items.map((lead) => String(lead.date_updated));
    expect([...dates].sort().reverse()).toEqual(dates);
  }, 120_000);

  it('is loaded by `seed: demo` at start, once per store', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'close-mock-seed-'));
    const dbPath = join(directory, 'mock.sqlite');
    try {
      const first = await startServer({ dbPath, seed: 'demo', seedLeads: 25 });
      expect(first.seeded).toMatchObject({ leads: 25 });
      await first.close();
      const second = await startServer({ dbPath, seed: 'demo', seedLeads: 25 });
      expect(second.seeded).toBeNull();
      const organizationId = second.app.services.tenancy.defaultOrganization()!.id;
      expect(second.app.services.crm.leads.table.count(organizationId)).toBe(25);
      await second.close();
      const empty = await startServer({ seed: 'empty' });
      expect(empty.seeded).toBeNull();
      await empty.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
