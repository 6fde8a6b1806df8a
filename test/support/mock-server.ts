/**
 * End-to-end helpers: the real mock server on 127.0.0.1 and an ephemeral port, a file store in a
 * temporary folder, and a got client for its control plane.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import got, { type Got } from 'got';
import { startServer, type RunningServer, type StartOptions } from '../../mock/server.js';

export type TestServer = RunningServer & {
  dbPath: string;
  control: Got;
  createKey: (name: string) => Promise<{ id: string; key: string }>;
  stop: () => Promise<void>;
};

export async function startTestServer(options: StartOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'close-mock-'));
  const dbPath = join(dir, 'close-mock.sqlite');
  const server = await startServer({ dbPath, port: 0, ...options });
  const control = got.extend({
    prefixUrl: `${server.url}/_mock/`,
    headers: { authorization: `Bearer ${server.adminToken}` },
    responseType: 'json',
    retry: { limit: 0 },
  });
  return {
    ...server,
    dbPath,
    control,
    createKey: (name) =>
      control.post('keys', { json: { name } }).json<{ id: string; key: string }>(),
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
