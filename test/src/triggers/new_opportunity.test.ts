/** New Opportunity: polls with Close's status and user filters; filters pipeline itself. */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import {
  formatOpportunity,
  OPPORTUNITY_FIELDS,
  opportunitySampleRaw,
} from '../../../src/formatters/opportunity.js';
import newOpportunity from '../../../src/triggers/new_opportunity.js';
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
const hook = hookFunctions(newOpportunity);
const OTHER_PIPELINE = 'pipe_0ther0ther0ther0ther0ther0ther0ther0ther0th';
const OTHER_USER = 'user_0ther0ther0ther0ther0ther0ther0ther0ther0th';
const otherPipeline = {
  ...opportunitySampleRaw,
  id: 'oppo_other_pipeline',
  pipeline_id: OTHER_PIPELINE,
};
const event = (data: Record<string, unknown>) =>
  closeEvent({ object_type: 'opportunity', action: 'created', data });

describe('new_opportunity', () => {
  it('subscribes to opportunity created events only', async () => {
    expect(await subscribedEvents(hook)).toEqual([
      { object_type: 'opportunity', action: 'created' },
    ]);
  });

  it('polls the newest opportunities, shaped by the opportunity formatter', async () => {
    customFieldsReply('opportunity', []);
    nock(API)
      .get('/opportunity/')
      .query({ _order_by: '-date_created', _limit: '100', _fields: OPPORTUNITY_FIELDS.join(',') })
      .reply(200, listBody([opportunitySampleRaw]));
    const items = await appTester(hook.performList, { authData });
    expect(items).toEqual([formatOpportunity(opportunitySampleRaw)]);
    expect(items[0]).toMatchObject({ value_amount: 12500, status_type: 'active' });
  });

  it('lets Close filter a poll by status and owner', async () => {
    const input = {
      status_id: opportunitySampleRaw.status_id,
      user_id: opportunitySampleRaw.user_id,
    };
    customFieldsReply('opportunity', []);
    nock(API)
      .get('/opportunity/')
      .query({
        _order_by: '-date_created',
        _limit: '100',
        _fields: OPPORTUNITY_FIELDS.join(','),
        ...input,
      })
      .reply(200, listBody([opportunitySampleRaw]));
    await expect(appTester(hook.performList, { authData, inputData: input })).resolves.toHaveLength(
      1,
    );
  });

  it('keeps only the chosen pipeline, in polls and deliveries', async () => {
    const input = { pipeline_id: opportunitySampleRaw.pipeline_id };
    customFieldsReply('opportunity', []);
    nock(API)
      .get('/opportunity/')
      .query(true)
      .reply(200, listBody([otherPipeline, opportunitySampleRaw]));
    const polled = await appTester(hook.performList, { authData, inputData: input });
    expect(polled.map((item) => item.id)).toEqual([opportunitySampleRaw.id]);
    await expect(
      appTester(hook.perform, deliveryBundle(event(otherPipeline), input)),
    ).resolves.toEqual([]);
    await expect(
      appTester(hook.perform, deliveryBundle(event({ ...opportunitySampleRaw }), input)),
    ).resolves.toHaveLength(1);
  });

  it('drops deliveries with another status or owner than chosen', async () => {
    const data = { ...opportunitySampleRaw };
    await expect(
      appTester(hook.perform, deliveryBundle(event(data), { user_id: OTHER_USER })),
    ).resolves.toEqual([]);
    await expect(
      appTester(
        hook.perform,
        deliveryBundle(event(data), {
          status_id: 'stat_4wQ2eR6tY8uI0oP2aS4dF6gH8jK0lZ2xC4vB6nM8qW0',
        }),
      ),
    ).resolves.toEqual([]);
    await expect(
      appTester(
        hook.perform,
        deliveryBundle(event(data), { user_id: opportunitySampleRaw.user_id }),
      ),
    ).resolves.toEqual([formatOpportunity(opportunitySampleRaw)]);
  });
});
