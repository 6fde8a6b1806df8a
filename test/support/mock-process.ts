/**
 * The mock server as a developer runs it: `dist/mock/cli.js serve` in a child process (so a test
 * can kill it outright), on a port of its own choosing, its banner parsed for the base URL, the
 * admin token and the bootstrap key. Needs the built `dist/` (npm test and test:reliability
 * build first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const MOCK_CLI = join(ROOT, 'dist/mock/cli.js');

export type MockProcess = {
  child: ChildProcess;
  banner: string;
  url: string;
  /** Empty when the token came from CLOSE_MOCK_ADMIN_TOKEN (the banner does not repeat it). */
  adminToken: string;
  /** On the first start of a store only. */
  bootstrapKey: string | undefined;
  /** Resolves when the process has exited, however it ended. */
  exited: Promise<void>;
  /** A graceful stop (SIGTERM), as Ctrl-C would. */
  stop: () => Promise<void>;
};

/** Starts `cli.js serve --port 0 --db <dbPath>` with `args` and `env` added. */
export function serveInChild(
  dbPath: string,
  options: { args?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<MockProcess> {
  const child = spawn(
    process.execPath,
    ['--no-warnings', MOCK_CLI, 'serve', '--port', '0', '--db', dbPath, ...(options.args ?? [])],
    { env: { ...process.env, CLOSE_MOCK_ADMIN_TOKEN: '', ...options.env } },
  );
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  return new Promise((resolveStart, reject) => {
    let banner = '';
    child.stderr?.on('data', (chunk: Buffer) => (banner += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      banner += chunk.toString();
      if (!/Create an API key|shown only once:\n\s+api_\S+\n/.test(banner)) return;
      resolveStart({
        child,
        banner,
        url: /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] ?? '',
        adminToken: /Admin token \(control plane\): (\S+)/.exec(banner)?.[1] ?? '',
        bootstrapKey: /shown only once:\n\s+(api_\S+)/.exec(banner)?.[1],
        exited,
        stop: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`mock server exited (${code ?? signal}) before it was ready: ${banner}`)),
    );
  });
}
