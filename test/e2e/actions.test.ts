/**
 * The actions and searches end to end, without nock: the integration's real performs against the
 * real mock server over HTTP, one lead's story from creation to a completed task — with a contact
 * and typed custom fields, found again by email and by custom field, its status changed (and the
 * status-change activity recorded), an opportunity, a note, a call and a task added, the task
 * completed — and find-or-create run twice, the second run finding what the first created.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import got, { type Got } from 'got';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import completeTask from '../../src/creates/complete_task.js';
import createContact from '../../src/creates/create_contact.js';
import createLead from '../../src/creates/create_lead.js';
import createNote from '../../src/creates/create_note.js';
import createOpportunity from '../../src/creates/create_opportunity.js';
import createTask from '../../src/creates/create_task.js';
import logCall from '../../src/creates/log_call.js';
import updateLead from '../../src/creates/update_lead.js';
import App from '../../src/index.js';
import findContact from '../../src/searches/find_contact.js';
import findLead from '../../src/searches/find_lead.js';
import findOpportunity from '../../src/searches/find_opportunity.js';
import findUser from '../../src/searches/find_user.js';
import { startTestServer, type TestServer } from '../support/mock-server.js';

const appTester = zapier.createAppTester(App);
type Perform = (z: ZObject, bundle: Bundle) => unknown;
type Output = Record<string, unknown> & { id: string };

let server: TestServer;
let key: string;
let close: Got;

function run(perform: unknown, inputData: Record<string, unknown>): Promise<unknown> {
  if (typeof perform !== 'function') throw new Error('expected a perform function');
  return appTester(perform as Perform, { authData: { api_key: key }, inputData });
}
const created = async (perform: unknown, inputData: Record<string, unknown>) =>
  (await run(perform, inputData)) as Output;
const found = async (perform: unknown, inputData: Record<string, unknown>) =>
  (await run(perform, inputData)) as Output[];

/** What Zapier does for a find-or-create step: search, and create only when nothing is found. */
async function findOrCreate(
  search: unknown,
  create: unknown,
  searchInput: Record<string, unknown>,
  createInput: Record<string, unknown>,
): Promise<{ object: Output; createdNow: boolean }> {
  const [match] = await found(search, searchInput);
  if (match) return { object: match, createdNow: false };
  return { object: await created(create, createInput), createdNow: true };
}

type ListOf<T> = { data: T[] };

beforeAll(async () => {
  server = await startTestServer();
  process.env.CLOSE_API_BASE_URL = server.url;
  ({ key } = await server.createKey('Zapier actions'));
  close = got.extend({
    prefixUrl: `${server.url}/api/v1/`,
    headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
    responseType: 'json',
    retry: { limit: 0 },
  });
});
afterAll(async () => {
  delete process.env.CLOSE_API_BASE_URL;
  await server.stop();
});

describe('a lead from creation to a completed task, against the mock server', () => {
  const email = 'grace@rockets.example';
  let source: { id: string };
  let code: { id: string };
  let seats: { id: string };
  let lead: Output;

  beforeAll(async () => {
    const field = (body: Record<string, unknown>) =>
      close.post('custom_field/lead/', { json: body }).json<{ id: string }>();
    source = await field({ name: 'Lead Source', type: 'choices', choices: ['Web', 'Referral'] });
    code = await field({ name: 'Partner Code', type: 'text' });
    seats = await field({ name: 'Seats', type: 'number' });
  });

  it('creates the lead with a contact, an address and typed custom fields', async () => {
    lead = await created(createLead.operation.perform, {
      name: 'Rockets Inc',
      url: 'rockets.example',
      description: '',
      contact_name: 'Grace Hopper',
      contact_title: 'CTO',
      contact_email: email,
      contact_phone: '+1 650 555 1234',
      city: 'Austin',
      country: 'us',
      [`custom.${source.id}`]: 'referral',
      [`custom.${code.id}`]: 'RKT-7',
      [`custom.${seats.id}`]: '1,200',
    });
    expect(lead).toMatchObject({
      id: expect.stringMatching(/^lead_/),
      name: 'Rockets Inc',
      url: 'https://rockets.example',
      description: '',
      primary_contact_name: 'Grace Hopper',
      primary_contact_email: email,
      city: 'Austin',
      country: 'US',
      custom: { 'Lead Source': 'Referral', 'Partner Code': 'RKT-7', Seats: 1200 },
      [`custom.${source.id}`]: 'Referral',
    });
  });

  it('finds it by the contact’s email, in any case', async () => {
    await expect(
      found(findLead.operation.perform, { email: email.toUpperCase() }),
    ).resolves.toEqual([expect.objectContaining({ id: lead.id })]);
  });

  it('finds it by a custom field value', async () => {
    await expect(
      found(findLead.operation.perform, { custom_field_id: code.id, custom_field_value: 'RKT-7' }),
    ).resolves.toEqual([expect.objectContaining({ id: lead.id })]);
    await expect(
      found(findLead.operation.perform, { custom_field_id: source.id, custom_field_value: 'Web' }),
    ).resolves.toEqual([]);
  });

  it('changes its status, and Close records the status change', async () => {
    const statuses = await close.get('status/lead/').json<ListOf<{ id: string; label: string }>>();
    const next = statuses.data.find((status) => status.id !== lead.status_id);
    if (!next) throw new Error('the mock has a single lead status');
    const updated = await created(updateLead.operation.perform, {
      lead_id: lead.id,
      status_id: next.id,
      name: '',
    });
    expect(updated).toMatchObject({ id: lead.id, status_id: next.id, status_label: next.label });
    expect(updated.name).toBe('Rockets Inc');
    const changes = await close
      .get('activity/status_change/lead/', { searchParams: { lead_id: lead.id } })
      .json<ListOf<Record<string, unknown>>>();
    expect(changes.data).toEqual([
      expect.objectContaining({ old_status_id: lead.status_id, new_status_id: next.id }),
    ]);
  });

  it('adds an opportunity, its value sent in cents, found again by lead and status type', async () => {
    const opportunity = await created(createOpportunity.operation.perform, {
      lead_id: lead.id,
      value: '1250.50',
      value_period: 'annual',
      confidence: 60,
      expected_close_date: '2026-06-30T00:00:00+00:00',
    });
    expect(opportunity).toMatchObject({
      lead_id: lead.id,
      value: 125050,
      value_amount: 1250.5,
      value_period: 'annual',
      confidence: 60,
      expected_close_date: '2026-06-30',
      status_type: 'active',
    });
    await expect(
      found(findOpportunity.operation.perform, { lead_id: lead.id, status_type: 'active' }),
    ).resolves.toEqual([expect.objectContaining({ id: opportunity.id })]);
  });

  it('adds a note and logs a call', async () => {
    const contactId = (lead.primary_contact_id as string) || undefined;
    const note = await created(createNote.operation.perform, {
      lead_id: lead.id,
      note: 'Met at the launch event.',
    });
    expect(note).toMatchObject({
      type: 'Note',
      lead_id: lead.id,
      note: 'Met at the launch event.',
    });
    const call = await created(logCall.operation.perform, {
      lead_id: lead.id,
      direction: 'inbound',
      duration: 300,
      note: 'Asked for pricing',
      contact_id: contactId,
      phone: '+1 650 555 1234',
    });
    expect(call).toMatchObject({
      type: 'Call',
      lead_id: lead.id,
      direction: 'inbound',
      duration: 300,
      contact_id: contactId,
    });
  });

  it('adds a task for the key’s user, then completes it', async () => {
    const [user] = await found(findUser.operation.perform, { email: 'SAM.SELLER@example.com' });
    expect(user).toMatchObject({ id: expect.stringMatching(/^user_/) });
    const task = await created(createTask.operation.perform, {
      lead_id: lead.id,
      text: 'Send the proposal',
      assigned_to: user?.id,
      due_date: '2026-03-10',
    });
    expect(task).toMatchObject({ lead_id: lead.id, is_complete: false, due_date: '2026-03-10' });
    const done = await created(completeTask.operation.perform, { task_id: task.id });
    expect(done).toMatchObject({ id: task.id, is_complete: true });
  });
});

describe('find or create', () => {
  it.each([
    [
      'a lead (found by its contact’s email)',
      findLead.operation.perform,
      createLead.operation.perform,
      { email: 'ada@engines.example' },
      { name: 'Analytical Engines', contact_name: 'Ada', contact_email: 'ada@engines.example' },
    ],
    [
      'a contact (found by its phone number, typed another way)',
      findContact.operation.perform,
      createContact.operation.perform,
      { phone: '(415) 555-0199' },
      { name: 'Alan Turing', phones: ['+1 415 555 0199'] },
    ],
  ])(
    '%s: created the first time, found the second time',
    async (_what, search, create, searchInput, createInput) => {
      const first = await findOrCreate(search, create, searchInput, createInput);
      const second = await findOrCreate(search, create, searchInput, createInput);
      expect(first.createdNow).toBe(true);
      expect(second).toEqual({
        object: expect.objectContaining({ id: first.object.id }),
        createdNow: false,
      });
    },
  );
});
