/**
 * Every trigger's poll against the mock with the demo seed: at most what Zapier takes, newest
 * first, ids unique and the same from one poll to the next, and — what Zapier's dedupe makes
 * of two polls — only what changed in between is new: a lead's status change is one new item of
 * Lead Status Changed and nothing new for New Lead.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import got, { type Got } from 'got';
import type { Trigger } from 'zapier-platform-core';
import { z } from 'zod';
import { leadStatusSchema, listOf } from '../../shared/close-objects.js';
import App from '../../src/index.js';
import { POLL_MAX_ITEMS } from '../../src/lib/poll.js';
import { basic } from '../support/mock-app.js';
import { startTestServer, type TestServer } from '../support/mock-server.js';
import { appTester, hookFunctions, pollFunction, type TriggerItem } from '../support/triggers.js';

let server: TestServer;
let api: Got;
let authData: { api_key: string };
let smartViewId: string;

/** The date each trigger orders its items by. */
const ORDER_KEY: Record<string, string> = {
  task_completed: 'date_updated',
  new_lead_in_smart_view: 'date_updated',
};

const visible = (Object.values(App.triggers ?? {}) as Trigger[]).filter(
  (trigger) => !trigger.display.hidden,
);

async function poll(trigger: Trigger): Promise<TriggerItem[]> {
  if (trigger.operation.type === 'polling') {
    return appTester(pollFunction(trigger), {
      authData,
      inputData: { smart_view_id: smartViewId },
    });
  }
  return appTester(hookFunctions(trigger).performList, { authData });
}

const byKey = (key: string): Trigger => {
  const trigger = visible.find((candidate) => candidate.key === key);
  if (!trigger) throw new Error(`no trigger ${key}`);
  return trigger;
};
const newIds = (before: TriggerItem[], after: TriggerItem[]) => {
  const seen = new Set(before.map((item) => item.id));
  return after.filter((item) => !seen.has(item.id)).map((item) => item.id);
};

beforeAll(async () => {
  server = await startTestServer({ seed: 'demo', seedLeads: 400 });
  const { key } = await server.createKey('Zapier');
  authData = { api_key: key };
  process.env.CLOSE_API_BASE_URL = server.url;
  api = got.extend({
    prefixUrl: `${server.url}/api/v1/`,
    headers: { authorization: basic(key) },
    retry: { limit: 0 },
  });
  const views = listOf(z.looseObject({ id: z.string() })).parse(
    await api.get('saved_search/').json(),
  );
  smartViewId = views.data[0]?.id ?? '';
}, 60_000);

afterAll(async () => {
  await server?.stop();
  delete process.env.CLOSE_API_BASE_URL;
});

describe('polling the demo-seeded mock', () => {
  it.each(visible.map((trigger) => [trigger.key, trigger] as const))(
    '%s: at most what Zapier takes, newest first, ids unique and stable between polls',
    async (key, trigger) => {
      const first = await poll(trigger);
      const second = await poll(trigger);
      expect(first.length).toBeGreaterThan(0);
      expect(first.length).toBeLessThanOrEqual(POLL_MAX_ITEMS);
      expect(new Set(first.map((item) => item.id)).size).toBe(first.length);
      const dates = first.map((item) => Date.parse(String(item[ORDER_KEY[key] ?? 'date_created'])));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
      expect(second.map((item) => item.id)).toEqual(first.map((item) => item.id));
    },
  );

  it('a status change is one new item of lead_status_changed, and nothing new for new_lead', async () => {
    const leadsBefore = await poll(byKey('new_lead'));
    const changesBefore = await poll(byKey('lead_status_changed'));
    const lead = leadsBefore[leadsBefore.length - 1];
    if (!lead) throw new Error('no lead polled');
    const statuses = listOf(leadStatusSchema).parse(await api.get('status/lead/').json()).data;
    const next = statuses.find((status) => status.id !== lead.status_id);
    if (!next) throw new Error('no other lead status');
    await api.put(`lead/${lead.id}/`, { json: { status_id: next.id } });

    const changesAfter = await poll(byKey('lead_status_changed'));
    const fresh = newIds(changesBefore, changesAfter);
    expect(fresh).toHaveLength(1);
    expect(changesAfter.find((item) => item.id === fresh[0])).toMatchObject({
      lead_id: lead.id,
      new_status_id: next.id,
    });
    expect(newIds(leadsBefore, await poll(byKey('new_lead')))).toEqual([]);
  });
});
