import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventSchema } from '../../shared/close-objects.js';
import { isoNow } from '../../mock/store/ids.js';
import {
  buildHarness,
  otherTenant,
  recordEvent,
  basicAuth,
  type Harness,
} from './support/mock-harness.js';

type Page = {
  data: { id: string; object_type: string; action: string }[];
  cursor_next: string | null;
  cursor_previous: string | null;
};

describe('GET /api/v1/event/', () => {
  let h: Harness;
  const ids: string[] = [];

  beforeAll(async () => {
    h = await buildHarness();
    for (let i = 0; i < 7; i++) {
      const action = i % 2 === 0 ? 'created' : 'updated';
      ids.push(
        recordEvent(h.app, h.tenant, {
          action,
          objectId: `lead_${i}`,
          leadId: `lead_${i}`,
          ...(action === 'updated' && { previousData: { name: `Old ${i}` } }),
        }).id,
      );
    }
    ids.push(
      recordEvent(h.app, h.tenant, {
        objectType: 'contact',
        objectId: 'cont_1',
        leadId: 'lead_1',
        data: { id: 'cont_1', lead_id: 'lead_1' },
      }).id,
    );
  });
  afterAll(() => h.app.close());

  const list = async (query = '', auth = h.auth) => {
    const response = await h.request({
      method: 'GET',
      url: `/api/v1/event/${query}`,
      headers: { authorization: auth },
    });
    return { status: response.statusCode, body: response.json<Page>() };
  };

  it('lists the organization’s events newest first, in Close’s event shape', async () => {
    const { status, body } = await list();
    expect(status).toBe(200);
    expect(body.data.map((event) => event.id)).toEqual([...ids].reverse());
    for (const event of body.data) expect(eventSchema.safeParse(event).success).toBe(true);
    expect(body.cursor_next).toBeNull();
    expect(body.cursor_previous).toBeNull();
  });

  it('pages with _limit and _cursor, forwards with cursor_next and back with cursor_previous', async () => {
    const first = await list('?_limit=3');
    expect(first.body.data.map((event) => event.id)).toEqual(ids.slice(-3).reverse());
    expect(first.body.cursor_previous).toBeNull();
    const second = await list(`?_limit=3&_cursor=${first.body.cursor_next}`);
    expect(second.body.data.map((event) => event.id)).toEqual(ids.slice(-6, -3).reverse());
    const third = await list(`?_limit=3&_cursor=${second.body.cursor_next}`);
    expect(third.body.data.map((event) => event.id)).toEqual(ids.slice(0, 2).reverse());
    expect(third.body.cursor_next).toBeNull();
    const back = await list(`?_limit=3&_cursor=${third.body.cursor_previous}`);
    expect(back.body.data).toEqual(second.body.data);
  });

  it('caps _limit at 50 and rejects a limit below 1 or not a number', async () => {
    for (let i = 0; i < 55; i++) recordEvent(h.app, h.tenant, { objectType: 'task.lead' });
    const capped = await list('?_limit=500&object_type=task.lead&action=created');
    expect(capped.status).toBe(200);
    expect(capped.body.data).toHaveLength(50);
    expect(capped.body.cursor_next).not.toBeNull();
    expect((await list('?_limit=0')).status).toBe(400);
    expect((await list('?_limit=ten')).status).toBe(400);
  });

  it('filters by the combinations Close supports', async () => {
    const updated = await list('?object_type=lead&action=updated');
    expect(updated.body.data.map((event) => event.action)).toEqual([
      'updated',
      'updated',
      'updated',
    ]);
    const byLead = await list('?lead_id=lead_1');
    expect(byLead.body.data.map((event) => event.object_type).sort()).toEqual(['contact', 'lead']);
    const byObject = await list('?object_type=lead&object_id=lead_2');
    expect(byObject.body.data.map((event) => event.id)).toEqual([ids[2]]);
    const byUser = await list(`?user_id=${h.tenant.userId}&object_type=contact`);
    expect(byUser.body.data.map((event) => event.id)).toEqual([ids[7]]);
  });

  it('filters by request_id, the events one API request caused', async () => {
    const actor = { userId: h.tenant.userId, apiKeyId: h.tenant.keyId, requestId: 'req-42' };
    const first = recordEvent(h.app, h.tenant, { actor });
    const second = recordEvent(h.app, h.tenant, { objectType: 'contact', actor });
    const byRequest = await list('?request_id=req-42');
    expect(byRequest.body.data.map((event) => event.id)).toEqual([second.id, first.id]);
  });

  it('answers 400 naming the supported combinations for one it does not support', async () => {
    const response = await h.request({
      method: 'GET',
      url: '/api/v1/event/?object_type=lead',
      headers: { authorization: h.auth },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: string[] }>().errors[0]).toMatch(/object_type \+ action/);
  });

  it('filters by date_updated ranges with any combination', async () => {
    const future = isoNow(new Date(Date.now() + 60_000));
    expect((await list(`?date_updated__gt=${encodeURIComponent(future)}`)).body.data).toEqual([]);
    const past = '2000-01-01';
    const all = await list(`?lead_id=lead_1&date_updated__gte=${past}`);
    expect(all.body.data).toHaveLength(2);
    expect((await list(`?date_updated__lt=${past}`)).body.data).toEqual([]);
    expect((await list('?date_updated__lte=yesterday')).status).toBe(400);
  });

  it('rejects a cursor it did not issue', async () => {
    expect((await list('?_cursor=not-a-cursor')).status).toBe(400);
  });

  it('keeps 30 days: older events are neither listed nor readable', async () => {
    const old = recordEvent(h.app, h.tenant, { objectType: 'opportunity', objectId: 'oppo_old' });
    const longAgo = isoNow(new Date(Date.now() - 31 * 24 * 3600 * 1000));
    h.app.services.db
      .prepare('UPDATE events SET date_created = ? WHERE id = ?')
      .run(longAgo, old.id);
    const listed = await list('?object_type=opportunity&object_id=oppo_old');
    expect(listed.body.data).toEqual([]);
    const read = await h.request({
      method: 'GET',
      url: `/api/v1/event/${old.id}/`,
      headers: { authorization: h.auth },
    });
    expect(read.statusCode).toBe(404);
  });

  it('never shows another organization’s events', async () => {
    const other = otherTenant(h.app);
    const theirs = recordEvent(h.app, other, { objectId: 'lead_theirs' });
    const mine = await list('?lead_id=lead_theirs');
    expect(mine.body.data).toEqual([]);
    const theirList = await list('', basicAuth(other.key));
    expect(theirList.body.data.map((event) => event.id)).toEqual([theirs.id]);
  });

  it('requires an API key', async () => {
    const response = await h.request({ method: 'GET', url: '/api/v1/event/' });
    expect(response.statusCode).toBe(401);
  });
});

describe('GET /api/v1/event/{id}/', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await buildHarness();
  });
  afterAll(() => h.app.close());

  it('answers one event of the key’s organization', async () => {
    const event = recordEvent(h.app, h.tenant, {
      action: 'updated',
      previousData: { name: 'Old' },
    });
    const response = await h.request({
      method: 'GET',
      url: `/api/v1/event/${event.id}/`,
      headers: { authorization: h.auth },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(event);
    expect(event.changed_fields).toEqual(['name']);
  });

  it('answers 404 to another organization’s key and for an unknown id', async () => {
    const event = recordEvent(h.app, h.tenant);
    const other = otherTenant(h.app);
    for (const [id, auth] of [
      [event.id, basicAuth(other.key)],
      ['ev_unknown', h.auth],
    ] as const) {
      const response = await h.request({
        method: 'GET',
        url: `/api/v1/event/${id}/`,
        headers: { authorization: auth },
      });
      expect(response.statusCode).toBe(404);
      expect(response.json<{ error: string }>().error).toMatch(/does not exist/);
    }
  });
});
