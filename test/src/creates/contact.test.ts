/** Create Contact and Update Contact against nock: lists of emails/phones/URLs, merging on update. */
import { describe, expect, it } from '@jest/globals';
import createContact from '../../../src/creates/create_contact.js';
import updateContact from '../../../src/creates/update_contact.js';
import {
  API,
  closeContact,
  CONTACT_ID,
  customField,
  customFieldList,
  failure,
  LEAD_ID,
  run,
  useNockedClose,
} from '../../support/close-nock.js';

const close = useNockedClose();
const create = createContact.operation.perform;
const update = updateContact.operation.perform;

describe('create_contact', () => {
  it('sends each entered email, phone and URL with its type, and nothing empty', async () => {
    close()
      .post(`${API}/contact/`, {
        lead_id: LEAD_ID,
        name: 'Ada Lovelace',
        emails: [
          { email: 'ada@acme.example', type: 'mobile' },
          { email: 'ada@home.example', type: 'mobile' },
        ],
        phones: [{ phone: '+44 20 7946 0958', type: 'office' }],
        urls: [{ url: 'https://linkedin.com/in/ada', type: 'url' }],
      })
      .reply(200, closeContact({ name: 'Ada Lovelace' }));
    const contact = await run(create, {
      lead_id: LEAD_ID,
      name: 'Ada Lovelace',
      title: '',
      emails: ['ada@acme.example', 'ada@home.example', 'ADA@acme.example'],
      email_type: 'Mobile',
      phones: ['+44 20 7946 0958', ''],
      urls: 'linkedin.com/in/ada',
    });
    expect(contact).toMatchObject({ id: CONTACT_ID, name: 'Ada Lovelace', lead_id: LEAD_ID });
  });

  it('splits one mapped string of several emails', async () => {
    close()
      .post(`${API}/contact/`, {
        emails: [
          { email: 'a@x.example', type: 'office' },
          { email: 'b@x.example', type: 'office' },
        ],
      })
      .reply(200, closeContact());
    await run(create, { lead_id: '', emails: 'a@x.example, b@x.example' });
  });

  it('leaves lead_id out when no lead is chosen (Close creates a lead named after the contact)', async () => {
    close()
      .post(`${API}/contact/`, { name: 'Solo' })
      .reply(200, closeContact({ name: 'Solo' }));
    await run(create, { name: 'Solo', lead_id: '  ' });
  });

  it('sends contact custom fields, typed by their definitions', async () => {
    close()
      .get(`${API}/custom_field/contact/`)
      .query(true)
      .reply(
        200,
        customFieldList([
          customField({
            id: 'cf_role',
            name: 'Role',
            type: 'choices',
            choices: ['Champion', 'Buyer'],
          }),
        ]),
      );
    close()
      .post(`${API}/contact/`, { name: 'Ada', 'custom.cf_role': 'Buyer' })
      .reply(200, closeContact({ 'custom.cf_role': 'Buyer' }));
    const contact = await run(create, { name: 'Ada', 'custom.cf_role': 'buyer' });
    expect(contact).toMatchObject({ custom: { Role: 'Buyer' } });
  });

  it('names a wrong email and a wrong phone in one message, before any request', async () => {
    const error = await failure(create, { emails: ['ok@x.example', 'nope'], phones: ['12'] });
    expect(error.message).toContain(
      'Emails must be email addresses like name@example.com (got "nope")',
    );
    expect(error.message).toContain(
      'Phones must be a phone number like +1 650 555 1234 (got "12")',
    );
  });

  it('refuses an unknown email type', async () => {
    const error = await failure(create, { emails: ['a@x.example'], email_type: 'work' });
    expect(error.message).toContain(
      'Email Type must be one of office, mobile, home, direct, fax, other',
    );
  });
});

describe('update_contact', () => {
  it('puts new emails first and keeps the contact’s others, with their types', async () => {
    close()
      .get(`${API}/contact/${CONTACT_ID}/`)
      .reply(
        200,
        closeContact({
          emails: [
            { email: 'old@x.example', type: 'home' },
            { email: 'keep@x.example', type: 'office' },
          ],
        }),
      );
    close()
      .put(`${API}/contact/${CONTACT_ID}/`, {
        title: 'CTO',
        emails: [
          { email: 'new@x.example', type: 'office' },
          { email: 'OLD@x.example', type: 'home' },
          { email: 'keep@x.example', type: 'office' },
        ],
      })
      .reply(200, closeContact({ title: 'CTO' }));
    await run(update, {
      contact_id: CONTACT_ID,
      title: 'CTO',
      emails: ['new@x.example', 'OLD@x.example'],
    });
  });

  it('changes the name with one PUT and no read when no list is entered', async () => {
    close()
      .put(`${API}/contact/${CONTACT_ID}/`, { name: 'Ada King' })
      .reply(200, closeContact({ name: 'Ada King' }));
    await expect(
      run(update, { contact_id: CONTACT_ID, name: 'Ada King', emails: [] }),
    ).resolves.toMatchObject({
      name: 'Ada King',
    });
  });

  it('requires a contact ID, not a name', async () => {
    const error = await failure(update, { contact_id: 'Ada Lovelace' });
    expect(error.message).toContain(
      'Contact must be a Close contact ID, which starts with "cont_"',
    );
  });
});
