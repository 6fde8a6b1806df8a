/**
 * A mock server in its own process for benchmarks, so that the load generator and the server do
 * not share an event loop. Prints one JSON line `{url, adminToken, key}` when ready; options come
 * as a JSON argument.
 */
import { startServer, type StartOptions } from '../mock/server.js';

const options = JSON.parse(process.argv[2] ?? '{}') as StartOptions;
const server = await startServer({ port: 0, dbPath: ':memory:', ...options });
process.stdout.write(
  `${JSON.stringify({ url: server.url, adminToken: server.adminToken, key: server.bootstrapKey })}\n`,
);
process.on('SIGTERM', () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
