/**
 * Where the two status-change triggers read from: Close's status-change activities of leads or
 * of opportunities, fetched one by one when a delivery's data is incomplete and polled newest
 * first with only the fields the activity output carries.
 */
import type { ZObject } from 'zapier-platform-core';
import { activitySchema } from '../../shared/close-objects.js';
import { ACTIVITY_FIELDS } from '../formatters/activity.js';
import type { PollRequest } from './hook-trigger.js';
import { newestItems } from './poll.js';

export function statusChangeSource(of: 'lead' | 'opportunity') {
  const path = `/activity/status_change/${of}/`;
  return {
    object: { schema: activitySchema, path: (id: string) => `${path}${id}/` },
    list: (z: ZObject, _input: unknown, { limit }: PollRequest) =>
      newestItems(z, { path, item: activitySchema, limit, fields: ACTIVITY_FIELDS }),
  };
}
