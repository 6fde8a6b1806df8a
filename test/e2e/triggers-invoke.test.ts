/**
 * What the README says of trying triggers with `npx zapier-platform invoke` against the mock:
 * the polling trigger runs (it is `perform`), and an instant trigger's `perform`, which only
 * accepts signed deliveries, says why it cannot run without one. Uses the built `dist/`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import got from 'got';
import { z } from 'zod';
import { basic } from '../support/mock-app.js';
import { startTestServer, type TestServer } from '../support/mock-server.js';
import { scratchProject, type ScratchProject } from '../support/zapier-cli.js';

let server: TestServer;
let project: ScratchProject;
let env: { baseUrl: string; apiKey: string };

beforeAll(async () => {
  server = await startTestServer({ seed: 'demo', seedLeads: 40 });
  env = { baseUrl: server.url, apiKey: (await server.createKey('Invoke')).key };
  project = scratchProject();
}, 30_000);

afterAll(async () => {
  project?.remove();
  await server?.stop();
});

describe('npx zapier-platform invoke trigger, against the mock', () => {
  it('runs new_lead_in_smart_view, the polling trigger, and prints formatted leads', async () => {
    const views = z.object({ data: z.array(z.object({ id: z.string() }).loose()) }).parse(
      await got(`${server.url}/api/v1/saved_search/`, {
        headers: { authorization: basic(env.apiKey) },
      }).json(),
    );
    const view = views.data[0];
    if (!view) throw new Error('the demo seed made no smart view');
    const result = await project.invoke(
      env,
      'trigger',
      'new_lead_in_smart_view',
      '-i',
      JSON.stringify({ smart_view_id: view.id }),
    );
    expect(result.failed).toBeUndefined();
    expect(result.stdout).toMatch(/"id": "lead_/);
    expect(result.stdout).toContain('"primary_contact_email"');
    expect(result.stdout).toContain('"html_url"');
  }, 60_000);

  it('explains that an instant trigger has no delivery to check', async () => {
    const result = await project.invoke(env, 'trigger', 'new_lead');
    expect(result.failed).toBe(true);
    expect(`${result.stdout}${result.stderr}`).toMatch(/no Close webhook signature key on record/);
  }, 60_000);
});
