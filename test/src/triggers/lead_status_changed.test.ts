/**
 * Lead Status Changed: deliveries and polls both use LeadStatusChange activities, so each change
 * is its own item (a lead changing twice triggers twice), filtered by old and new status.
 */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { CloseActivity } from '../../../shared/close-objects.js';
import { ACTIVITY_FIELDS, formatActivity } from '../../../src/formatters/activity.js';
import { leadSampleRaw } from '../../../src/formatters/lead.js';
import leadStatusChanged from '../../../src/triggers/lead_status_changed.js';
import {
  API,
  appTester,
  authData,
  closeEvent,
  deliveryBundle,
  hookFunctions,
  listBody,
} from '../../support/triggers.js';
import { subscribedEvents, useNock } from '../../support/nock.js';

useNock();
const hook = hookFunctions(leadStatusChanged);
const POTENTIAL = 'stat_1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4aB5';
const QUALIFIED = 'stat_6cD7eF8gH9iJ0kL1mN2oP3qR4sT5uV6wX7yZ8aB9cD0';
const WON = 'stat_3xC5vB7nM9qW1eR3tY5uI7oP9aS1dF3gH5jK7lZ9xC1';

const change = (id: string, from: string, to: string, at: string): CloseActivity => ({
  id,
  _type: 'LeadStatusChange',
  lead_id: leadSampleRaw.id,
  user_id: 'user_2bQ7cR4dS9eT1fU6gV3hW8iX5jY0kZ7lA2mB4nC9oD1',
  user_name: 'Sam Seller',
  old_status_id: from,
  old_status_label: from === POTENTIAL ? 'Potential' : 'Qualified',
  new_status_id: to,
  new_status_label: to === QUALIFIED ? 'Qualified' : 'Won',
  organization_id: leadSampleRaw.organization_id,
  date_created: at,
  date_updated: at,
});
// The same lead changed twice: Potential → Qualified, then Qualified → Won.
const first = change('acti_first', POTENTIAL, QUALIFIED, '2026-03-07T10:00:00.000000+00:00');
const second = change('acti_second', QUALIFIED, WON, '2026-03-08T10:00:00.000000+00:00');
const delivery = (activity: CloseActivity, input: Record<string, unknown> = {}) =>
  deliveryBundle(
    closeEvent({ object_type: 'activity.lead_status_change', action: 'created', data: activity }),
    input,
  );

describe('lead_status_changed', () => {
  it('subscribes to lead status change activities only', async () => {
    expect(await subscribedEvents(hook)).toEqual([
      { object_type: 'activity.lead_status_change', action: 'created' },
    ]);
  });

  it('polls the newest status changes with only the fields the output carries', async () => {
    nock(API)
      .get('/activity/status_change/lead/')
      .query({ _order_by: '-date_created', _limit: '100', _fields: ACTIVITY_FIELDS.join(',') })
      .reply(200, listBody([second, first]));
    const items = await appTester(hook.performList, { authData });
    expect(items).toEqual([formatActivity(second), formatActivity(first)]);
    expect(items[0]).toMatchObject({
      lead_id: leadSampleRaw.id,
      old_status_label: 'Qualified',
      new_status_label: 'Won',
      lead_url: `https://close.test/lead/${leadSampleRaw.id}/`,
    });
  });

  it('gives each change of the same lead its own id, the same in every poll', async () => {
    nock(API)
      .get('/activity/status_change/lead/')
      .query(true)
      .reply(200, listBody([first]));
    nock(API)
      .get('/activity/status_change/lead/')
      .query(true)
      .reply(200, listBody([second, first]));
    const before = await appTester(hook.performList, { authData });
    const after = await appTester(hook.performList, { authData });
    const seen = new Set(before.map((item) => item.id));
    expect(after.filter((item) => !seen.has(item.id)).map((item) => item.id)).toEqual([
      'acti_second',
    ]);
    expect(new Set(after.map((item) => item.lead_id))).toEqual(new Set([leadSampleRaw.id]));
  });

  it('filters by the status left and the status reached, in polls and deliveries', async () => {
    nock(API)
      .get('/activity/status_change/lead/')
      .query(true)
      .times(2)
      .reply(200, listBody([second, first]));
    const toWon = await appTester(hook.performList, { authData, inputData: { to_status_id: WON } });
    expect(toWon.map((item) => item.id)).toEqual(['acti_second']);
    const fromPotential = await appTester(hook.performList, {
      authData,
      inputData: { from_status_id: POTENTIAL },
    });
    expect(fromPotential.map((item) => item.id)).toEqual(['acti_first']);

    await expect(appTester(hook.perform, delivery(first, { to_status_id: WON }))).resolves.toEqual(
      [],
    );
    await expect(
      appTester(hook.perform, delivery(second, { from_status_id: QUALIFIED, to_status_id: WON })),
    ).resolves.toEqual([formatActivity(second)]);
  });
});
