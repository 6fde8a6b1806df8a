/**
 * `npx zapier-platform invoke` in a scratch project: the repository's package.json,
 * .zapierapprc, built `dist/` and node_modules, plus a `.env` of its own, so that a developer's
 * `.env` is never touched.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const ZAPIER_CLI = join(ROOT, 'node_modules/zapier-platform-cli/src/bin/run');

export type Invocation = { stdout: string; stderr: string; failed?: boolean };

export type ScratchProject = {
  /** Runs `invoke …` with `.env` holding the base URL and the key. */
  invoke: (env: { baseUrl: string; apiKey: string }, ...args: string[]) => Promise<Invocation>;
  remove: () => void;
};

export function scratchProject(): ScratchProject {
  const dir = mkdtempSync(join(tmpdir(), 'close-invoke-'));
  for (const file of ['package.json', '.zapierapprc'])
    copyFileSync(join(ROOT, file), join(dir, file));
  symlinkSync(join(ROOT, 'dist'), join(dir, 'dist'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return {
    invoke: (env, ...args) => {
      writeFileSync(
        join(dir, '.env'),
        `CLOSE_API_BASE_URL=${env.baseUrl}\nauthData_api_key=${env.apiKey}\n`,
      );
      return run(process.execPath, [ZAPIER_CLI, 'invoke', ...args, '--non-interactive'], {
        cwd: dir,
        env: { ...process.env, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' },
      }).catch((error: Invocation) => ({ ...error, failed: true }));
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
