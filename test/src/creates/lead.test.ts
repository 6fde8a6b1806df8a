/**
 * Create Lead and Update Lead against nock: the exact body sent (what is left out included),
 * custom values coerced by their definitions, validation before any request, and Close's errors.
 */
import { describe, expect, it } from '@jest/globals';
import createLead from '../../../src/creates/create_lead.js';
import updateLead from '../../../src/creates/update_lead.js';
import {
  API,
  closeLead,
  CONTACT_ID,
  expectCustomFields,
  failure,
  LEAD_ID,
  run,
  STATUS_ID,
  USER_ID,
  useNockedClose,
} from '../../support/close-nock.js';

const close = useNockedClose();
const create = createLead.operation.perform;
const update = updateLead.operation.perform;

describe('create_lead', () => {
  it('sends the filled inputs only: no empty strings, no nulls, no empty contact or address', async () => {
    close()
      .post(`${API}/lead/`, {
        name: 'Acme Rockets',
        status_id: STATUS_ID,
        contacts: [
          {
            name: 'Grace Hopper',
            emails: [{ email: 'grace@acme.example', type: 'office' }],
            phones: [{ phone: '+1 650 555 1234', type: 'office' }],
          },
        ],
        addresses: [{ label: 'business', city: 'Austin', country: 'US' }],
      })
      .reply(200, closeLead());
    const lead = await run(create, {
      name: '  Acme Rockets ',
      url: '',
      description: '   ',
      status_id: STATUS_ID,
      contact_name: 'Grace Hopper',
      contact_title: '',
      contact_email: 'grace@acme.example',
      contact_phone: '+1 650 555 1234',
      address_1: '',
      city: 'Austin',
      country: 'us',
    });
    expect(lead).toMatchObject({
      id: LEAD_ID,
      name: 'Acme Rockets',
      primary_contact_email: 'grace@acme.example',
      status_label: 'Potential',
    });
  });

  it('sends no contacts or addresses when none of their inputs is filled', async () => {
    close()
      .post(`${API}/lead/`, { name: 'Solo' })
      .reply(200, closeLead({ name: 'Solo' }));
    await run(create, { name: 'Solo', contact_name: '', city: null });
  });

  it('gives a bare domain https://', async () => {
    close().post(`${API}/lead/`, { url: 'https://acme.example/about' }).reply(200, closeLead());
    await run(create, { url: 'acme.example/about' });
  });

  it('coerces custom values by their definitions and names them in the output', async () => {
    expectCustomFields(close(), 'lead');
    close()
      .post(`${API}/lead/`, {
        name: 'Acme',
        'custom.cf_source': 'Trade Show',
        'custom.cf_size': 1200,
        'custom.cf_renewal': '2026-04-01',
        'custom.cf_met': '2026-03-02T15:00:00-05:00',
        'custom.cf_tags': ['A', 'B', 'C, D'],
        'custom.cf_owner': USER_ID,
      })
      .reply(200, closeLead({ 'custom.cf_source': 'Trade Show', 'custom.cf_size': 1200 }));
    const lead = await run(create, {
      name: 'Acme',
      'custom.cf_source': 'trade show',
      'custom.cf_size': '1,200',
      'custom.cf_renewal': '2026-04-01T00:00:00-07:00',
      'custom.cf_met': '2026-03-02T15:00:00-05:00',
      'custom.cf_tags': ['A, B', 'C, D'],
      'custom.cf_owner': USER_ID,
      'custom.cf_code': '',
    });
    expect(lead).toMatchObject({
      custom: { 'Lead Source': 'Trade Show', Employees: 1200 },
      'custom.cf_source': 'Trade Show',
    });
  });

  it('does not load custom field definitions when no custom value is entered', async () => {
    close().post(`${API}/lead/`, { name: 'Acme' }).reply(200, closeLead());
    await run(create, { name: 'Acme', 'custom.cf_source': '' });
  });

  it('refuses a wrong email, phone and country before any request, naming each field', async () => {
    const error = await failure(create, {
      contact_email: 'grace@',
      contact_phone: 'call me',
      country: 'United States',
    });
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toContain(
      'Contact Email must be an email address like name@example.com (got "grace@")',
    );
    expect(error.message).toContain('Contact Phone must be a phone number');
    expect(error.message).toContain('Country must be a two-letter country code');
  });

  it('takes a status name where the status ID belongs, in any case', async () => {
    close()
      .get(`${API}/status/lead/`)
      .reply(200, {
        data: [
          { id: 'stat_Potential1', label: 'Potential' },
          { id: STATUS_ID, label: 'Qualified' },
        ],
        has_more: false,
      });
    close().post(`${API}/lead/`, { name: 'Acme', status_id: STATUS_ID }).reply(200, closeLead());
    await run(create, { name: 'Acme', status_id: 'qualified ' });
  });

  it('refuses a status name the organization does not have, listing those it has', async () => {
    close()
      .get(`${API}/status/lead/`)
      .reply(200, { data: [{ id: 'stat_Potential1', label: 'Potential' }], has_more: false });
    const error = await failure(create, { status_id: 'Hot' });
    expect(error.message).toBe(
      'Status "Hot" is not one of your Close lead statuses (Potential). Pick one from the dropdown.',
    );
  });

  it('refuses a value that is not one of a choice field’s choices, before creating anything', async () => {
    expectCustomFields(close(), 'lead');
    const error = await failure(create, {
      'custom.cf_source': 'Billboard',
      'custom.cf_size': 'many',
    });
    expect(error.message).toContain(
      'Lead Source must be one of Web, Referral, Trade Show (got "Billboard")',
    );
    expect(error.message).toContain('Employees must be a number like 1250.50 (got "many")');
  });

  it("translates Close's field errors to the labels the user saw", async () => {
    expectCustomFields(close(), 'lead');
    close()
      .post(`${API}/lead/`)
      .reply(400, {
        errors: [],
        'field-errors': { status_id: 'Unknown status.', 'custom.cf_code': 'Too long.' },
      });
    const error = await failure(create, { status_id: STATUS_ID, 'custom.cf_code': 'x'.repeat(5) });
    expect(error.message).toContain('Status: Unknown status.');
    expect(error.message).toContain('Partner Code: Too long.');
  });
  it('names nested errors of the embedded contact by the contact inputs', async () => {
    close()
      .post(`${API}/lead/`)
      .reply(400, {
        errors: [],
        'field-errors': {
          contacts: { '0': { emails: { '0': { email: ['Enter a valid email.'] } } } },
        },
      });
    const error = await failure(create, { contact_email: 'grace@acme.example' });
    expect(error.message).toContain('Contact Email: Enter a valid email.');
    expect(error.message).not.toContain('[object Object]');
  });
});

describe('update_lead', () => {
  it('changes the status alone with one PUT of status_id ("Change Lead Status")', async () => {
    close()
      .put(`${API}/lead/${LEAD_ID}/`, { status_id: STATUS_ID })
      .reply(200, closeLead({ status_id: STATUS_ID, status_label: 'Qualified' }));
    const lead = await run(update, { lead_id: LEAD_ID, status_id: STATUS_ID, name: '' });
    expect(lead).toMatchObject({ id: LEAD_ID, status_label: 'Qualified' });
  });

  it('updates the primary contact: a new email goes first, the others stay', async () => {
    close().get(`${API}/lead/${LEAD_ID}/`).reply(200, closeLead());
    close()
      .put(`${API}/contact/${CONTACT_ID}/`, {
        emails: [
          { email: 'grace@new.example', type: 'office' },
          { email: 'grace@acme.example', type: 'office' },
        ],
      })
      .reply(200, closeLead().contacts[0]);
    close().get(`${API}/lead/${LEAD_ID}/`).reply(200, closeLead());
    await run(update, { lead_id: LEAD_ID, contact_email: 'grace@new.example' });
  });

  it('adds a contact to a lead that has none', async () => {
    close()
      .get(`${API}/lead/${LEAD_ID}/`)
      .reply(200, closeLead({ contacts: [] }));
    close()
      .post(`${API}/contact/`, { lead_id: LEAD_ID, name: 'Ada Lovelace' })
      .reply(200, { ...closeLead().contacts[0], name: 'Ada Lovelace' });
    close()
      .put(`${API}/lead/${LEAD_ID}/`, { description: 'Now with a contact' })
      .reply(200, closeLead());
    await run(update, {
      lead_id: LEAD_ID,
      contact_name: 'Ada Lovelace',
      description: 'Now with a contact',
    });
  });

  it('lays the entered address parts over the first address and keeps the others', async () => {
    const second = { label: 'mailing', city: 'Boston', country: 'US' };
    const current = closeLead();
    close()
      .get(`${API}/lead/${LEAD_ID}/`)
      .reply(200, { ...current, addresses: [...current.addresses, second] });
    close()
      .put(`${API}/lead/${LEAD_ID}/`, {
        addresses: [{ ...current.addresses[0], city: 'Dallas', zipcode: '75201' }, second],
      })
      .reply(200, closeLead());
    await run(update, { lead_id: LEAD_ID, city: 'Dallas', zipcode: '75201' });
  });

  it('reads the lead back unchanged when nothing was entered', async () => {
    close().get(`${API}/lead/${LEAD_ID}/`).reply(200, closeLead());
    await expect(run(update, { lead_id: LEAD_ID, name: '' })).resolves.toMatchObject({
      id: LEAD_ID,
    });
  });

  it('refuses a lead name where the lead ID belongs', async () => {
    const error = await failure(update, { lead_id: 'Acme Rockets', name: 'x' });
    expect(error.message).toContain(
      'Lead must be a Close lead ID, which starts with "lead_" (got "Acme Rockets")',
    );
  });

  it('requires the lead', async () => {
    expect((await failure(update, { name: 'x' })).message).toContain('Lead is required');
  });

  it('says which lead Close does not have', async () => {
    close().put(`${API}/lead/${LEAD_ID}/`).reply(404, { error: 'Not found' });
    const error = await failure(update, { lead_id: LEAD_ID, name: 'x' });
    expect(error.message).toContain(`Close has no lead ${LEAD_ID}`);
  });
});
