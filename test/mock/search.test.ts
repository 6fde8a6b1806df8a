import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { searchResultSchema } from '../../shared/close-objects.js';
import { client, defaultTenant, idOf, ids, testApp, type Client } from './helpers.js';

describe('searching leads', () => {
  let app: FastifyInstance;
  let api: Client;
  const lead: Record<string, string> = {};
  let sourceField: string;
  let employeesField: string;

  beforeAll(async () => {
    app = await testApp();
    api = client(app, await defaultTenant(app));
    sourceField = idOf(
      await api.post('/custom_field/lead/', {
        name: 'Lead Source',
        type: 'choices',
        choices: ['Web', 'Referral'],
      }),
    );
    employeesField = idOf(
      await api.post('/custom_field/lead/', { name: 'Employees', type: 'number' }),
    );
    const make = async (key: string, body: Record<string, unknown>) => {
      lead[key] = idOf(await api.post('/lead/', body));
    };
    await make('acme', {
      name: 'Acme Rocket Works',
      description: 'Makes rockets in Boston',
      [`custom.${sourceField}`]: 'Web',
      [`custom.${employeesField}`]: 120,
      contacts: [
        {
          name: 'Wile Coyote',
          emails: [{ email: 'wile@acme.example' }],
          phones: [{ phone: '+1 650 555 0101' }],
        },
      ],
    });
    await make('globex', {
      name: 'Globex Corporation',
      status: 'Qualified',
      [`custom.${sourceField}`]: 'Referral',
      [`custom.${employeesField}`]: 5000,
      contacts: [
        { name: 'Hank Scorpio', title: 'CEO', emails: [{ email: 'hank@globex.example' }] },
      ],
    });
    await make('initech', {
      name: 'Initech',
      status: 'Customer',
      addresses: [{ city: 'Austin' }],
      contacts: [
        {
          name: 'Bill Lumbergh',
          emails: [{ email: 'bill@initech.example' }],
          phones: [{ phone: '512-555-0199' }],
        },
      ],
    });
  });
  afterAll(() => app.close());

  const query = async (q: string) => {
    const response = await api.get(`/lead/?query=${encodeURIComponent(q)}`);
    expect(response.statusCode).toBe(200);
    return ids(response.items).sort();
  };

  describe('the lead query string', () => {
    it('matches free words at the start of words of the lead and its contacts', async () => {
      expect(await query('rocket')).toEqual([lead.acme]);
      expect(await query('boston')).toEqual([lead.acme]);
      expect(await query('lumb')).toEqual([lead.initech]);
      expect(await query('austin initech')).toEqual([lead.initech]);
      expect(await query('austin globex')).toEqual([]);
    });

    it('matches quoted phrases as phrases', async () => {
      expect(await query('"rocket works"')).toEqual([lead.acme]);
      expect(await query('"works rocket"')).toEqual([]);
    });

    it('matches field:value and field:"quoted value"', async () => {
      expect(await query('name:globex')).toEqual([lead.globex]);
      expect(await query('name:"Acme Rocket"')).toEqual([lead.acme]);
      expect(await query('contact:hank')).toEqual([lead.globex]);
      expect(await query('title:ceo')).toEqual([lead.globex]);
    });

    it('matches status:, email: and phone:', async () => {
      expect(await query('status:Customer')).toEqual([lead.initech]);
      expect(await query('status:"qualified"')).toEqual([lead.globex]);
      expect(await query('status:Potential')).toEqual([lead.acme]);
      expect(await query('email:hank@globex.example')).toEqual([lead.globex]);
      expect(await query('email:HANK@GLOBEX.EXAMPLE')).toEqual([lead.globex]);
      expect(await query('email:initech.example')).toEqual([lead.initech]);
      expect(await query('email:hank@initech.example')).toEqual([]);
      expect(await query('phone:5125550199')).toEqual([lead.initech]);
      expect(await query('phone:"(650) 555-0101"')).toEqual([lead.acme]);
    });

    it('matches custom fields by quoted name with spaces, or by ID', async () => {
      expect(await query('"custom.Lead Source":Referral')).toEqual([lead.globex]);
      expect(await query('"custom.lead source":web')).toEqual([lead.acme]);
      expect(await query(`custom.${employeesField}:120`)).toEqual([lead.acme]);
    });

    it('negates with - and combines groups with OR', async () => {
      expect(await query('-status:Potential')).toEqual([lead.globex, lead.initech].sort());
      expect(await query('status:Customer OR name:acme')).toEqual([lead.acme, lead.initech].sort());
    });

    it('explains what it cannot read', async () => {
      const unknownField = await api.get(`/lead/?query=${encodeURIComponent('colour:blue')}`);
      expect(unknownField.statusCode).toBe(400);
      expect(unknownField.object['field-errors']).toEqual({
        query: expect.stringContaining('colour'),
      });
      expect((await api.get(`/lead/?query=${encodeURIComponent('name:"open')}`)).statusCode).toBe(
        400,
      );
      expect(
        (await api.get(`/lead/?query=${encodeURIComponent('"custom.Nope":x')}`)).statusCode,
      ).toBe(400);
      expect(
        (await api.get(`/lead/?query=${encodeURIComponent(`custom.${employeesField}:many`)}`))
          .statusCode,
      ).toBe(400);
    });
  });

  describe('smart views', () => {
    it('select the leads their query selects', async () => {
      const created = await api.post('/saved_search/', {
        name: 'Referrals',
        query: '"custom.Lead Source":Referral',
      });
      expect(created.statusCode).toBe(200);
      expect(created.object).toMatchObject({
        name: 'Referrals',
        type: 'lead',
        query: '"custom.Lead Source":Referral',
      });
      const viewId = String(created.object.id);
      const found = await api.post('/data/search/', {
        query: {
          type: 'and',
          queries: [
            { type: 'object_type', object_type: 'lead' },
            { type: 'saved_search', saved_search_id: viewId },
          ],
        },
      });
      expect(ids(found.items)).toEqual([lead.globex]);
      const rerun = await api.post('/data/search/', { query: created.object.s_query });
      expect(ids(rerun.items)).toEqual([lead.globex]);
    });

    it('refuse a query that cannot run, and can be renamed, re-queried and deleted', async () => {
      expect(
        (await api.post('/saved_search/', { name: 'Broken', query: 'colour:blue' })).statusCode,
      ).toBe(400);
      expect((await api.post('/saved_search/', { name: 'Empty' })).statusCode).toBe(400);
      const id = idOf(
        await api.post('/saved_search/', { name: 'Customers', query: 'status:Customer' }),
      );
      const updated = await api.put(`/saved_search/${id}/`, {
        name: 'Our customers',
        query: 'status:Qualified',
      });
      expect(updated.object).toMatchObject({ name: 'Our customers', query: 'status:Qualified' });
      expect(ids((await api.get('/saved_search/')).items)).toContain(id);
      expect((await api.delete(`/saved_search/${id}/`)).statusCode).toBe(200);
      expect((await api.get(`/saved_search/${id}/`)).statusCode).toBe(404);
    });
  });

  describe('POST /data/search/', () => {
    const search = (body: Record<string, unknown>) => api.post('/data/search/', body);
    const leads = (...queries: unknown[]) => ({
      type: 'and',
      queries: [{ type: 'object_type', object_type: 'lead' }, ...queries],
    });
    const text = (object_type: string, field_name: string, mode: string, value: string) => ({
      type: 'field_condition',
      field: { type: 'regular_field', object_type, field_name },
      condition: { type: 'text', mode, value },
    });
    const contactEmail = (value: string) => ({
      type: 'has_related',
      this_object_type: 'contact',
      related_object_type: 'contact_email',
      related_query: {
        type: 'field_condition',
        field: { type: 'regular_field', object_type: 'contact_email', field_name: 'email' },
        condition: { type: 'term', values: [value] },
      },
    });

    it('finds leads whose name contains words, as ids by default', async () => {
      const response = await search({ query: leads(text('lead', 'name', 'full_words', 'globex')) });
      expect(response.statusCode).toBe(200);
      expect(searchResultSchema.parse(response.object)).toEqual({
        data: [{ __object_type: 'lead', id: lead.globex }],
        cursor: null,
      });
      const prefix = await search({
        query: leads(text('lead', 'name', 'beginning_of_words', 'glob')),
      });
      expect(ids(prefix.items)).toEqual([lead.globex]);
      expect(
        (await search({ query: leads(text('lead', 'name', 'full_words', 'glob')) })).items,
      ).toEqual([]);
    });

    it('finds contacts by email, with the fields asked for', async () => {
      const response = await search({
        query: {
          type: 'and',
          queries: [
            { type: 'object_type', object_type: 'contact' },
            contactEmail('wile@acme.example'),
          ],
        },
        _fields: { contact: ['name', 'lead_id', 'emails'] },
      });
      expect(response.items).toEqual([
        {
          __object_type: 'contact',
          id: expect.stringMatching(/^cont_/),
          name: 'Wile Coyote',
          lead_id: lead.acme,
          emails: [{ email: 'wile@acme.example', type: 'office' }],
        },
      ]);
    });

    it('finds leads by a contact’s email or phone, or by a custom field value', async () => {
      const byEmail = await search({
        query: leads({
          type: 'has_related',
          this_object_type: 'lead',
          related_object_type: 'contact',
          related_query: contactEmail('bill@initech.example'),
        }),
        _fields: { lead: ['name', 'status_label'] },
      });
      expect(byEmail.items).toEqual([
        { __object_type: 'lead', id: lead.initech, name: 'Initech', status_label: 'Customer' },
      ]);
      const byPhone = await search({
        query: leads({
          type: 'has_related',
          this_object_type: 'lead',
          related_object_type: 'contact',
          related_query: {
            type: 'has_related',
            this_object_type: 'contact',
            related_object_type: 'contact_phone',
            related_query: text('contact_phone', 'phone', 'phrase', '650-555-0101'),
          },
        }),
      });
      expect(ids(byPhone.items)).toEqual([lead.acme]);
      const byCustom = await search({
        query: leads({
          type: 'field_condition',
          field: { type: 'custom_field', custom_field_id: sourceField },
          condition: { type: 'term', values: ['Referral'] },
        }),
      });
      expect(ids(byCustom.items)).toEqual([lead.globex]);
    });

    it('combines conditions with and, or and negate', async () => {
      const either = await search({
        query: leads({
          type: 'or',
          queries: [
            text('lead', 'name', 'full_words', 'initech'),
            text('lead', 'name', 'full_words', 'globex'),
          ],
        }),
      });
      expect(ids(either.items).sort()).toEqual([lead.globex, lead.initech].sort());
      const notAcme = await search({
        query: leads({ ...text('lead', 'name', 'full_words', 'acme'), negate: true }),
      });
      expect(ids(notAcme.items).sort()).toEqual([lead.globex, lead.initech].sort());
    });

    it('pages with a cursor and stops at results_limit', async () => {
      const first = await search({
        query: leads(),
        _limit: 2,
        sort: [
          {
            direction: 'asc',
            field: { type: 'regular_field', object_type: 'lead', field_name: 'name' },
          },
        ],
      });
      expect(first.items.map((item) => item.id)).toEqual([lead.acme, lead.globex]);
      expect(typeof first.object.cursor).toBe('string');
      const second = await search({
        query: leads(),
        _limit: 2,
        cursor: first.object.cursor,
        sort: [
          {
            direction: 'asc',
            field: { type: 'regular_field', object_type: 'lead', field_name: 'name' },
          },
        ],
      });
      expect(ids(second.items)).toEqual([lead.initech]);
      expect(second.object.cursor).toBeNull();
      const capped = await search({
        query: leads(),
        _limit: 1,
        results_limit: 1,
        include_counts: true,
      });
      expect(capped.items).toHaveLength(1);
      expect(capped.object.cursor).toBeNull();
      expect(capped.object.count).toEqual({ total: 1 });
    });

    it('says what is wrong with a query it cannot run', async () => {
      const noType = await search({ query: text('lead', 'name', 'full_words', 'x') });
      expect(noType.statusCode).toBe(400);
      expect(noType.object['field-errors']).toEqual({
        query: expect.stringContaining('object type'),
      });
      const unknownField = await search({
        query: leads(text('lead', 'shoe_size', 'full_words', 'x')),
      });
      expect(unknownField.object['field-errors']).toEqual({
        query: expect.stringContaining('shoe_size'),
      });
      const badShape = await search({ query: { type: 'wildcard' } });
      expect(badShape.statusCode).toBe(400);
      const badCursor = await search({ query: leads(), cursor: 'garbage' });
      expect(badCursor.object['field-errors']).toHaveProperty('cursor');
      expect((await search({ query: leads(), _limit: 1000 })).statusCode).toBe(400);
    });
  });
});
