/**
 * Task Completed: a task update that completes it. The subscription asks Close to send only
 * updates that changed `is_complete` to true; `perform` checks again; polls list completed tasks,
 * most recently updated first.
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
const updated = (
  data: Record<string, unknown>,
  changed: string[],
  previous: Record<string, unknown>,
) =>
  closeEvent({
    object_type: 'task.lead',
    action: 'updated',
    data,
    changed_fields: changed,
    previous_data: previous,
  });

describe('task_completed', () => {
  it('subscribes to task updates, filtered in Close to completions', async () => {
    expect(await subscribedEvents(hook)).toEqual([
      {
        object_type: 'task.lead',
        action: 'updated',
        extra_filter: {
          type: 'and',
          filters: [
            {
              type: 'field_accessor',
              field: 'changed_fields',
              filter: { type: 'contains', value: 'is_complete' },
            },
            {
              type: 'field_accessor',
              field: 'data',
              filter: {
                type: 'field_accessor',
                field: 'is_complete',
                filter: { type: 'equals', value: true },
              },
            },
          ],
        },
      },
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

  it('triggers on the update that completes a task, not on other updates', async () => {
    const completion = updated(done, ['is_complete'], { is_complete: false });
    await expect(appTester(hook.perform, deliveryBundle(completion))).resolves.toEqual([
      formatTask(done),
    ]);
    const renamed = updated(done, ['text'], { text: 'Old text' });
    await expect(appTester(hook.perform, deliveryBundle(renamed))).resolves.toEqual([]);
    const reopened = updated(taskSampleRaw, ['is_complete'], { is_complete: true });
    await expect(appTester(hook.perform, deliveryBundle(reopened))).resolves.toEqual([]);
  });

  it('filters by assignee', async () => {
    const completion = updated(done, ['is_complete'], { is_complete: false });
    await expect(
      appTester(hook.perform, deliveryBundle(completion, { assigned_to: OTHER_USER })),
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
