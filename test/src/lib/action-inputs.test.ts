/**
 * The builders every action shares: dropping empties from bodies, reading numbers and dates as
 * users type them, custom fields turned into typed inputs, and the perform-based dropdowns.
 */
import { describe, expect, it } from '@jest/globals';
import createLead from '../../../src/creates/create_lead.js';
import updateLead from '../../../src/creates/update_lead.js';
import { customValueSchema } from '../../../src/lib/custom-fields.js';
import { contactChoices, openTaskChoices } from '../../../src/lib/id-fields.js';
import { calendarDate, compactBody, parseDecimal } from '../../../src/lib/inputs.js';
import { customFieldSchema } from '../../../shared/close-objects.js';
import {
  API,
  closeContact,
  closeTask,
  customField,
  customFieldList,
  fieldFunctions,
  LEAD_CUSTOM_FIELDS,
  LEAD_ID,
  run,
  useNockedClose,
} from '../../support/close-nock.js';

const close = useNockedClose();

describe('compactBody', () => {
  it('drops undefined, null, blank strings, and arrays and objects left empty, at any depth', () => {
    expect(
      compactBody({
        a: 'x',
        b: '',
        c: '  ',
        d: null,
        e: undefined,
        f: 0,
        g: false,
        h: [],
        i: [{ city: '' }],
        j: { k: { l: null } },
        m: [{ email: 'a@x.example', type: 'office' }, ''],
      }),
    ).toEqual({ a: 'x', f: 0, g: false, m: [{ email: 'a@x.example', type: 'office' }] });
  });
});

describe('reading what users type', () => {
  it.each([
    ['1250', 1250],
    ['1250.50', 1250.5],
    ['1,250.50', 1250.5],
    ['$1,250', 1250],
    [' 7 ', 7],
    [42, 42],
  ])('reads %p as %p', (input, expected) => {
    expect(parseDecimal(input)).toBe(expected);
  });

  it.each(['1,5', '1.250,50', '12abc', '', 'NaN'])('refuses %p rather than guess', (input) => {
    expect(parseDecimal(input)).toBeUndefined();
  });

  it('takes a datetime’s own calendar date, not the UTC one, and refuses impossible dates', () => {
    expect(calendarDate('2026-04-01T00:00:00-07:00')).toBe('2026-04-01');
    expect(calendarDate('2026-04-01T23:30:00+09:00')).toBe('2026-04-01');
    expect(calendarDate('2026-02-29')).toBeUndefined();
    expect(calendarDate('04/01/2026')).toBeUndefined();
  });
});

describe('custom fields as inputs', () => {
  const customInputs = (operation: typeof createLead | typeof updateLead) => {
    const [fields] = fieldFunctions(operation.operation.inputFields ?? []);
    return fields;
  };

  it('become typed inputs under custom.cf_<id>; a type not known yet is left out', async () => {
    close()
      .get(`${API}/custom_field/lead/`)
      .query({ _skip: '0', _limit: '100' })
      .reply(
        200,
        customFieldList([
          ...LEAD_CUSTOM_FIELDS,
          customField({ id: 'cf_req', name: 'Region', type: 'text', required: true }),
        ]),
      );
    const fields = await run(customInputs(createLead));
    expect(fields).toEqual([
      {
        key: 'custom.cf_source',
        label: 'Lead Source',
        required: false,
        choices: ['Web', 'Referral', 'Trade Show'],
        list: false,
      },
      // A text input: Zapier's own number coercion would read "1,200" as 1.
      {
        key: 'custom.cf_size',
        label: 'Employees',
        required: false,
        type: 'string',
        helpText: 'A number, like 1250.50.',
      },
      {
        key: 'custom.cf_renewal',
        label: 'Renewal Date',
        required: false,
        type: 'datetime',
        helpText: 'A date, like 2026-03-31.',
      },
      { key: 'custom.cf_met', label: 'First Meeting', required: false, type: 'datetime' },
      {
        key: 'custom.cf_tags',
        label: 'Tags',
        required: false,
        choices: ['A', 'B', 'C, D'],
        list: true,
      },
      {
        key: 'custom.cf_owner',
        label: 'Account Owner',
        required: false,
        dynamic: 'user_list.id.label',
        search: 'find_user.id',
        list: false,
      },
      { key: 'custom.cf_code', label: 'Partner Code', required: false, type: 'string' },
      { key: 'custom.cf_req', label: 'Region', required: true, type: 'string' },
    ]);
  });

  it('are never required on update, and say that multiple values replace the current ones', async () => {
    close()
      .get(`${API}/custom_field/lead/`)
      .query(true)
      .reply(
        200,
        customFieldList([
          customField({ id: 'cf_req', name: 'Region', type: 'text', required: true }),
          customField({
            id: 'cf_tags',
            name: 'Tags',
            type: 'choices',
            choices: ['A'],
            accepts_multiple_values: true,
          }),
        ]),
      );
    const fields = await run(customInputs(updateLead));
    expect(fields).toEqual([
      expect.objectContaining({ key: 'custom.cf_req', required: false }),
      expect.objectContaining({
        key: 'custom.cf_tags',
        helpText: 'The values entered replace the current ones.',
      }),
    ]);
  });

  it('leave a note in the form instead of breaking it when Close cannot list them', async () => {
    close().get(`${API}/custom_field/lead/`).query(true).reply(403, { error: 'Not allowed' });
    const fields = await run(customInputs(createLead));
    expect(fields).toEqual([
      expect.objectContaining({
        type: 'copy',
        helpText: expect.stringContaining('The lead custom fields could not be loaded from Close'),
      }),
    ]);
  });

  it('split one mapped string of several choices, unless the string is itself a choice', () => {
    const tags = customFieldSchema.parse(
      LEAD_CUSTOM_FIELDS.find((field) => field.id === 'cf_tags'),
    );
    expect(customValueSchema(tags).parse('a, b')).toEqual(['A', 'B']);
    expect(customValueSchema(tags).parse('C, D')).toEqual(['C, D']);
    expect(customValueSchema(tags).parse(['b', 'c, d'])).toEqual(['B', 'C, D']);
    expect(customValueSchema(tags).safeParse('A, E').success).toBe(false);
  });
});

describe('perform-based dropdowns', () => {
  it('lists the chosen lead’s contacts, labelled with their email, paged by token', async () => {
    close()
      .get(`${API}/contact/`)
      .query({ lead_id: LEAD_ID, _skip: '100', _limit: '100' })
      .reply(200, { data: [closeContact()], has_more: true });
    await expect(
      run(contactChoices, { lead_id: LEAD_ID }, { paging_token: '100' }),
    ).resolves.toEqual({
      results: [{ id: closeContact().id, label: 'Grace Hopper (grace@acme.example)' }],
      paging_token: '200',
    });
  });

  it('lists open tasks, soonest due first, with no further page when Close has no more', async () => {
    close()
      .get(`${API}/task/`)
      .query({ is_complete: 'false', _order_by: 'date', _skip: '0', _limit: '100' })
      .reply(200, { data: [closeTask()], has_more: false });
    await expect(run(openTaskChoices, { lead_id: 'not a lead id' })).resolves.toEqual({
      results: [
        { id: closeTask().id, label: 'Send the pilot proposal · Acme Rockets · due 2026-03-10' },
      ],
      paging_token: null,
    });
  });
});
