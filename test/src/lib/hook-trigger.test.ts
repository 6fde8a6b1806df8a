/**
 * The REST-hook plumbing every instant trigger shares, exercised through New Lead: subscribing
 * registers Zapier's URL for the trigger's events and keeps id and signature key; unsubscribing
 * deletes the subscription; `perform` refuses unsigned deliveries, uses complete event data as is
 * and fetches the object otherwise; `performList` polls once.
 */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import {
  formatLead,
  LEAD_FIELDS,
  leadSample,
  leadSampleRaw,
} from '../../../src/formatters/lead.js';
import newLead from '../../../src/triggers/new_lead.js';
import {
  API,
  appTester,
  authData,
  closeEvent,
  deliveryBundle,
  hookFunctions,
  SUBSCRIPTION,
  TARGET_URL,
} from '../../support/triggers.js';
import { customFieldDefinition, customFieldsReply, useNock } from '../../support/nock.js';

const hook = hookFunctions(newLead);
const subscriptionBody = {
  ...SUBSCRIPTION,
  url: TARGET_URL,
  events: [{ object_type: 'lead', action: 'created' }],
  status: 'active',
  verify_ssl: true,
  organization_id: leadSampleRaw.organization_id,
  date_created: '2026-03-01T08:00:00.000000+00:00',
  date_updated: '2026-03-01T08:00:00.000000+00:00',
};
const { contacts: _contacts, ...leadWithoutContacts } = leadSampleRaw;
const { custom: _legacy, ...leadWithoutLegacyCustom } = leadSampleRaw;
const LEAD_SOURCE = customFieldDefinition(
  'cf_Hq5Wd2Lk9Xr3Tn7Vb1Mz4Pj8Gf6Sc0Ay2Ue5Io7Lk3Rt9',
  'Lead Source',
);

useNock();

describe('performSubscribe', () => {
  it("registers Zapier's target URL for exactly the trigger's events and keeps id and key", async () => {
    let sent: unknown;
    nock(API)
      .post('/webhook/', (body) => ((sent = body), true))
      .reply(201, subscriptionBody);
    const kept = await appTester(hook.performSubscribe, { authData, targetUrl: TARGET_URL });
    expect(sent).toEqual({
      url: TARGET_URL,
      events: [{ object_type: 'lead', action: 'created' }],
      verify_ssl: true,
    });
    expect(kept).toEqual({ id: SUBSCRIPTION.id, signature_key: SUBSCRIPTION.signature_key });
  });

  it('fails with Close’s reason when Close refuses the subscription', async () => {
    nock(API)
      .post('/webhook/')
      .reply(400, { errors: ['An organization can have at most 40 webhook subscriptions.'] });
    await expect(
      appTester(hook.performSubscribe, { authData, targetUrl: TARGET_URL }),
    ).rejects.toThrow(/at most 40 webhook subscriptions/);
  });
});

describe('performUnsubscribe', () => {
  it('deletes the subscription it created', async () => {
    nock(API).delete(`/webhook/${SUBSCRIPTION.id}/`).reply(200, {});
    await expect(
      appTester(hook.performUnsubscribe, { authData, subscribeData: { ...SUBSCRIPTION } }),
    ).resolves.toEqual({ id: SUBSCRIPTION.id });
  });

  it('treats a subscription already gone from Close as unsubscribed', async () => {
    nock(API).delete(`/webhook/${SUBSCRIPTION.id}/`).reply(404, { error: 'Not found' });
    await expect(
      appTester(hook.performUnsubscribe, { authData, subscribeData: { ...SUBSCRIPTION } }),
    ).resolves.toEqual({ id: SUBSCRIPTION.id });
  });

  it('reports other failures, without the signature key in the message', async () => {
    nock(API).delete(`/webhook/${SUBSCRIPTION.id}/`).reply(403, { error: 'Not allowed' });
    const error = await appTester(hook.performUnsubscribe, {
      authData,
      subscribeData: { ...SUBSCRIPTION },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toMatch(/403/);
    expect(String(error)).not.toContain(SUBSCRIPTION.signature_key);
  });
});

describe('perform', () => {
  it('returns the lead from complete event data without calling Close', async () => {
    const event = closeEvent({
      object_type: 'lead',
      action: 'created',
      data: { ...leadSampleRaw },
    });
    await expect(appTester(hook.perform, deliveryBundle(event))).resolves.toEqual([leadSample]);
  });

  it('fetches the lead when the event carries contact_ids rather than contacts', async () => {
    const data = { ...leadWithoutContacts, contact_ids: [leadSampleRaw.contacts[0]?.id] };
    nock(API).get(`/lead/${leadSampleRaw.id}/`).reply(200, leadSampleRaw);
    const event = closeEvent({ object_type: 'lead', action: 'created', data });
    await expect(appTester(hook.perform, deliveryBundle(event))).resolves.toEqual([
      formatLead(leadSampleRaw),
    ]);
  });

  it('returns nothing when the lead was deleted before the delivery was processed', async () => {
    nock(API).get(`/lead/${leadSampleRaw.id}/`).reply(404, { error: 'Not found' });
    const event = closeEvent({ object_type: 'lead', action: 'created', data: leadWithoutContacts });
    await expect(appTester(hook.perform, deliveryBundle(event))).resolves.toEqual([]);
  });

  it('names custom fields of a delivered lead through the definitions, once per process', async () => {
    customFieldsReply('lead', [LEAD_SOURCE]);
    const event = closeEvent({
      object_type: 'lead',
      action: 'created',
      data: { ...leadWithoutLegacyCustom },
    });
    const [first] = await appTester(hook.perform, deliveryBundle(event));
    const [second] = await appTester(hook.perform, deliveryBundle(event));
    expect(first?.custom).toEqual({ 'Lead Source': 'Web' });
    expect(second).toEqual(first);
  });

  it('keeps the signature key out of errors raised while fetching (core would append the bundle)', async () => {
    nock(API).get(`/lead/${leadSampleRaw.id}/`).reply(401, { error: 'Unauthorized' });
    const event = closeEvent({ object_type: 'lead', action: 'created', data: leadWithoutContacts });
    const error = await appTester(hook.perform, deliveryBundle(event)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ name: 'ExpiredAuthError' });
    expect(String(error)).not.toContain(SUBSCRIPTION.signature_key);
  });

  it('ignores a signed event of a kind the trigger did not subscribe to', async () => {
    const event = closeEvent({
      object_type: 'lead',
      action: 'deleted',
      data: { ...leadSampleRaw },
    });
    await expect(appTester(hook.perform, deliveryBundle(event))).resolves.toEqual([]);
  });

  it('refuses a forged delivery, and the refusal does not reveal the signature key', async () => {
    const event = closeEvent({
      object_type: 'lead',
      action: 'created',
      data: { ...leadSampleRaw },
    });
    const error = await appTester(
      hook.perform,
      deliveryBundle(event, {}, { signWith: 'c'.repeat(64) }),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'HaltedError' });
    expect(String(error)).toMatch(/does not match/);
    expect(String(error)).not.toContain(SUBSCRIPTION.signature_key);
  });
});

describe('performList', () => {
  const leadsQuery = (limit: number) => ({
    _order_by: '-date_created',
    _limit: String(limit),
    _fields: [...LEAD_FIELDS, `custom.${LEAD_SOURCE.id}`].join(','),
  });

  it('asks Close for the newest leads, as many as Zapier can use, with only the fields it returns', async () => {
    customFieldsReply('lead', [LEAD_SOURCE]);
    nock(API)
      .get('/lead/')
      .query(leadsQuery(100))
      .reply(200, { data: [leadSampleRaw], has_more: true });
    await expect(appTester(hook.performList, { authData })).resolves.toEqual([leadSample]);
  });

  it('makes one request per poll once the custom field definitions are known', async () => {
    customFieldsReply('lead', [LEAD_SOURCE]);
    nock(API).get('/lead/').query(leadsQuery(10)).reply(200, { data: [], has_more: false });
    nock(API).get('/lead/').query(leadsQuery(3)).reply(200, { data: [], has_more: false });
    await appTester(hook.performList, { authData, meta: { isLoadingSample: true } });
    // The second poll finds the definitions in the cache: only the list request (nock fails
    // the test on any request it was not told about).
    await appTester(hook.performList, { authData, meta: { limit: 3 } });
  });

  it('names custom fields through the definitions when Close sends only their ids', async () => {
    customFieldsReply('lead', [LEAD_SOURCE]);
    nock(API)
      .get('/lead/')
      .query(leadsQuery(100))
      .reply(200, { data: [leadWithoutLegacyCustom], has_more: false });
    const [lead] = await appTester(hook.performList, { authData });
    expect(lead?.custom).toEqual({ 'Lead Source': 'Web' });
    expect(lead?.[`custom.${LEAD_SOURCE.id}`]).toBe('Web');
  });

  it('falls back to whole leads, values under their ids, when the definitions are refused', async () => {
    nock(API).get('/custom_field/lead/').query(true).reply(403, { error: 'Not allowed' });
    nock(API)
      .get('/lead/')
      .query({ _order_by: '-date_created', _limit: '100' })
      .reply(200, { data: [leadWithoutLegacyCustom], has_more: false });
    const [lead] = await appTester(hook.performList, { authData });
    expect(lead?.custom).toEqual({ [LEAD_SOURCE.id]: 'Web' });
  });

  it('returns newest first even when Close answers in another order', async () => {
    customFieldsReply('lead', [LEAD_SOURCE]);
    const older = { ...leadSampleRaw, id: 'lead_older', date_created: '2026-01-01T00:00:00+00:00' };
    nock(API)
      .get('/lead/')
      .query(true)
      .reply(200, { data: [older, leadSampleRaw], has_more: false });
    const items = await appTester(hook.performList, { authData });
    expect(items.map((item) => item.id)).toEqual([leadSampleRaw.id, 'lead_older']);
  });
});
