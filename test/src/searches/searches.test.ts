/**
 * The searches against nock: the Advanced Filtering query each sends (user values as JSON
 * strings, never spliced into a query language), the full object read back and formatted, the
 * choice among matches, no match as an empty list, and inputs checked before any request.
 */
import { describe, expect, it } from '@jest/globals';
import findContact from '../../../src/searches/find_contact.js';
import findLead from '../../../src/searches/find_lead.js';
import findOpportunity from '../../../src/searches/find_opportunity.js';
import findUser from '../../../src/searches/find_user.js';
import { userSample } from '../../../src/formatters/user.js';
import {
  API,
  closeContact,
  closeLead,
  closeOpportunity,
  CONTACT_ID,
  expectCustomFields,
  failure,
  fieldFunctions,
  LEAD_ID,
  run,
  STATUS_ID,
  useNockedClose,
} from '../../support/close-nock.js';

const close = useNockedClose();
const OTHER_LEAD = 'lead_OtherLead000000000000000000000000000000002';

type SearchBody = { query: { queries: unknown[] }; _fields: unknown; _limit: number };

/** Expects one POST /data/search/, hands its body to `check`, answers these hits. */
function expectSearch(
  check: (body: SearchBody) => void,
  hits: Record<string, unknown>[],
  object: 'lead' | 'contact' = 'lead',
) {
  close()
    .post(`${API}/data/search/`, (body: SearchBody) => {
      check(body);
      return true;
    })
    .reply(200, { data: hits.map((hit) => ({ __object_type: object, ...hit })), cursor: null });
}

const emailQuery = (email: string) => ({
  type: 'has_related',
  this_object_type: 'contact',
  related_object_type: 'contact_email',
  related_query: {
    type: 'field_condition',
    field: { type: 'regular_field', object_type: 'contact_email', field_name: 'email' },
    condition: { type: 'text', mode: 'full_words', value: email },
  },
});

describe('find_lead', () => {
  it('finds by a contact’s email through lead → contact → email, and returns the formatted lead', async () => {
    expectSearch(
      (body) => {
        expect(body.query).toEqual({
          type: 'and',
          queries: [
            { type: 'object_type', object_type: 'lead' },
            {
              type: 'and',
              queries: [
                {
                  type: 'has_related',
                  this_object_type: 'lead',
                  related_object_type: 'contact',
                  related_query: emailQuery('grace@acme.example'),
                },
              ],
            },
          ],
        });
        expect(body._fields).toEqual({ lead: ['id', 'display_name', 'name'] });
        expect(body._limit).toBe(10);
      },
      [{ id: LEAD_ID, display_name: 'Acme Rockets' }],
    );
    close().get(`${API}/lead/${LEAD_ID}/`).reply(200, closeLead());
    const results = await run(findLead.operation.perform, { email: ' grace@acme.example ' });
    expect(results).toEqual([
      expect.objectContaining({ id: LEAD_ID, primary_contact_email: 'grace@acme.example' }),
    ]);
  });

  it('sends a name with quotes and colons as a plain JSON value, and prefers the exact name', async () => {
    const name = 'Acme "Rockets": West';
    expectSearch(
      (body) => {
        expect(JSON.stringify(body.query)).toContain(JSON.stringify(name));
      },
      [
        {
          id: OTHER_LEAD,
          display_name: 'Acme "Rockets": West Coast',
          name: 'Acme "Rockets": West Coast',
        },
        { id: LEAD_ID, display_name: name, name: 'acme "rockets": west' },
      ],
    );
    close().get(`${API}/lead/${LEAD_ID}/`).reply(200, closeLead({ name }));
    const [lead] = (await run(findLead.operation.perform, { name })) as Record<string, unknown>[];
    expect(lead).toMatchObject({ id: LEAD_ID });
  });

  it('finds by a choice custom field with Close’s spelling of the choice', async () => {
    expectCustomFields(close(), 'lead');
    expectSearch(
      (body) => {
        expect(body.query.queries[1]).toEqual({
          type: 'and',
          queries: [
            {
              type: 'field_condition',
              field: { type: 'custom_field', custom_field_id: 'cf_source' },
              condition: { type: 'term', values: ['Trade Show'] },
            },
          ],
        });
      },
      [{ id: LEAD_ID }],
    );
    close()
      .get(`${API}/lead/${LEAD_ID}/`)
      .reply(200, closeLead({ 'custom.cf_source': 'Trade Show' }));
    // The lead has a custom value and no legacy `custom` object: names come from the definitions.
    expectCustomFields(close(), 'lead');
    const [lead] = (await run(findLead.operation.perform, {
      custom_field_id: 'cf_source',
      custom_field_value: 'trade show',
    })) as Record<string, unknown>[];
    expect(lead).toMatchObject({ custom: { 'Lead Source': 'Trade Show' } });
  });

  it('finds by a text custom field’s words and by a number’s exact value', async () => {
    expectCustomFields(close(), 'lead');
    expectSearch((body) => {
      expect(JSON.stringify(body.query)).toContain(
        JSON.stringify({ type: 'text', mode: 'full_words', value: 'P-42' }),
      );
    }, []);
    await expect(
      run(findLead.operation.perform, { custom_field_id: 'cf_code', custom_field_value: 'P-42' }),
    ).resolves.toEqual([]);

    expectCustomFields(close(), 'lead');
    expectSearch((body) => {
      expect(JSON.stringify(body.query)).toContain(
        JSON.stringify({ type: 'term', values: [1200] }),
      );
    }, []);
    await run(findLead.operation.perform, {
      custom_field_id: 'cf_size',
      custom_field_value: '1,200',
    });
  });

  it('combines name, phone and custom field: all must match', async () => {
    expectCustomFields(close(), 'lead');
    expectSearch((body) => {
      const inner = (body.query.queries[1] as { queries: unknown[] }).queries;
      expect(inner).toHaveLength(3);
      expect(JSON.stringify(inner[1])).toContain('"value":"+16505551234"');
    }, []);
    await run(findLead.operation.perform, {
      name: 'Acme',
      phone: '+1 (650) 555-1234',
      custom_field_id: 'cf_source',
      custom_field_value: 'Web',
    });
  });

  it('skips a candidate whose email only shares the words, and returns the exact one', async () => {
    const similar = closeLead({
      id: OTHER_LEAD,
      contacts: [
        {
          ...closeLead().contacts[0]!,
          emails: [{ email: 'grace@acme.example.org', type: 'office' }],
        },
      ],
    });
    expectSearch(() => undefined, [{ id: OTHER_LEAD }, { id: LEAD_ID }]);
    close().get(`${API}/lead/${OTHER_LEAD}/`).reply(200, similar);
    close().get(`${API}/lead/${LEAD_ID}/`).reply(200, closeLead());
    const results = await run(findLead.operation.perform, { email: 'Grace@Acme.example' });
    expect(results).toEqual([expect.objectContaining({ id: LEAD_ID })]);
  });

  it('finds nothing when no candidate has the exact custom value', async () => {
    expectCustomFields(close(), 'lead');
    expectSearch(() => undefined, [{ id: LEAD_ID }]);
    close()
      .get(`${API}/lead/${LEAD_ID}/`)
      .reply(200, closeLead({ 'custom.cf_code': 'P-42 extra' }));
    await expect(
      run(findLead.operation.perform, { custom_field_id: 'cf_code', custom_field_value: 'P-42' }),
    ).resolves.toEqual([]);
  });

  it('answers no match with an empty list (Zapier then may create one)', async () => {
    expectSearch(() => undefined, []);
    await expect(run(findLead.operation.perform, { email: 'nobody@x.example' })).resolves.toEqual(
      [],
    );
  });

  it('asks for something to search by, without calling Close', async () => {
    const error = await failure(findLead.operation.perform, { name: '', email: ' ' });
    expect(error.message).toContain(
      'Fill in at least one of Name, Contact Email, Contact Phone or Custom Field',
    );
  });

  it('wants both the custom field and its value', async () => {
    const error = await failure(findLead.operation.perform, { custom_field_id: 'cf_source' });
    expect(error.message).toContain('fill in both Custom Field and Custom Field Value');
  });

  it('checks a custom value against the field’s choices before searching', async () => {
    expectCustomFields(close(), 'lead');
    const error = await failure(findLead.operation.perform, {
      custom_field_id: 'cf_source',
      custom_field_value: 'Billboard',
    });
    expect(error.message).toContain('Lead Source must be one of Web, Referral, Trade Show');
  });

  it('says so when the custom field is not one of the organization’s lead fields', async () => {
    expectCustomFields(close(), 'lead');
    const error = await failure(findLead.operation.perform, {
      custom_field_id: 'cf_gone',
      custom_field_value: 'x',
    });
    expect(error.message).toContain(
      'Custom Field "cf_gone" is not one of your Close organization’s lead custom fields',
    );
  });

  it('types the value input by the chosen custom field', async () => {
    const [valueField] = fieldFunctions(findLead.operation.inputFields ?? []);
    expectCustomFields(close(), 'lead');
    await expect(run(valueField, { custom_field_id: 'cf_source' })).resolves.toEqual([
      expect.objectContaining({
        key: 'custom_field_value',
        label: 'Lead Source',
        choices: ['Web', 'Referral', 'Trade Show'],
      }),
    ]);
    await expect(run(valueField, {})).resolves.toEqual([
      expect.objectContaining({ key: 'custom_field_value', label: 'Custom Field Value' }),
    ]);
  });
});

describe('find_contact', () => {
  it('finds by email and phone (both must match), the phone reduced to digits and +', async () => {
    expectSearch(
      (body) => {
        expect(body.query.queries[0]).toEqual({ type: 'object_type', object_type: 'contact' });
        const inner = (body.query.queries[1] as { queries: unknown[] }).queries;
        expect(inner[0]).toEqual(emailQuery('grace@acme.example'));
        expect(JSON.stringify(inner[1])).toContain(
          '"field":{"type":"regular_field","object_type":"contact_phone","field_name":"phone"}',
        );
        expect(JSON.stringify(inner[1])).toContain('"value":"+16505551234"');
      },
      [{ id: CONTACT_ID }],
      'contact',
    );
    close().get(`${API}/contact/${CONTACT_ID}/`).reply(200, closeContact());
    await expect(
      run(findContact.operation.perform, { email: 'grace@acme.example', phone: '+1 650-555-1234' }),
    ).resolves.toEqual([expect.objectContaining({ id: CONTACT_ID, email: 'grace@acme.example' })]);
  });

  it('matches a number typed without its country code, but not a longer different one', async () => {
    const other = 'cont_Other000000000000000000000000000000000002';
    expectSearch(() => undefined, [{ id: other }, { id: CONTACT_ID }], 'contact');
    close()
      .get(`${API}/contact/${other}/`)
      .reply(
        200,
        closeContact({ id: other, phones: [{ phone: '+16505551234999', type: 'office' }] }),
      );
    close().get(`${API}/contact/${CONTACT_ID}/`).reply(200, closeContact());
    await expect(run(findContact.operation.perform, { phone: '(650) 555-1234' })).resolves.toEqual([
      expect.objectContaining({ id: CONTACT_ID }),
    ]);
  });

  it('refuses a malformed email before searching', async () => {
    const error = await failure(findContact.operation.perform, { email: 'grace at acme' });
    expect(error.message).toContain('Email must be an email address');
  });

  it('asks for an email or a phone', async () => {
    const error = await failure(findContact.operation.perform, {});
    expect(error.message).toContain('Fill in Email or Phone');
  });
});

describe('find_opportunity', () => {
  it('lists the lead’s opportunities by status type, most recently updated first, without the pipeline', async () => {
    close()
      .get(`${API}/opportunity/`)
      .query({ lead_id: LEAD_ID, status_type: 'won', _order_by: '-date_updated', _limit: '10' })
      .reply(200, { data: [closeOpportunity()], has_more: false });
    await expect(
      run(findOpportunity.operation.perform, {
        lead_id: LEAD_ID,
        pipeline_id: 'pipe_x',
        status_id: '',
        status_type: 'Won',
      }),
    ).resolves.toEqual([expect.objectContaining({ lead_id: LEAD_ID, value_amount: 12500 })]);
  });

  it('filters by status ID', async () => {
    close()
      .get(`${API}/opportunity/`)
      .query({ lead_id: LEAD_ID, status_id: STATUS_ID, _order_by: '-date_updated', _limit: '10' })
      .reply(200, { data: [], has_more: false });
    await expect(
      run(findOpportunity.operation.perform, { lead_id: LEAD_ID, status_id: STATUS_ID }),
    ).resolves.toEqual([]);
  });

  it('requires the lead', async () => {
    const error = await failure(findOpportunity.operation.perform, { status_type: 'won' });
    expect(error.message).toContain('Lead is required');
  });
});

describe('find_user', () => {
  const user = (id: string, email: string) => ({
    id,
    email,
    first_name: 'Pat',
    last_name: 'Doe',
    date_created: userSample.date_created,
    date_updated: userSample.date_updated,
  });

  it('pages through the users and matches the email without regard to case', async () => {
    close()
      .get(`${API}/user/`)
      .query({ _skip: '0', _limit: '100' })
      .reply(200, { data: [user('user_A1', 'a@x.example')], has_more: true });
    close()
      .get(`${API}/user/`)
      .query({ _skip: '100', _limit: '100' })
      .reply(200, { data: [user('user_B2', 'Pat.Doe@X.example')], has_more: false });
    await expect(run(findUser.operation.perform, { email: 'pat.doe@x.example' })).resolves.toEqual([
      expect.objectContaining({ id: 'user_B2', display_name: 'Pat Doe' }),
    ]);
  });

  it('answers no match with an empty list', async () => {
    close()
      .get(`${API}/user/`)
      .query(true)
      .reply(200, { data: [user('user_A1', 'a@x.example')], has_more: false });
    await expect(run(findUser.operation.perform, { email: 'b@x.example' })).resolves.toEqual([]);
  });

  it('requires a valid email', async () => {
    expect((await failure(findUser.operation.perform, { email: '' })).message).toContain(
      'Email is required',
    );
  });
});
