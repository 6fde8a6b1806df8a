/**
 * New Activity: the kinds chosen decide the events subscribed to, the `_type__in` of polls and
 * which deliveries pass; polls ask only for the fields the output carries.
 */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { CloseActivity } from '../../../shared/close-objects.js';
import {
  ACTIVITY_FIELDS,
  activitySampleRaw,
  formatActivity,
} from '../../../src/formatters/activity.js';
import newActivity from '../../../src/triggers/new_activity.js';
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
const hook = hookFunctions(newActivity);
const call = activitySampleRaw;
const note: CloseActivity = {
  ...activitySampleRaw,
  id: 'acti_note',
  _type: 'Note',
  note: 'Met at the trade show.',
  direction: null,
  duration: null,
  phone: null,
};
const event = (activity: Record<string, unknown>, objectType: 'activity.call' | 'activity.note') =>
  closeEvent({ object_type: objectType, action: 'created', data: activity });

describe('new_activity', () => {
  it('subscribes to all four kinds by default, and to the chosen ones only otherwise', async () => {
    expect(await subscribedEvents(hook)).toEqual([
      { object_type: 'activity.note', action: 'created' },
      { object_type: 'activity.call', action: 'created' },
      { object_type: 'activity.email', action: 'created' },
      { object_type: 'activity.meeting', action: 'created' },
    ]);
    expect(await subscribedEvents(hook, { types: ['Call', 'Meeting'] })).toEqual([
      { object_type: 'activity.call', action: 'created' },
      { object_type: 'activity.meeting', action: 'created' },
    ]);
  });

  it('polls /activity/ for the chosen kinds only, with only the fields it returns', async () => {
    nock(API)
      .get('/activity/')
      .query({
        _type__in: 'Call',
        _order_by: '-date_created',
        _limit: '100',
        _fields: ACTIVITY_FIELDS.join(','),
      })
      .reply(200, listBody([call]));
    const items = await appTester(hook.performList, { authData, inputData: { types: ['Call'] } });
    expect(items).toEqual([formatActivity(call)]);
    expect(items[0]).toMatchObject({ type: 'Call', duration: 420, note: expect.any(String) });
  });

  it('drops polled activities of other kinds, should Close send them', async () => {
    nock(API)
      .get('/activity/')
      .query(true)
      .reply(200, listBody([note, call]));
    const items = await appTester(hook.performList, { authData, inputData: { types: ['Note'] } });
    expect(items.map((item) => item.id)).toEqual(['acti_note']);
  });

  it('passes deliveries of the chosen kinds only', async () => {
    await expect(
      appTester(hook.perform, deliveryBundle(event(call, 'activity.call'), { types: ['Note'] })),
    ).resolves.toEqual([]);
    await expect(
      appTester(hook.perform, deliveryBundle(event(note, 'activity.note'), { types: ['Note'] })),
    ).resolves.toEqual([formatActivity(note)]);
  });

  it('fetches an activity from its own endpoint when the event data is incomplete', async () => {
    const { _type: _omitted, ...partial } = call;
    nock(API).get(`/activity/call/${call.id}/`).reply(200, call);
    await expect(
      appTester(hook.perform, deliveryBundle(event(partial, 'activity.call'))),
    ).resolves.toEqual([formatActivity(call)]);
  });
});
