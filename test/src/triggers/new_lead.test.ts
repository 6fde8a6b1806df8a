/** New Lead: subscribes to created leads, polls the newest leads, filters by status. */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { formatLead, LEAD_FIELDS, leadSampleRaw } from '../../../src/formatters/lead.js';
import newLead from '../../../src/triggers/new_lead.js';
import {
  API,
  appTester,
  authData,
  closeEvent,
  deliveryBundle,
  hookFunctions,
  listBody,
} from '../../support/triggers.js';
import { customFieldsReply, subscribedEvents, useNock } from '../../support/nock.js';

useNock();
const hook = hookFunctions(newLead);
const QUALIFIED = 'stat_6cD7eF8gH9iJ0kL1mN2oP3qR4sT5uV6wX7yZ8aB9cD0';
const qualifiedLead = {
  ...leadSampleRaw,
  id: 'lead_qualified',
  status_id: QUALIFIED,
  status_label: 'Qualified',
};

describe('new_lead', () => {
  it('subscribes to lead created events only', async () => {
    expect(await subscribedEvents(hook)).toEqual([{ object_type: 'lead', action: 'created' }]);
  });

  it('polls the newest leads and returns them as the lead formatter shapes them', async () => {
    customFieldsReply('lead', []);
    nock(API)
      .get('/lead/')
      .query({ _order_by: '-date_created', _limit: '100', _fields: LEAD_FIELDS.join(',') })
      .reply(200, listBody([leadSampleRaw]));
    const [lead] = await appTester(hook.performList, { authData });
    expect(lead).toEqual(formatLead(leadSampleRaw));
    expect(lead).toMatchObject({
      id: leadSampleRaw.id,
      name: 'Acme Rockets',
      status_label: 'Potential',
      primary_contact_name: 'Grace Hopper',
      primary_contact_email: 'grace@acme.example',
      primary_contact_phone: '+16505551234',
      html_url: leadSampleRaw.html_url,
      custom: { 'Lead Source': 'Web' },
    });
  });

  it('keeps only leads with the chosen status, in polls and deliveries', async () => {
    customFieldsReply('lead', []);
    nock(API)
      .get('/lead/')
      .query(true)
      .reply(200, listBody([qualifiedLead, leadSampleRaw]));
    const polled = await appTester(hook.performList, {
      authData,
      inputData: { status_id: QUALIFIED },
    });
    expect(polled.map((lead) => lead.id)).toEqual(['lead_qualified']);

    const potential = closeEvent({
      object_type: 'lead',
      action: 'created',
      data: { ...leadSampleRaw },
    });
    await expect(
      appTester(hook.perform, deliveryBundle(potential, { status_id: QUALIFIED })),
    ).resolves.toEqual([]);
    const qualified = closeEvent({ object_type: 'lead', action: 'created', data: qualifiedLead });
    const [delivered] = await appTester(
      hook.perform,
      deliveryBundle(qualified, { status_id: QUALIFIED }),
    );
    expect(delivered).toEqual(formatLead(qualifiedLead));
  });
});
