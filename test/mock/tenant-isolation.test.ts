/**
 * Tenant isolation, over every route of the API: organization A holds one object of every kind;
 * organization B (created through the control plane, with its own key and its own objects)
 * tries each of A's IDs on every item route (404 each, A unchanged), lists, filters and searches
 * with A's IDs and names (never a trace of A), points its own objects at A's (refused), and its
 * webhook never receives A's events. New item routes fail the coverage check until fixtures
 * hold an object for them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CatalogRoute } from '../../mock/plugins/route-catalog.js';
import { createOneOfEach, type Fixtures } from './support/crm-fixtures.js';
import {
  basicAuth,
  buildHarness,
  waitFor,
  type Answer,
  type Harness,
  type Tenant,
} from './support/mock-harness.js';
import { storeDigest } from './support/store-digest.js';

let h: Harness;
let b: Tenant;
let bravo: string;
let alpha: Fixtures;
let ofBravo: Fixtures;
/** The IDs of A's objects. */
let alphaIds: string[];
/** Everything that identifies A: its objects' IDs, its organization, its objects' names. */
let traces: string[];

const ID_PARAM = /(^|_)id(__in)?$/;

beforeAll(async () => {
  h = await buildHarness();
  const created = await h.request({
    method: 'POST',
    url: '/_mock/organizations',
    headers: { authorization: h.admin },
    payload: {
      name: 'Bravo Co',
      owner: { email: 'bea@bravo.example', first_name: 'Bea', last_name: 'Bravo' },
    },
  });
  expect(created.statusCode).toBe(201);
  const { organization, owner } = created.json<{
    organization: { id: string };
    owner: { id: string };
  }>();
  const key = await h.request({
    method: 'POST',
    url: '/_mock/keys',
    headers: { authorization: h.admin },
    payload: { name: 'Bravo key', organization_id: organization.id, user_id: owner.id },
  });
  expect(key.statusCode).toBe(201);
  const { id: keyId, key: bravoKey } = key.json<{ id: string; key: string }>();
  b = { organizationId: organization.id, userId: owner.id, key: bravoKey, keyId };
  bravo = basicAuth(bravoKey);
  alpha = await createOneOfEach(h.app, h.url, h.tenant, 'Alpha');
  ofBravo = await createOneOfEach(h.app, h.url, b, 'Bravo');
  alphaIds = Object.entries(alpha.ids)
    .filter(([route]) => route.startsWith('/api/'))
    .map(([, id]) => id);
  traces = [...alphaIds, h.tenant.organizationId, 'Alpha'];
});

afterAll(async () => {
  await h.app.close();
  await alpha.receiver.close();
  await ofBravo.receiver.close();
});

const asBravo = (method: string, url: string, payload?: unknown) =>
  h.request({
    method,
    url,
    headers: { authorization: bravo },
    ...(payload !== undefined && { payload }),
  });

/** The traces of A an answer shows, if any (an ID the request itself sent may be quoted). */
const tracesIn = (answer: Answer, sent = '') =>
  traces.filter((trace) => answer.body.includes(trace) && !sent.includes(trace));

/** The routes of the API that really serve something (not the 405 answers). */
const apiRoutes = (): CatalogRoute[] =>
  h.app.routeCatalog.filter(
    (route) =>
      route.url.startsWith('/api/v1/') && route.method !== 'HEAD' && route.schema?.hide !== true,
  );

/** A body each item route's schema accepts, so that the lookup itself is what answers. */
function validUpdate(url: string): Record<string, unknown> {
  if (url.includes('/status/')) return { label: 'Renamed by another tenant' };
  if (url.includes('/membership/')) return { role_id: 'admin' };
  if (url.includes('/webhook/')) return { status: 'paused' };
  if (
    url.includes('/pipeline/') ||
    url.includes('/custom_field/') ||
    url.includes('/saved_search/')
  )
    return { name: 'Renamed by another tenant' };
  if (url.includes('/activity/') || url.includes('/task/'))
    return url.includes('/task/') ? { text: 'Changed by another tenant' } : { note: 'Changed' };
  return { name: 'Changed by another tenant' };
}

describe("another organization's key", () => {
  it("gets a 404 from every item route for each of A's IDs, and A stays as it was", async () => {
    const before = storeDigest(h.app.services.db);
    const wrong: string[] = [];
    const itemRoutes = apiRoutes().filter((route) => route.url.includes(':id'));
    expect(itemRoutes.length).toBeGreaterThan(40);
    for (const route of itemRoutes) {
      const id = alpha.ids[route.url];
      expect([route.url, id]).toEqual([route.url, expect.stringMatching(/^[a-z]+_/)]);
      const url = route.url.replace(':id', id!);
      const answer = await asBravo(
        route.method,
        url,
        route.method === 'PUT' ? validUpdate(route.url) : undefined,
      );
      if (answer.statusCode !== 404 || tracesIn(answer, url).length > 0) {
        wrong.push(`${route.method} ${url} → ${answer.statusCode} ${answer.body.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(storeDigest(h.app.services.db)).toEqual(before);
    // A's own key still reads every one of them.
    for (const route of itemRoutes.filter((item) => item.method === 'GET')) {
      const answer = await h.request({
        url: route.url.replace(':id', alpha.ids[route.url]!),
        headers: { authorization: h.auth },
      });
      expect([route.url, answer.statusCode]).toEqual([route.url, 200]);
    }
  });

  it("never sees A's objects in a list, a filter by A's IDs, a search or the event log", async () => {
    const leaks: string[] = [];
    let checked = 0;
    const check = async (method: string, url: string, payload?: unknown) => {
      checked++;
      const answer = await asBravo(method, url, payload);
      const found = tracesIn(answer, url);
      const filtered = /[?&][a-z_]*id(__in)?=/.test(url);
      const rows = answer.statusCode === 200 ? answer.json<{ data?: unknown[] }>().data : undefined;
      if (found.length > 0 || answer.statusCode >= 500 || (filtered && rows && rows.length > 0)) {
        leaks.push(`${method} ${url} → ${answer.statusCode} (${found.join(', ')})`);
      }
      return answer;
    };
    const lists = apiRoutes().filter((route) => route.method === 'GET' && !route.url.includes(':'));
    expect(lists.length).toBeGreaterThan(20);
    for (const route of lists) {
      const plain = await check('GET', route.url);
      expect([route.url, plain.statusCode]).toEqual([route.url, 200]);
      const params = Object.keys(
        (route.schema?.querystring as { shape?: Record<string, unknown> } | undefined)?.shape ?? {},
      ).filter((param) => ID_PARAM.test(param));
      for (const param of params) {
        await check('GET', `${route.url}?${param}=${alphaIds.join(',')}`);
        for (const id of alphaIds) await check('GET', `${route.url}?${param}=${id}`);
      }
    }
    const lead = alpha.ids['/api/v1/lead/:id/']!;
    for (const query of ['Alpha', `id:${lead}`, 'email:alpha@example.com', 'name:Alpha']) {
      await check('GET', `/api/v1/lead/?query=${encodeURIComponent(query)}`);
    }
    await check('GET', `/api/v1/event/?object_type=lead&object_id=${lead}`);
    await check('GET', `/api/v1/event/?lead_id=${lead}&object_type=lead`);
    for (const objectType of ['lead', 'contact', 'opportunity']) {
      for (const extra of [[], [{ type: 'text', value: 'Alpha' }]]) {
        await check('POST', '/api/v1/data/search/', {
          query: {
            type: 'and',
            queries: [{ type: 'object_type', object_type: objectType }, ...extra],
          },
        });
      }
    }
    expect(leaks).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it("cannot point its own objects at A's", async () => {
    const a = (route: string) => alpha.ids[route]!;
    const own = (route: string) => ofBravo.ids[route]!;
    const attempts: [string, string, Record<string, unknown>][] = [
      ['POST', '/contact/', { lead_id: a('/api/v1/lead/:id/'), name: 'Stray' }],
      ['POST', '/opportunity/', { lead_id: a('/api/v1/lead/:id/') }],
      [
        'POST',
        '/opportunity/',
        { lead_id: own('/api/v1/lead/:id/'), status_id: a('/api/v1/status/opportunity/:id/') },
      ],
      [
        'POST',
        '/opportunity/',
        { lead_id: own('/api/v1/lead/:id/'), contact_id: a('/api/v1/contact/:id/') },
      ],
      [
        'POST',
        '/opportunity/',
        { lead_id: own('/api/v1/lead/:id/'), user_id: a('/api/v1/user/:id/') },
      ],
      ['POST', '/task/', { lead_id: a('/api/v1/lead/:id/'), text: 'Stray' }],
      [
        'POST',
        '/task/',
        { lead_id: own('/api/v1/lead/:id/'), text: 'Stray', assigned_to: a('/api/v1/user/:id/') },
      ],
      ['POST', '/activity/note/', { lead_id: a('/api/v1/lead/:id/'), note: 'Stray' }],
      [
        'POST',
        '/activity/note/',
        { lead_id: own('/api/v1/lead/:id/'), contact_id: a('/api/v1/contact/:id/') },
      ],
      [
        'POST',
        '/activity/call/',
        { lead_id: own('/api/v1/lead/:id/'), user_id: a('/api/v1/user/:id/') },
      ],
      [
        'POST',
        '/activity/status_change/lead/',
        { lead_id: own('/api/v1/lead/:id/'), new_status_id: a('/api/v1/status/lead/:id/') },
      ],
      [
        'POST',
        '/activity/status_change/opportunity/',
        { opportunity_id: a('/api/v1/opportunity/:id/'), new_status_id: 'stat_x' },
      ],
      ['PUT', `/lead/${own('/api/v1/lead/:id/')}/`, { status_id: a('/api/v1/status/lead/:id/') }],
      [
        'PUT',
        `/lead/${own('/api/v1/lead/:id/')}/`,
        { [`custom.${a('/api/v1/custom_field/lead/:id/')}`]: 'Stray' },
      ],
      ['PUT', `/contact/${own('/api/v1/contact/:id/')}/`, { lead_id: a('/api/v1/lead/:id/') }],
      [
        'PUT',
        `/opportunity/${own('/api/v1/opportunity/:id/')}/`,
        { status_id: a('/api/v1/status/opportunity/:id/') },
      ],
      ['PUT', `/task/${own('/api/v1/task/:id/')}/`, { assigned_to: a('/api/v1/user/:id/') }],
      [
        'POST',
        '/status/opportunity/',
        { label: 'Stray', type: 'active', pipeline_id: a('/api/v1/pipeline/:id/') },
      ],
      [
        'PUT',
        `/pipeline/${own('/api/v1/pipeline/:id/')}/`,
        { statuses: [{ id: a('/api/v1/status/opportunity/:id/') }] },
      ],
      ['PUT', `/membership/${a('/api/v1/membership/:id/')}/`, { role_id: 'admin' }],
    ];
    const before = storeDigest(h.app.services.db);
    const accepted: string[] = [];
    for (const [method, url, payload] of attempts) {
      const answer = await asBravo(method, `/api/v1${url}`, payload);
      if (answer.statusCode < 400 || answer.statusCode >= 500) {
        accepted.push(`${method} ${url} ${JSON.stringify(payload)} → ${answer.statusCode}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(storeDigest(h.app.services.db)).toEqual(before);
  });

  it("never receives A's events through its webhook", async () => {
    const made = async (auth: string, name: string) => {
      const answer = await h.request({
        method: 'POST',
        url: '/api/v1/lead/',
        headers: { authorization: auth },
        payload: { name },
      });
      return answer.json<{ id: string }>().id;
    };
    const alphaLead = await made(h.auth, 'Alpha webhook lead');
    const bravoLead = await made(bravo, 'Bravo webhook lead');
    await waitFor(() => alpha.receiver.received.some((r) => r.body.includes(alphaLead)));
    await waitFor(() => ofBravo.receiver.received.some((r) => r.body.includes(bravoLead)));
    // Deliveries run in parallel: give A's event every chance to reach B's receiver too.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ofBravo.receiver.received.filter((r) => r.body.includes(alphaLead))).toEqual([]);
    expect(alpha.receiver.received.filter((r) => r.body.includes(bravoLead))).toEqual([]);
    for (const received of ofBravo.receiver.received) {
      expect(received.body).not.toContain(h.tenant.organizationId);
    }
  });
});
