/** New Task: subscribes to created lead tasks; polls lets Close filter by assignee. */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { formatTask, TASK_FIELDS, taskSampleRaw } from '../../../src/formatters/task.js';
import newTask from '../../../src/triggers/new_task.js';
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
const hook = hookFunctions(newTask);
const OTHER_USER = 'user_0ther0ther0ther0ther0ther0ther0ther0ther0th';
const created = (data: Record<string, unknown>) =>
  closeEvent({ object_type: 'task.lead', action: 'created', data });

describe('new_task', () => {
  it('subscribes to lead task created events only', async () => {
    expect(await subscribedEvents(hook)).toEqual([{ object_type: 'task.lead', action: 'created' }]);
  });

  it('polls the newest tasks, with only the fields it returns', async () => {
    nock(API)
      .get('/task/')
      .query({
        _type: 'lead',
        _order_by: '-date_created',
        _limit: '100',
        _fields: TASK_FIELDS.join(','),
      })
      .reply(200, listBody([taskSampleRaw]));
    const items = await appTester(hook.performList, { authData });
    expect(items).toEqual([formatTask(taskSampleRaw)]);
    expect(items[0]).toMatchObject({
      text: 'Send the pilot proposal',
      assigned_to_name: 'Sam Seller',
    });
  });

  it('filters by assignee, in Close for polls and here for deliveries', async () => {
    nock(API)
      .get('/task/')
      .query((query) => query.assigned_to === OTHER_USER)
      .reply(200, listBody([]));
    await expect(
      appTester(hook.performList, { authData, inputData: { assigned_to: OTHER_USER } }),
    ).resolves.toEqual([]);
    await expect(
      appTester(
        hook.perform,
        deliveryBundle(created({ ...taskSampleRaw }), { assigned_to: OTHER_USER }),
      ),
    ).resolves.toEqual([]);
    await expect(
      appTester(
        hook.perform,
        deliveryBundle(created({ ...taskSampleRaw }), { assigned_to: taskSampleRaw.assigned_to }),
      ),
    ).resolves.toEqual([formatTask(taskSampleRaw)]);
  });
});
