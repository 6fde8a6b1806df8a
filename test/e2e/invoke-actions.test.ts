/**
 * docs/actions.md, run as written: `npx zapier-platform invoke create|search <key> -i @file`
 * with the input files under examples/, against the mock server, through `.env` in a scratch
 * project folder (a developer's own `.env` is never touched). Uses the built `dist/`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from '../support/mock-server.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const ZAPIER_CLI = join(ROOT, 'node_modules/zapier-platform-cli/src/bin/run');

let server: TestServer;
let scratch: string;

/** `invoke <kind> <key> -i @<file>`; the printed JSON result. */
async function invoke(kind: 'create' | 'search', key: string, file: string): Promise<unknown> {
  const { stdout } = await run(
    process.execPath,
    [ZAPIER_CLI, 'invoke', kind, key, '-i', `@${file}`, '--non-interactive'],
    { cwd: scratch, env: { ...process.env, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' } },
  );
  return JSON.parse(stdout.slice(stdout.search(/^[[{]/m)));
}

/** An example input file with the lead ID of an earlier step put in, as the docs say. */
function withLead(example: string, leadId: string): string {
  const path = join(scratch, example);
  const text = readFileSync(join(ROOT, 'examples', example), 'utf8');
  writeFileSync(path, text.replace('lead_… from create_lead', leadId));
  return path;
}

beforeAll(async () => {
  server = await startTestServer();
  const { key } = await server.createKey('Invoke');
  scratch = mkdtempSync(join(tmpdir(), 'close-invoke-'));
  for (const file of ['package.json', '.zapierapprc'])
    copyFileSync(join(ROOT, file), join(scratch, file));
  for (const folder of ['dist', 'node_modules', 'examples'])
    symlinkSync(join(ROOT, folder), join(scratch, folder));
  writeFileSync(
    join(scratch, '.env'),
    `CLOSE_API_BASE_URL=${server.url}\nauthData_api_key=${key}\n`,
  );
}, 30_000);

afterAll(async () => {
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('invoking the actions and searches with the example input files', () => {
  it('creates a lead, finds it by email, and adds an opportunity worth 12,500.50 to it', async () => {
    const lead = (await invoke('create', 'create_lead', 'examples/create_lead.json')) as {
      id: string;
    };
    expect(lead).toMatchObject({
      id: expect.stringMatching(/^lead_/),
      name: 'Rockets Inc',
      primary_contact_email: 'grace@rockets.example',
      country: 'US',
    });
    await expect(invoke('search', 'find_lead', 'examples/find_lead.json')).resolves.toEqual([
      expect.objectContaining({ id: lead.id }),
    ]);
    await expect(
      invoke('create', 'create_opportunity', withLead('create_opportunity.json', lead.id)),
    ).resolves.toMatchObject({
      lead_id: lead.id,
      value: 1250050,
      expected_close_date: '2026-06-30',
    });
  }, 90_000);
});
