/**
 * Concurrency over real HTTP, against the mock on a file store: hundreds of creates and updates
 * in flight at once. IDs stay unique and counts exact, concurrent updates to different fields of
 * one lead all land (none overwrites another with a stale copy), additions to one multi-value
 * field all land, every status change writes its status-change activity and event, and keys
 * created at once are all listed.
 */
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import got, { type Got } from 'got';
import { startTestServer, type TestServer } from '../support/mock-server.js';

const CONCURRENT = 300;
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENT });

let server: TestServer;
let api: Got;

type Lead = {
  id: string;
  name: string;
  description: string | null;
  url: string | null;
  status_id: string;
  tasks: { id: string }[];
  opportunities: { id: string }[];
} & Record<string, unknown>;
type Page<T> = { data: T[]; has_more: boolean };
type Activity = {
  id: string;
  _type: string;
  lead_id: string;
  old_status_id: string;
  new_status_id: string;
};
type Event = { object_id: string; action: string; changed_fields: string[] };

beforeAll(async () => {
  server = await startTestServer({ rateLimit: { limit: 1_000_000, windowMs: 1000 } });
  const { key } = await server.createKey('Concurrency');
  api = got.extend({
    prefixUrl: `${server.url}/api/v1/`,
    username: key,
    password: '',
    agent: { http: agent },
    retry: { limit: 0 },
  });
});
afterAll(async () => {
  await server.stop();
  agent.destroy();
});

const times = <T>(count: number, make: (index: number) => Promise<T>) =>
  Promise.all(Array.from({ length: count }, (_, index) => make(index)));

/** Every item of a list, page by page. */
async function all<T>(path: string, params: Record<string, string> = {}, limit = 100) {
  const items: T[] = [];
  for (let skip = 0; ; skip += limit) {
    const page = await api
      .get(path, { searchParams: { ...params, _skip: skip, _limit: limit } })
      .json<Page<T>>();
    items.push(...page.data);
    if (!page.has_more) return items;
  }
}

/** The event log of one object, paged by cursor. */
async function eventsOf(objectId: string): Promise<Event[]> {
  const events: Event[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: Event[]; cursor_next: string | null } = await api
      .get('event/', {
        searchParams: {
          object_id: objectId,
          action: 'updated',
          ...(cursor && { _cursor: cursor }),
        },
      })
      .json();
    events.push(...page.data);
    cursor = page.cursor_next;
  } while (cursor);
  return events;
}

describe('concurrent writes over HTTP', () => {
  it(`${CONCURRENT} leads created at once: unique IDs, and the list holds exactly them`, async () => {
    const tag = `batch${Date.now()}`;
    const created = await times(CONCURRENT, (i) =>
      api.post('lead/', { json: { name: `${tag} lead ${i}` } }).json<Lead>(),
    );
    const ids = new Set(created.map((lead) => lead.id));
    expect(ids.size).toBe(CONCURRENT);
    const listed = await all<Lead>('lead/', { query: tag, _fields: 'id,name' }, 200);
    expect(listed).toHaveLength(CONCURRENT);
    expect(new Set(listed.map((lead) => lead.id))).toEqual(ids);
    expect(new Set(listed.map((lead) => lead.name))).toEqual(
      new Set(created.map((lead) => lead.name)),
    );
  });

  it('concurrent PUTs to different fields of one lead all land, one event each', async () => {
    const fields = await times(40, (i) =>
      api
        .post('custom_field/lead/', { json: { name: `Concurrent field ${i}`, type: 'text' } })
        .json<{ id: string }>(),
    );
    const lead = await api.post('lead/', { json: { name: 'Many writers' } }).json<Lead>();
    const patches: Record<string, string>[] = [
      { name: 'Many writers, renamed' },
      { description: 'Written concurrently' },
      { url: 'https://many-writers.example.com' },
      ...fields.map((field, i) => ({ [`custom.${field.id}`]: `value ${i}` })),
    ];
    await Promise.all(patches.map((patch) => api.put(`lead/${lead.id}/`, { json: patch })));

    const after = await api.get(`lead/${lead.id}/`).json<Lead>();
    for (const patch of patches) expect(after).toMatchObject(patch);
    const events = await eventsOf(lead.id);
    expect(events).toHaveLength(patches.length);
    // Each event names its own field only (besides date_updated, and display_name with name).
    const own = (event: Event) =>
      event.changed_fields.filter((field) => !['date_updated', 'display_name'].includes(field));
    expect(events.map((event) => own(event).join(',')).sort()).toEqual(
      ['name', 'description', 'url', ...fields.map((field) => `custom.${field.id}`)].sort(),
    );
  });

  it('concurrent additions to one multi-value field all land', async () => {
    const choices = Array.from({ length: 50 }, (_, i) => `Choice ${i}`);
    const field = await api
      .post('custom_field/lead/', {
        json: { name: 'Tags', type: 'choices', accepts_multiple_values: true, choices },
      })
      .json<{ id: string }>();
    const lead = await api.post('lead/', { json: { name: 'Tagged at once' } }).json<Lead>();
    await Promise.all(
      choices.map((choice) =>
        api.put(`lead/${lead.id}/`, { json: { [`custom.${field.id}.add`]: choice } }),
      ),
    );
    const after = await api.get(`lead/${lead.id}/`).json<Lead>();
    expect([...(after[`custom.${field.id}`] as string[])].sort()).toEqual([...choices].sort());
  });

  it('status changes at once on many leads each write one status-change activity', async () => {
    const statuses = await api.get('status/lead/').json<Page<{ id: string; label: string }>>();
    const [first, ...others] = statuses.data;
    const leads = await times(200, (i) =>
      api.post('lead/', { json: { name: `Status lead ${i}`, status_id: first!.id } }).json<Lead>(),
    );
    const target = (i: number) => others[i % others.length]!.id;
    await Promise.all(
      leads.map((lead, i) => api.put(`lead/${lead.id}/`, { json: { status_id: target(i) } })),
    );
    const changes = await all<Activity>('activity/status_change/lead/', {
      lead_id: leads.map((lead) => lead.id).join(','),
    });
    expect(changes).toHaveLength(leads.length);
    const byLead = new Map(changes.map((change) => [change.lead_id, change]));
    leads.forEach((lead, i) => {
      expect(byLead.get(lead.id)).toMatchObject({
        old_status_id: first!.id,
        new_status_id: target(i),
      });
    });
  });

  it('status changes at once on one lead form one unbroken chain of activities', async () => {
    const statuses = (await api.get('status/lead/').json<Page<{ id: string }>>()).data;
    const lead = await api
      .post('lead/', { json: { name: 'Contested status', status_id: statuses[0]!.id } })
      .json<Lead>();
    await times(100, (i) =>
      api.put(`lead/${lead.id}/`, { json: { status_id: statuses[(i % 3) + 1]!.id } }),
    );
    const after = await api.get(`lead/${lead.id}/`).json<Lead>();
    const chain = await all<Activity>('activity/status_change/lead/', { lead_id: lead.id });
    const updates = (await eventsOf(lead.id)).filter((event) =>
      event.changed_fields.includes('status_id'),
    );
    expect(chain.length).toBeGreaterThan(0);
    expect(chain).toHaveLength(updates.length);
    // Each change starts where another ended (followed link by link: date_created has
    // millisecond ties), from the first status to the lead's final one.
    let status = statuses[0]!.id;
    const left = [...chain];
    while (left.length > 0) {
      const next = left.findIndex((change) => change.old_status_id === status);
      expect(next).toBeGreaterThanOrEqual(0);
      const [change] = left.splice(next, 1);
      status = change!.new_status_id;
    }
    expect(status).toBe(after.status_id);
  });

  it('notes, tasks and opportunities created at once on one lead are all on it', async () => {
    const lead = await api.post('lead/', { json: { name: 'Busy lead' } }).json<Lead>();
    const [notes, tasks, opportunities] = await Promise.all([
      times(100, (i) =>
        api.post('activity/note/', { json: { lead_id: lead.id, note: `Note ${i}` } }).json<Lead>(),
      ),
      times(100, (i) =>
        api.post('task/', { json: { lead_id: lead.id, text: `Task ${i}` } }).json<Lead>(),
      ),
      times(100, (i) =>
        api
          .post('opportunity/', { json: { lead_id: lead.id, value: 1000 * i, note: `Deal ${i}` } })
          .json<Lead>(),
      ),
    ]);
    const after = await api.get(`lead/${lead.id}/`).json<Lead>();
    expect(new Set(after.tasks.map((task) => task.id))).toEqual(
      new Set(tasks.map((task) => task.id)),
    );
    expect(new Set(after.opportunities.map((opportunity) => opportunity.id))).toEqual(
      new Set(opportunities.map((opportunity) => opportunity.id)),
    );
    const listedNotes = await all<Activity>('activity/note/', { lead_id: lead.id });
    expect(new Set(listedNotes.map((note) => note.id))).toEqual(
      new Set(notes.map((note) => note.id)),
    );
  });

  it('API keys created at once are all issued with unique IDs and all listed', async () => {
    const keys = await times(100, (i) => server.createKey(`Concurrent key ${i}`));
    expect(new Set(keys.map((key) => key.id)).size).toBe(100);
    const listed = await server.control.get('keys').json<{ data: { id: string }[] }>();
    const listedIds = new Set(listed.data.map((key) => key.id));
    for (const key of keys) expect(listedIds).toContain(key.id);
    const verified = await Promise.all(
      keys.map((key) =>
        got.get(`${server.url}/api/v1/me/`, {
          username: key.key,
          password: '',
          agent: { http: agent },
          throwHttpErrors: false,
          retry: { limit: 0 },
        }),
      ),
    );
    expect(verified.map((response) => response.statusCode)).toEqual(keys.map(() => 200));
  });
});
