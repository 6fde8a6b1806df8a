/** New Contact: subscribes to created contacts and polls the newest contacts. */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import {
  CONTACT_FIELDS,
  contactSampleRaw,
  formatContact,
} from '../../../src/formatters/contact.js';
import newContact from '../../../src/triggers/new_contact.js';
import {
  API,
  appTester,
  authData,
  closeEvent,
  deliveryBundle,
  hookFunctions,
  listBody,
} from '../../support/triggers.js';
import {
  customFieldDefinition,
  customFieldsReply,
  subscribedEvents,
  useNock,
} from '../../support/nock.js';

useNock();
const hook = hookFunctions(newContact);
const ROLE = customFieldDefinition(
  'cf_Rb3Ls8Kq2Wn7Xv5Tp9Ym4Jh6Gd1Fc0Az2Sx8Dc4Vb7Nm1',
  'Contact Role',
);

describe('new_contact', () => {
  it('subscribes to contact created events only', async () => {
    expect(await subscribedEvents(hook)).toEqual([{ object_type: 'contact', action: 'created' }]);
  });

  it('polls the newest contacts, shaped by the contact formatter', async () => {
    customFieldsReply('contact', [ROLE]);
    nock(API)
      .get('/contact/')
      .query({
        _order_by: '-date_created',
        _limit: '100',
        _fields: [...CONTACT_FIELDS, `custom.${ROLE.id}`].join(','),
      })
      .reply(200, listBody([contactSampleRaw]));
    const items = await appTester(hook.performList, { authData });
    expect(items).toEqual([formatContact(contactSampleRaw)]);
    expect(items[0]).toMatchObject({
      name: 'Grace Hopper',
      email: 'grace@acme.example',
      custom: { 'Contact Role': 'Champion' },
    });
  });

  it('returns a delivered contact in the same shape as a polled one', async () => {
    const event = closeEvent({
      object_type: 'contact',
      action: 'created',
      data: { ...contactSampleRaw },
    });
    await expect(appTester(hook.perform, deliveryBundle(event))).resolves.toEqual([
      formatContact(contactSampleRaw),
    ]);
  });
});
