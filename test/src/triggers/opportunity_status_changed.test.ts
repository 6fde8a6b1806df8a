/**
 * Opportunity Status Changed: OpportunityStatusChange activities, filtered by the status reached
 * or by its type (won, lost, active).
 */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { CloseActivity } from '../../../shared/close-objects.js';
import { ACTIVITY_FIELDS, formatActivity } from '../../../src/formatters/activity.js';
import { opportunitySampleRaw } from '../../../src/formatters/opportunity.js';
import opportunityStatusChanged from '../../../src/triggers/opportunity_status_changed.js';
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
const hook = hookFunctions(opportunityStatusChanged);
const WON = 'stat_4wQ2eR6tY8uI0oP2aS4dF6gH8jK0lZ2xC4vB6nM8qW0';
const LOST = 'stat_7lK5jH3gF1dS9aP7oI5uY3tR1eW9qZ7xC5vB3nM1lK9';

const change = (id: string, to: string, type: 'won' | 'lost' | 'active'): CloseActivity => ({
  id,
  _type: 'OpportunityStatusChange',
  lead_id: opportunitySampleRaw.lead_id,
  user_id: 'user_2bQ7cR4dS9eT1fU6gV3hW8iX5jY0kZ7lA2mB4nC9oD1',
  opportunity_id: opportunitySampleRaw.id,
  old_status_id: opportunitySampleRaw.status_id,
  old_status_label: 'Active',
  old_status_type: 'active',
  new_status_id: to,
  new_status_label: type === 'won' ? 'Won' : 'Lost',
  new_status_type: type,
  organization_id: opportunitySampleRaw.organization_id,
  date_created: '2026-04-02T15:45:09.870000+00:00',
  date_updated: '2026-04-02T15:45:09.870000+00:00',
});
const won = change('acti_won', WON, 'won');
const lost = change('acti_lost', LOST, 'lost');
const delivery = (activity: CloseActivity, input: Record<string, unknown>) =>
  deliveryBundle(
    closeEvent({
      object_type: 'activity.opportunity_status_change',
      action: 'created',
      data: activity,
    }),
    input,
  );

describe('opportunity_status_changed', () => {
  it('subscribes to opportunity status change activities only', async () => {
    expect(await subscribedEvents(hook)).toEqual([
      { object_type: 'activity.opportunity_status_change', action: 'created' },
    ]);
  });

  it('polls the newest changes, shaped by the activity formatter', async () => {
    nock(API)
      .get('/activity/status_change/opportunity/')
      .query({ _order_by: '-date_created', _limit: '100', _fields: ACTIVITY_FIELDS.join(',') })
      .reply(200, listBody([won, lost]));
    const items = await appTester(hook.performList, { authData });
    expect(items).toEqual([formatActivity(won), formatActivity(lost)]);
    expect(items[0]).toMatchObject({
      opportunity_id: opportunitySampleRaw.id,
      new_status_type: 'won',
    });
  });

  it('filters by status type or by status, in polls and deliveries', async () => {
    nock(API)
      .get('/activity/status_change/opportunity/')
      .query(true)
      .times(2)
      .reply(200, listBody([won, lost]));
    const byType = await appTester(hook.performList, {
      authData,
      inputData: { status_type: 'lost' },
    });
    expect(byType.map((item) => item.id)).toEqual(['acti_lost']);
    const byStatus = await appTester(hook.performList, { authData, inputData: { status_id: WON } });
    expect(byStatus.map((item) => item.id)).toEqual(['acti_won']);

    await expect(appTester(hook.perform, delivery(lost, { status_type: 'won' }))).resolves.toEqual(
      [],
    );
    await expect(appTester(hook.perform, delivery(won, { status_type: 'won' }))).resolves.toEqual([
      formatActivity(won),
    ]);
    await expect(appTester(hook.perform, delivery(won, { status_id: LOST }))).resolves.toEqual([]);
  });
});
