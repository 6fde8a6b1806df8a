/**
 * What the README promises a developer, run as written: `npm run mock` prints the base URL, the
 * admin token and the bootstrap key once; `mock:keys` creates, lists and deletes keys; and
 * `npx zapier-platform invoke auth test` / `auth label` work against the mock through `.env`.
 * Uses the built `dist/` (npm test builds first) and a scratch project folder, so a
 * developer's own `.env` is never touched.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const NODE = process.execPath;
const MOCK_CLI = join(ROOT, 'dist/mock/cli.js');
const ZAPIER_CLI = join(ROOT, 'node_modules/zapier-platform-cli/src/bin/run');

let scratch: string;
let serverProcess: ChildProcess;
let started: { url: string; adminToken: string; bootstrapKey: string; banner: string };

/** Starts `cli.js serve` and reads its banner. */
function serve(dbPath: string): Promise<{ child: ChildProcess; banner: string }> {
  const child = spawn(NODE, ['--no-warnings', MOCK_CLI, 'serve', '--port', '0', '--db', dbPath], {
    env: { ...process.env, CLOSE_MOCK_ADMIN_TOKEN: '' },
  });
  return new Promise((resolvePromise, reject) => {
    let banner = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      banner += chunk.toString();
      if (/Create an API key|shown only once:\n\s+api_\S+\n/.test(banner)) {
        resolvePromise({ child, banner });
      }
    });
    child.once('exit', (code) => reject(new Error(`mock server exited (${code}): ${banner}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
  });

const mockKeys = (...args: string[]) =>
  run(NODE, ['--no-warnings', MOCK_CLI, 'keys', ...args], {
    env: {
      ...process.env,
      CLOSE_MOCK_URL: started.url,
      CLOSE_MOCK_ADMIN_TOKEN: started.adminToken,
    },
  });

const invoke = (apiKey: string, ...args: string[]) => {
  writeFileSync(
    join(scratch, '.env'),
    `CLOSE_API_BASE_URL=${started.url}\nauthData_api_key=${apiKey}\n`,
  );
  return run(NODE, [ZAPIER_CLI, 'invoke', ...args, '--non-interactive'], {
    cwd: scratch,
    env: { ...process.env, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' },
  }).catch((error: { stdout: string; stderr: string }) => ({ ...error, failed: true }));
};

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'close-cli-'));
  for (const file of ['package.json', '.zapierapprc'])
    copyFileSync(join(ROOT, file), join(scratch, file));
  symlinkSync(join(ROOT, 'dist'), join(scratch, 'dist'));
  symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'));
  const { child, banner } = await serve(join(scratch, 'close-mock.sqlite'));
  serverProcess = child;
  started = {
    url: /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] ?? '',
    adminToken: /Admin token \(control plane\): (\S+)/.exec(banner)?.[1] ?? '',
    bootstrapKey: /shown only once:\n\s+(api_\S+)/.exec(banner)?.[1] ?? '',
    banner,
  };
}, 30_000);

afterAll(async () => {
  if (serverProcess) await stop(serverProcess);
  rmSync(scratch, { recursive: true, force: true });
});

describe('the mock server from the command line', () => {
  it('prints its base URL, the admin token, and the bootstrap key once', () => {
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(started.adminToken).toMatch(/^mock_admin_/);
    expect(started.bootstrapKey).toMatch(/^api_[0-9A-Za-z]{22}\.[0-9A-Za-z]{22}$/);
    expect(started.banner).toContain(`${started.url}/settings/api-keys`);
  });

  it('creates, lists and deletes keys through `keys`', async () => {
    const created = await mockKeys('create', '--name', 'CLI key');
    const key = /\n\s+(api_\S+)/.exec(created.stdout)?.[1] ?? '';
    const id = key.split('.')[0] ?? '';
    expect(created.stdout).toContain(`Created API key "CLI key" (ID ${id})`);
    const listed = await mockKeys('list');
    expect(listed.stdout).toContain(`${id}  CLI key`);
    expect(listed.stdout).not.toContain(key.split('.')[1]);
    const deleted = await mockKeys('delete', id);
    expect(deleted.stdout).toContain(`Deleted API key ${id}`);
    expect((await mockKeys('list')).stdout).not.toContain(id);
  });

  it('explains a missing admin token', async () => {
    const failure = await run(NODE, ['--no-warnings', MOCK_CLI, 'keys', 'list'], {
      env: { ...process.env, CLOSE_MOCK_URL: started.url, CLOSE_MOCK_ADMIN_TOKEN: '' },
    }).catch((error: { stderr: string; code: number }) => error);
    expect('stderr' in failure && failure.stderr).toContain('The admin token is missing');
  });
});

describe('restarting the mock server on the same file', () => {
  it('keeps the keys, and says how to create another instead of printing a new one', async () => {
    await stop(serverProcess);
    const { child, banner } = await serve(join(scratch, 'close-mock.sqlite'));
    serverProcess = child;
    started.url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] ?? '';
    started.adminToken = /Admin token \(control plane\): (\S+)/.exec(banner)?.[1] ?? '';
    expect(banner).not.toMatch(/api_[0-9A-Za-z]{22}\./);
    expect(banner).toContain('Create an API key:  npm run mock:keys -- create --name');
    expect((await mockKeys('list')).stdout).toContain(started.bootstrapKey.split('.')[0]);
  }, 30_000);
});

describe('npx zapier-platform invoke against the mock, through .env', () => {
  it('runs `auth test` and `auth label`', async () => {
    const test = await invoke(started.bootstrapKey, 'auth', 'test');
    expect(test.stdout).toContain('"email": "sam.seller@example.com"');
    const label = await invoke(started.bootstrapKey, 'auth', 'label');
    const id = started.bootstrapKey.split('.')[0];
    expect(label.stdout).toContain(
      `Sam Seller (sam.seller@example.com) @ Example Sales Co. · key ${id}`,
    );
  }, 60_000);

  it('shows the key-ID message when the ID is in .env instead of the key', async () => {
    const id = started.bootstrapKey.split('.')[0] ?? '';
    const result = await invoke(id, 'auth', 'test');
    expect(`${result.stdout}${result.stderr}`.replace(/\s+›\s+/g, ' ')).toContain(
      "You entered the API key's ID",
    );
  }, 60_000);
});
