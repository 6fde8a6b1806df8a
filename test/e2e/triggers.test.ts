/**
 * The triggers end to end, against the real mock server over loopback: each instant trigger
 * subscribes through its `performSubscribe` (app tester) to a local receiver, objects are created
 * and changed through the API, the signed deliveries the receiver got are passed to `perform`
 * the way Zapier passes them (raw body, renamed headers, parsed body), and the subscription is
 * gone after `performUnsubscribe`. Polls (`performList`, the smart view's `perform`) run against
 * the same data, including Zapier's dedupe across two polls.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import got, { type Got } from 'got';
import type { Trigger } from 'zapier-platform-core';
import { z as zod } from 'zod';
import {
  activitySchema,
  leadSchema,
  listOf,
  opportunityStatusSchema,
  leadStatusSchema,
  userSchema,
  contactSchema,
  opportunitySchema,
  taskSchema,
} from '../../shared/close-objects.js';
import { formatLead } from '../../src/formatters/lead.js';
import { hookSubscriptionSchema, type HookSubscription } from '../../src/lib/webhook-delivery.js';
import leadStatusChanged from '../../src/triggers/lead_status_changed.js';
import newActivity from '../../src/triggers/new_activity.js';
import newContact from '../../src/triggers/new_contact.js';
import newLead from '../../src/triggers/new_lead.js';
import newLeadInSmartView from '../../src/triggers/new_lead_in_smart_view.js';
import newOpportunity from '../../src/triggers/new_opportunity.js';
import newTask from '../../src/triggers/new_task.js';
import opportunityStatusChanged from '../../src/triggers/opportunity_status_changed.js';
import taskCompleted from '../../src/triggers/task_completed.js';
import {
  startReceiver,
  waitFor,
  type Receiver,
  type Received,
} from '../mock/support/mock-harness.js';
import { basic } from '../support/mock-app.js';
import { startTestServer, type TestServer } from '../support/mock-server.js';
import {
  appTester,
  hookFunctions,
  pollFunction,
  toHookBundle,
  type TriggerItem,
} from '../support/triggers.js';

let server: TestServer;
let receiver: Receiver;
let api: Got;
let authData: { api_key: string };
const statuses = { lead: new Map<string, string>(), opportunity: new Map<string, string>() };
let userId: string;

beforeAll(async () => {
  server = await startTestServer({
    webhooks: { retryBaseMs: 50, maxAttempts: 3, timeoutMs: 5000 },
  });
  const { key } = await server.createKey('Zapier');
  authData = { api_key: key };
  process.env.CLOSE_API_BASE_URL = server.url;
  receiver = await startReceiver();
  api = got.extend({
    prefixUrl: `${server.url}/api/v1/`,
    headers: { authorization: basic(key) },
    retry: { limit: 0 },
  });
  for (const status of (await get('status/lead/', listOf(leadStatusSchema))).data) {
    statuses.lead.set(status.label, status.id);
  }
  for (const status of (await get('status/opportunity/', listOf(opportunityStatusSchema))).data) {
    statuses.opportunity.set(status.label, status.id);
  }
  userId = (await get('me/', userSchema)).id;
});

afterAll(async () => {
  await receiver?.close();
  await server?.stop();
  delete process.env.CLOSE_API_BASE_URL;
});

async function get<S extends zod.ZodType>(path: string, schema: S): Promise<zod.output<S>> {
  return schema.parse(await api.get(path).json());
}
async function send<S extends zod.ZodType>(
  method: 'post' | 'put',
  path: string,
  json: Record<string, unknown>,
  schema: S,
): Promise<zod.output<S>> {
  return schema.parse(await api(path, { method, json }).json());
}
const status = (kind: 'lead' | 'opportunity', label: string): string => {
  const id = statuses[kind].get(label);
  if (!id) throw new Error(`no ${kind} status ${label}`);
  return id;
};

type Zap = {
  trigger: Pick<Trigger, 'key' | 'operation'>;
  inputData: Record<string, unknown>;
  path: string;
  subscribeData: HookSubscription;
};

let zapCount = 0;
/** Turns a Zap on: `performSubscribe` with a target URL of its own on the receiver. */
async function turnOn(
  trigger: Pick<Trigger, 'key' | 'operation'>,
  inputData: Record<string, unknown> = {},
): Promise<Zap> {
  const path = `/hooks/${trigger.key}/${++zapCount}`;
  const targetUrl = new URL(path, receiver.url).toString();
  const subscribeData = hookSubscriptionSchema.parse(
    await appTester(hookFunctions(trigger).performSubscribe, { authData, inputData, targetUrl }),
  );
  return { trigger, inputData, path, subscribeData };
}

/** Turns a Zap off, and checks that Close no longer has its subscription. */
async function turnOff(zap: Zap): Promise<void> {
  await appTester(hookFunctions(zap.trigger).performUnsubscribe, {
    authData,
    subscribeData: zap.subscribeData,
  });
  const list = await get('webhook/', listOf(zod.looseObject({ id: zod.string() })));
  expect(list.data.map((subscription) => subscription.id)).not.toContain(zap.subscribeData?.id);
}

const receivedBy = (zap: Zap): Received[] =>
  receiver.received.filter((request) => request.url === zap.path);

/** Waits for `count` deliveries to the Zap, then runs each through `perform` as Zapier would. */
async function deliveries(zap: Zap, count: number): Promise<TriggerItem[][]> {
  await waitFor(() => receivedBy(zap).length >= count || undefined, 10_000, `${count} deliveries`);
  const perform = hookFunctions(zap.trigger).perform;
  const outputs: TriggerItem[][] = [];
  for (const request of receivedBy(zap)) {
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
    );
    outputs.push(
      await appTester(perform, {
        ...toHookBundle(request.body, headers, {
          inputData: zap.inputData,
          subscribeData: zap.subscribeData,
        }),
        authData,
      }),
    );
  }
  return outputs;
}

const createLead = (name: string, extra: Record<string, unknown> = {}) =>
  send(
    'post',
    'lead/',
    {
      name,
      contacts: [
        {
          name: `${name} Contact`,
          emails: [
            { email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`, type: 'office' },
          ],
          phones: [{ phone: '+16505550100', type: 'office' }],
        },
      ],
      ...extra,
    },
    leadSchema,
  );

describe('instant triggers, end to end', () => {
  it('new_lead: a signed delivery becomes the formatted lead, with its primary contact', async () => {
    const source = await send(
      'post',
      'custom_field/lead/',
      { name: 'Lead Source', type: 'text' },
      zod.looseObject({ id: zod.string() }),
    );
    const zap = await turnOn(newLead);
    const lead = await createLead('Initech', { [`custom.${source.id}`]: 'Trade show' });
    const outputs = await deliveries(zap, 1);
    expect(outputs).toHaveLength(1);
    const [item] = outputs.flat();
    const fetched = await get(`lead/${lead.id}/`, leadSchema);
    expect(item).toEqual(formatLead(fetched, new Map([[source.id, 'Lead Source']])));
    expect(item).toMatchObject({
      id: lead.id,
      name: 'Initech',
      status_label: 'Potential',
      primary_contact_name: 'Initech Contact',
      primary_contact_email: 'initech@example.com',
      primary_contact_phone: expect.stringContaining('650'),
      custom: { 'Lead Source': 'Trade show' },
      [`custom.${source.id}`]: 'Trade show',
    });
    await turnOff(zap);
  });

  it('new_lead with a status filter passes only leads created with that status', async () => {
    const zap = await turnOn(newLead, { status_id: status('lead', 'Qualified') });
    await createLead('Umbrella');
    const qualified = await createLead('Hooli', { status_id: status('lead', 'Qualified') });
    const outputs = await deliveries(zap, 2);
    expect(outputs.flat().map((item) => item.id)).toEqual([qualified.id]);
    await turnOff(zap);
  });

  it('refuses a delivery whose body was changed after Close signed it', async () => {
    const zap = await turnOn(newContact);
    await createLead('Vandelay');
    await waitFor(() => receivedBy(zap)[0], 10_000, 'a contact delivery');
    const [request] = receivedBy(zap);
    if (!request) throw new Error('no delivery');
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
    );
    const forged = request.body.replace('Vandelay Contact', 'Mallory');
    const error = await appTester(hookFunctions(newContact).perform, {
      ...toHookBundle(forged, headers, { subscribeData: zap.subscribeData }),
      authData,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'HaltedError' });
    await turnOff(zap);
  });

  it('new_contact: each contact created', async () => {
    const zap = await turnOn(newContact);
    const lead = await createLead('Soylent');
    const added = await send(
      'post',
      'contact/',
      {
        lead_id: lead.id,
        name: 'Second Person',
        emails: [{ email: 'second@soylent.example', type: 'office' }],
      },
      contactSchema,
    );
    const outputs = (await deliveries(zap, 2)).flat();
    expect(outputs.map((item) => item.name).sort()).toEqual(['Second Person', 'Soylent Contact']);
    expect(outputs.find((item) => item.id === added.id)).toMatchObject({
      lead_id: lead.id,
      email: 'second@soylent.example',
    });
    await turnOff(zap);
  });

  it('lead_status_changed: a lead changing twice triggers twice, filtered by the status reached', async () => {
    const any = await turnOn(leadStatusChanged);
    const toCustomer = await turnOn(leadStatusChanged, {
      to_status_id: status('lead', 'Customer'),
    });
    const lead = await createLead('Globex');
    await send('put', `lead/${lead.id}/`, { status_id: status('lead', 'Qualified') }, leadSchema);
    await send('put', `lead/${lead.id}/`, { status_id: status('lead', 'Customer') }, leadSchema);
    const changes = (await deliveries(any, 2)).flat();
    expect(changes).toHaveLength(2);
    expect(new Set(changes.map((item) => item.id)).size).toBe(2);
    expect(changes.map((item) => item.new_status_label).sort()).toEqual(['Customer', 'Qualified']);
    expect(changes.every((item) => item.lead_id === lead.id)).toBe(true);
    const filtered = (await deliveries(toCustomer, 2)).flat();
    expect(filtered.map((item) => [item.old_status_label, item.new_status_label])).toEqual([
      ['Qualified', 'Customer'],
    ]);
    await turnOff(any);
    await turnOff(toCustomer);
  });

  it('new_opportunity and opportunity_status_changed: created, then won', async () => {
    const created = await turnOn(newOpportunity, { user_id: userId });
    const won = await turnOn(opportunityStatusChanged, { status_type: 'won' });
    const lead = await createLead('Wonka');
    const opportunity = await send(
      'post',
      'opportunity/',
      {
        lead_id: lead.id,
        value: 500000,
        value_period: 'one_time',
        user_id: userId,
        note: 'Golden ticket',
      },
      opportunitySchema,
    );
    await send(
      'put',
      `opportunity/${opportunity.id}/`,
      { status_id: status('opportunity', 'Won') },
      opportunitySchema,
    );
    const [newOne] = (await deliveries(created, 1)).flat();
    expect(newOne).toMatchObject({ id: opportunity.id, value_amount: 5000, note: 'Golden ticket' });
    const [change] = (await deliveries(won, 1)).flat();
    expect(change).toMatchObject({
      opportunity_id: opportunity.id,
      new_status_type: 'won',
      new_status_label: 'Won',
    });
    await turnOff(created);
    await turnOff(won);
  });

  it('new_activity: only the kinds chosen are subscribed to and returned', async () => {
    const notes = await turnOn(newActivity, { types: ['Note'] });
    const lead = await createLead('Acme Anvils');
    await send(
      'post',
      'activity/call/',
      { lead_id: lead.id, direction: 'outbound', duration: 60, note: 'Rang' },
      activitySchema,
    );
    const note = await send(
      'post',
      'activity/note/',
      { lead_id: lead.id, note: 'Wants anvils' },
      activitySchema,
    );
    const outputs = (await deliveries(notes, 1)).flat();
    expect(outputs).toEqual([
      expect.objectContaining({ id: note.id, type: 'Note', note: 'Wants anvils' }),
    ]);
    // The call was never sent: the subscription asked Close for notes only.
    expect(receivedBy(notes)).toHaveLength(1);
    await turnOff(notes);
  });

  it('new_task and task_completed, filtered by assignee', async () => {
    const mine = await turnOn(newTask, { assigned_to: userId });
    const completed = await turnOn(taskCompleted);
    const lead = await createLead('Stark');
    const task = await send(
      'post',
      'task/',
      { lead_id: lead.id, text: 'Call back', assigned_to: userId, date: '2026-05-01' },
      taskSchema,
    );
    await send('put', `task/${task.id}/`, { is_complete: true }, taskSchema);
    const [created] = (await deliveries(mine, 1)).flat();
    expect(created).toMatchObject({ id: task.id, text: 'Call back', is_complete: false });
    const [done] = (await deliveries(completed, 1)).flat();
    expect(done).toMatchObject({ id: task.id, is_complete: true });
    await turnOff(mine);
    await turnOff(completed);
  });
});

describe('polling, end to end', () => {
  const list = (trigger: Pick<Trigger, 'operation'>, inputData: Record<string, unknown> = {}) =>
    appTester(hookFunctions(trigger).performList, { authData, inputData });

  it('performList of every instant trigger answers in the shape perform returns', async () => {
    const leads = await list(newLead);
    expect(leads.length).toBeGreaterThan(0);
    expect(Object.keys(leads[0] ?? {})).toEqual(
      expect.arrayContaining(['primary_contact_email', 'html_url', 'custom']),
    );
    const byCreation = [
      newContact,
      newOpportunity,
      leadStatusChanged,
      opportunityStatusChanged,
      newActivity,
      newTask,
    ];
    for (const trigger of byCreation) {
      const items = await list(trigger);
      expect(items.length).toBeGreaterThan(0);
      const dates = items.map((item) => Date.parse(String(item.date_created)));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
    }
    expect(await list(taskCompleted)).toEqual([expect.objectContaining({ is_complete: true })]);
  });

  it('dedupes across two polls: only what was created in between is new', async () => {
    const first = await list(newLead);
    const created = await createLead('Cyberdyne');
    const second = await list(newLead);
    const seen = new Set(first.map((item) => item.id));
    expect(second.filter((item) => !seen.has(item.id)).map((item) => item.id)).toEqual([
      created.id,
    ]);
  });

  it('new_lead_in_smart_view: leads of the smart view, newest first, and new ones once', async () => {
    const view = await send(
      'post',
      'saved_search/',
      { name: 'Qualified leads', query: 'status:"Qualified"' },
      zod.looseObject({ id: zod.string() }),
    );
    const perform = pollFunction(newLeadInSmartView);
    const poll = () => appTester(perform, { authData, inputData: { smart_view_id: view.id } });
    const before = await poll();
    expect(before.every((item) => item.status_label === 'Qualified')).toBe(true);
    const entering = await createLead('Tyrell');
    await send(
      'put',
      `lead/${entering.id}/`,
      { status_id: status('lead', 'Qualified') },
      leadSchema,
    );
    const after = await poll();
    const seen = new Set(before.map((item) => item.id));
    expect(after.filter((item) => !seen.has(item.id)).map((item) => item.id)).toEqual([
      entering.id,
    ]);
    expect(after[0]?.id).toBe(entering.id);
  });
});
