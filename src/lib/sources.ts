/**
 * Where triggers that share a Close endpoint read from: how one object is fetched when a
 * delivery's data is incomplete, and how recent ones are polled, newest first, with only the
 * fields the output carries. Spread into `defineHookOperation`.
 */
import type { ZObject } from 'zapier-platform-core';
import { activitySchema, taskSchema } from '../../shared/close-objects.js';
import { ACTIVITY_FIELDS } from '../formatters/activity.js';
import { TASK_FIELDS } from '../formatters/task.js';
import type { PollRequest } from './hook-trigger.js';
import { newestItems, type ListParams } from './poll.js';

/** Status-change activities of leads or of opportunities. */
export function statusChangeSource(of: 'lead' | 'opportunity') {
  const path = `/activity/status_change/${of}/`;
  return {
    object: { schema: activitySchema, path: (id: string) => `${path}${id}/` },
    list: (z: ZObject, _input: unknown, { limit }: PollRequest) =>
      newestItems(z, { path, item: activitySchema, limit, fields: ACTIVITY_FIELDS }),
  };
}

/** Lead tasks; `filters` maps the step's input to Close's task filters. */
export function taskSource<Input>(options: {
  filters: (input: Input) => ListParams;
  orderBy?: 'date_created' | 'date_updated';
}) {
  return {
    object: { schema: taskSchema, path: (id: string) => `/task/${id}/` },
    list: (z: ZObject, input: Input, { limit }: PollRequest) =>
      newestItems(z, {
        path: '/task/',
        item: taskSchema,
        limit,
        fields: TASK_FIELDS,
        ...(options.orderBy && { orderBy: options.orderBy }),
        params: { _type: 'lead', ...options.filters(input) },
      }),
  };
}
