import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { ACTIVITY_LIST } from '../../mock/services/activities.js';
import { CONTACT_LIST } from '../../mock/services/contacts.js';
import { LEAD_LIST } from '../../mock/services/leads.js';
import { listPlan, listQuerySchema, type ListSpec } from '../../mock/services/listing.js';
import { OPPORTUNITY_LIST } from '../../mock/services/opportunities.js';
import type { ObjectTable, StoredObject } from '../../mock/services/records.js';
import { TASK_LIST } from '../../mock/services/tasks.js';
import { client, defaultTenant, ids, testApp, type Client, type Tenant } from './helpers.js';

const day = (n: number) => `2024-01-${String(n).padStart(2, '0')}T12:00:00.000+00:00`;

describe('list parameters', () => {
  let app: FastifyInstance;
  let api: Client;
  let tenant: Tenant;
  /** Leads created on 2024-01-01 … 2024-01-05, oldest first. */
  let leadIds: string[];

  beforeAll(async () => {
    app = await testApp();
    tenant = await defaultTenant(app);
    api = client(app, tenant);
    const { leads } = app.services.crm;
    const actor = { userId: tenant.userId, apiKeyId: tenant.keyId };
    leadIds = [1, 2, 3, 4, 5].map(
      (n) =>
        leads.create(
          { organizationId: tenant.organizationId, actor, now: day(n) },
          { name: `Lead ${n}` },
        ).id,
    );
    // Updated in reverse order: Lead 1 is the most recently updated.
    [5, 4, 3, 2, 1].forEach((n, index) =>
      leads.update(
        { organizationId: tenant.organizationId, actor, now: day(10 + index) },
        leadIds[n - 1]!,
        {
          description: 'touched',
        },
      ),
    );
  });
  afterAll(() => app.close());

  it('answers data and has_more, recent first, paged by _skip and _limit', async () => {
    const first = await api.get('/lead/?_limit=2');
    expect(first.object.has_more).toBe(true);
    expect(ids(first.items)).toEqual([leadIds[4], leadIds[3]]);
    const last = await api.get('/lead/?_limit=2&_skip=4');
    expect(ids(last.items)).toEqual([leadIds[0]]);
    expect(last.object.has_more).toBe(false);
    expect((await api.get('/lead/')).items).toHaveLength(5);
  });

  it('answers 400 past the maximum _limit or _skip, or for a bad number', async () => {
    const tooMany = await api.get(`/lead/?_limit=${LEAD_LIST.maxLimit + 1}`);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.object['field-errors']).toEqual({
      _limit: `_limit may be at most ${LEAD_LIST.maxLimit}.`,
    });
    expect(
      (await api.get(`/lead/?_skip=${LEAD_LIST.maxSkip + 1}`)).object['field-errors'],
    ).toHaveProperty('_skip');
    expect((await api.get('/lead/?_limit=lots')).statusCode).toBe(400);
    expect((await api.get(`/lead/?_limit=${LEAD_LIST.maxLimit}`)).statusCode).toBe(200);
  });

  it('orders by _order_by, with - for descending', async () => {
    expect(ids((await api.get('/lead/?_order_by=date_created')).items)).toEqual(leadIds);
    expect(ids((await api.get('/lead/?_order_by=-date_updated')).items)).toEqual(leadIds);
    expect(ids((await api.get('/lead/?_order_by=date_updated')).items)).toEqual(
      [...leadIds].reverse(),
    );
    expect((await api.get('/lead/?_order_by=-secret')).statusCode).toBe(400);
  });

  it('returns only the _fields asked for', async () => {
    const list = await api.get('/lead/?_fields=id,name&_limit=1');
    expect(list.items).toEqual([{ id: leadIds[4], name: 'Lead 5' }]);
  });

  it('filters on date_created and date_updated bounds', async () => {
    expect(
      ids(
        (
          await api.get(
            '/lead/?date_created__gt=2024-01-03T12:00:00%2B00:00&_order_by=date_created',
          )
        ).items,
      ),
    ).toEqual(leadIds.slice(3));
    expect(
      ids(
        (await api.get('/lead/?date_created__gte=2024-01-03T12:00:00Z&_order_by=date_created'))
          .items,
      ),
    ).toEqual(leadIds.slice(2));
    expect(
      ids((await api.get('/lead/?date_created__lt=2024-01-03&_order_by=date_created')).items),
    ).toEqual(leadIds.slice(0, 2));
    expect(
      ids(
        (await api.get('/lead/?date_created__lte=2024-01-02T12:00:00&_order_by=date_created'))
          .items,
      ),
    ).toEqual(leadIds.slice(0, 2));
    expect(ids((await api.get('/lead/?date_updated__gte=2024-01-14')).items)).toEqual([leadIds[0]]);
    const bad = await api.get('/lead/?date_created__gt=last%20week');
    expect(bad.statusCode).toBe(400);
    expect(bad.object['field-errors']).toHaveProperty('date_created__gt');
  });

  it('filters on id__in, lead_id and user_id', async () => {
    expect(
      ids(
        (await api.get(`/lead/?id__in=${leadIds[0]},${leadIds[2]}&_order_by=date_created`)).items,
      ),
    ).toEqual([leadIds[0], leadIds[2]]);
    await api.post('/opportunity/', { lead_id: leadIds[0], value: 1 });
    await api.post('/opportunity/', { lead_id: leadIds[1], value: 2, user_id: null });
    const byLead = (await api.get(`/opportunity/?lead_id=${leadIds[0]}`)).items;
    expect(byLead.map((item) => item.value)).toEqual([1]);
    const byUser = (await api.get(`/opportunity/?user_id=${tenant.userId}`)).items;
    expect(byUser.map((item) => item.value)).toEqual([1]);
    const notes = [leadIds[0], leadIds[1]].map(async (leadId) =>
      api.post('/activity/note/', { lead_id: leadId, note: 'n' }),
    );
    await Promise.all(notes);
    expect((await api.get(`/activity/?lead_id=${leadIds[0]},${leadIds[1]}`)).items).toHaveLength(2);
    expect(
      (await api.get(`/activity/?user_id=${tenant.userId}&lead_id=${leadIds[0]}`)).items,
    ).toHaveLength(1);
  });

  describe('query plans', () => {
    const cases: [
      string,
      ListSpec,
      () => Pick<ObjectTable<StoredObject>, 'selectSql'>,
      Record<string, string>,
    ][] = [
      ['leads recent first', LEAD_LIST, () => app.services.crm.leads.table, {}],
      [
        'leads recently updated',
        LEAD_LIST,
        () => app.services.crm.leads.table,
        { _order_by: '-date_updated' },
      ],
      [
        'leads since a date',
        LEAD_LIST,
        () => app.services.crm.leads.table,
        { date_created__gte: '2024-01-01' },
      ],
      [
        'contacts of a lead',
        CONTACT_LIST,
        () => app.services.crm.contacts.table,
        { lead_id: 'lead_x' },
      ],
      [
        'opportunities by status type',
        OPPORTUNITY_LIST,
        () => app.services.crm.opportunities.table,
        { status_type: 'won' },
      ],
      [
        'activities of a lead',
        ACTIVITY_LIST,
        () => app.services.crm.activities.table,
        { lead_id: 'lead_x' },
      ],
      [
        'activities by date',
        ACTIVITY_LIST,
        () => app.services.crm.activities.table,
        { _order_by: '-activity_at' },
      ],
      [
        'tasks of an assignee',
        TASK_LIST,
        () => app.services.crm.tasks.table,
        { assigned_to: 'user_x', is_complete: 'false' },
      ],
    ];
    it.each(cases)(
      'walks an index for %s, without sorting or scanning the table',
      (_label, spec, table, params) => {
        const plan = listPlan(spec, listQuerySchema(spec).parse(params));
        const sql = table().selectSql(plan.where, plan.orderBy);
        const steps = app.services.db
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(
            tenant.organizationId,
            ...plan.where.flatMap((part) => part.params),
            plan.limit + 1,
            plan.skip,
          )
          .map((row) => String(row.detail));
        expect(steps.some((step) => /USING (COVERING )?INDEX/.test(step))).toBe(true);
        expect(
          steps.filter((step) => /^SCAN \w+$/.test(step) || /TEMP B-TREE FOR ORDER BY/.test(step)),
        ).toEqual([]);
      },
    );
  });
});
