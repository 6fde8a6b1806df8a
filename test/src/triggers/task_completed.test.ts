/**
 * Task Completed: Close's `completed` event of a task; polls list completed tasks, most recently
 * updated first.
 */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { formatTask, TASK_FIELDS, taskSampleRaw } from '../../../src/formatters/task.js';
import taskCompleted from '../../../src/triggers/task_completed.js';
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
const hook = hookFunctions(taskCompleted);
const done = { ...taskSampleRaw, is_complete: true };
const OTHER_USER = 'user_0ther0ther0ther0ther0ther0ther0ther0ther0th';
const completed = (data: Record<string, unknown>) =>
  closeEvent({ object_type: 'task.lead', action: 'completed', data });

describe('task_completed', () => {
  it('subscribes to task completions only', async () => {
    expect(await subscribedEvents(hook)).toEqual([
      { object_type: 'task.lead', action: 'completed' },
    ]);
  });

  it('polls completed tasks, most recently updated first', async () => {
    nock(API)
      .get('/task/')
      .query({
        _type: 'lead',
        is_complete: 'true',
        _order_by: '-date_updated',
        _limit: '100',
        _fields: TASK_FIELDS.join(','),
      })
      .reply(200, listBody([done]));
    await expect(appTester(hook.performList, { authData })).resolves.toEqual([formatTask(done)]);
  });

  it('triggers on a completion, returning the task', async () => {
    await expect(appTester(hook.perform, deliveryBundle(completed(done)))).resolves.toEqual([
      formatTask(done),
    ]);
  });

  it('ignores a completion event for a task reopened since, and other task events', async () => {
    await expect(
      appTester(hook.perform, deliveryBundle(completed(taskSampleRaw))),
    ).resolves.toEqual([]);
    const update = closeEvent({ object_type: 'task.lead', action: 'updated', data: done });
    await expect(appTester(hook.perform, deliveryBundle(update))).resolves.toEqual([]);
  });

  it('filters by assignee', async () => {
    await expect(
      appTester(hook.perform, deliveryBundle(completed(done), { assigned_to: OTHER_USER })),
    ).resolves.toEqual([]);
    nock(API)
      .get('/task/')
      .query((query) => query.assigned_to === OTHER_USER && query.is_complete === 'true')
      .reply(200, listBody([done]));
    // Close filtered; a task of someone else in the answer is still dropped here.
    await expect(
      appTester(hook.performList, { authData, inputData: { assigned_to: OTHER_USER } }),
    ).resolves.toEqual([]);
  });
});
