/**
 * nock for unit tests. Every test file that loads nock must call `useNock()`: each file gets its
 * own copy of nock (jest's module registry is per file) while node's http module is shared by
 * the files a worker runs, so a copy left patched would swallow the next file's interceptors.
 */
import { afterAll, afterEach, beforeAll, expect } from '@jest/globals';
import nock from 'nock';
import type { CloseCustomField } from '../../shared/close-objects.js';
import { clearCustomFieldCache } from '../../src/lib/custom-field-cache.js';
import { API, appTester, authData, SUBSCRIPTION, TARGET_URL, type Fn } from './triggers.js';

/** The `events` a hook trigger's `performSubscribe` sends to Close for the given input. */
export async function subscribedEvents(
  hook: { performSubscribe: Fn },
  inputData: Record<string, unknown> = {},
): Promise<unknown> {
  let events: unknown;
  nock(API)
    .post('/webhook/', (body: { events?: unknown }) => {
      events = body.events;
      return true;
    })
    .reply(201, {
      ...SUBSCRIPTION,
      url: TARGET_URL,
      events: [],
      status: 'active',
      verify_ssl: true,
      organization_id: 'orga_9hT3kLm2Nq8Wp5Xr7Ys1Zt4Uv6Aw0Bx2Cy3Dz5Ea7Fb',
      date_created: '2026-03-01T08:00:00.000000+00:00',
      date_updated: '2026-03-01T08:00:00.000000+00:00',
    });
  await appTester(hook.performSubscribe, { authData, inputData, targetUrl: TARGET_URL });
  return events;
}

/**
 * No real network; every mocked request made and no other request tried (the integration
 * swallows some failures on purpose, so an unmocked request must fail the test here); caches
 * emptied between tests; http un-patched when the file is done.
 */
export function useNock(): void {
  const unmatched: string[] = [];
  const onNoMatch = (request: { method?: string; url?: string }) =>
    unmatched.push(`${request.method ?? ''} ${request.url ?? ''}`);
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
    nock.emitter.on('no match', onNoMatch);
  });
  afterAll(() => {
    nock.emitter.removeListener('no match', onNoMatch);
    nock.cleanAll();
    nock.enableNetConnect();
    nock.restore();
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    const tried = unmatched.splice(0);
    nock.cleanAll();
    clearCustomFieldCache();
    expect({ pending, unmatched: tried }).toEqual({ pending: [], unmatched: [] });
  });
}

/** Close's answer to `/custom_field/<object>/`: one page with the given fields. */
export function customFieldsReply(
  object: 'lead' | 'contact' | 'opportunity',
  fields: readonly CloseCustomField[],
) {
  return nock(API)
    .get(`/custom_field/${object}/`)
    .query({ _skip: '0', _limit: '100' })
    .reply(200, { data: fields, has_more: false });
}

/** A custom field definition as Close lists it. */
export function customFieldDefinition(id: string, name: string): CloseCustomField {
  return {
    id,
    name,
    type: 'text',
    accepts_multiple_values: false,
    organization_id: 'orga_9hT3kLm2Nq8Wp5Xr7Ys1Zt4Uv6Aw0Bx2Cy3Dz5Ea7Fb',
    date_created: '2026-01-05T09:00:00.000000+00:00',
    date_updated: '2026-01-05T09:00:00.000000+00:00',
  };
}
