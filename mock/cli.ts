/**
 * The mock server's command line: `serve` starts it; `keys create|list|delete` manage API keys on
 * a running server through the control plane (with got), as Close's Settings → API Keys page does.
 *
 *   node dist/mock/cli.js serve [--port 4010] [--db close-mock.sqlite | --memory] [--verbose]
 *                               [--rate-limit N]   (requests per key, endpoint and second;
 *                                                   or CLOSE_MOCK_RATE_LIMIT)
 *                               [--seed demo|empty] [--seed-leads 300]
 *   node dist/mock/cli.js keys create --name Zapier
 *   node dist/mock/cli.js keys list
 *   node dist/mock/cli.js keys delete api_…
 *
 * The control plane's URL and admin token come from --url/--admin-token or from
 * CLOSE_MOCK_URL/CLOSE_MOCK_ADMIN_TOKEN (npm scripts load `.env`).
 */
import { parseArgs } from 'node:util';
import got, { HTTPError, RequestError } from 'got';
import { SEED_MODES } from './app.js';
import { DEFAULT_PORT, startServer } from './server.js';
import { DEFAULT_RATE_LIMIT } from './services/rate-limits.js';
import { WEB_PATHS } from './web/paths.js';

const USAGE = `Usage:
  npm run mock -- [--port ${DEFAULT_PORT}] [--db close-mock.sqlite | --memory] [--verbose]
                  [--rate-limit N  (requests per API key, endpoint group and second; default ${DEFAULT_RATE_LIMIT.limit})]
                  [--seed demo|empty] [--seed-leads N]
  npm run mock:keys -- create --name NAME
  npm run mock:keys -- list
  npm run mock:keys -- delete KEY_ID
Options for keys: --url URL (or CLOSE_MOCK_URL), --admin-token TOKEN (or CLOSE_MOCK_ADMIN_TOKEN)`;

class UsageError extends Error {}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: process.env.CLOSE_MOCK_PORT ?? String(DEFAULT_PORT) },
      db: { type: 'string', default: process.env.CLOSE_MOCK_DB ?? 'close-mock.sqlite' },
      memory: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      'rate-limit': { type: 'string', default: process.env.CLOSE_MOCK_RATE_LIMIT },
      seed: { type: 'string', default: process.env.CLOSE_MOCK_SEED ?? 'empty' },
      'seed-leads': { type: 'string' },
    },
  });
  const rateLimit = values['rate-limit'] === undefined ? undefined : Number(values['rate-limit']);
  if (rateLimit !== undefined && (!Number.isInteger(rateLimit) || rateLimit < 1)) {
    throw new UsageError(
      `--rate-limit must be a whole number of requests per second, not "${values['rate-limit']}".`,
    );
  }
  const port = Number(values.port);
  const seed = SEED_MODES.find((mode) => mode === values.seed);
  if (!seed) {
    throw new UsageError(`--seed must be ${SEED_MODES.join(' or ')}, not "${values.seed}".`);
  }
  const seedLeads = values['seed-leads'] === undefined ? undefined : Number(values['seed-leads']);
  if (seedLeads !== undefined && (!Number.isInteger(seedLeads) || seedLeads < 0)) {
    throw new UsageError(`--seed-leads must be a whole number, not "${values['seed-leads']}".`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}".`);
  }
  const dbPath = values.memory ? ':memory:' : values.db;
  const tokenFromEnv = process.env.CLOSE_MOCK_ADMIN_TOKEN?.trim() || undefined;
  const server = await startServer({
    port,
    dbPath,
    ...(tokenFromEnv && { adminToken: tokenFromEnv }),
    logger: { level: values.verbose ? 'info' : 'warn' },
    ...(rateLimit !== undefined && { rateLimit: { limit: rateLimit, windowMs: 1000 } }),
    seed,
    ...(seedLeads !== undefined && { seedLeads }),
  });
  const lines = [
    `Mock Close API listening on ${server.url}`,
    `  Point Close clients at it:   CLOSE_API_BASE_URL=${server.url}`,
    `  Settings → API Keys:         ${server.url}${WEB_PATHS.apiKeys} (sign in with the admin token)`,
    `  Store:                       ${dbPath === ':memory:' ? 'in memory (gone when stopped)' : dbPath}`,
    tokenFromEnv
      ? '  Admin token:                 from CLOSE_MOCK_ADMIN_TOKEN'
      : `  Admin token (control plane): ${server.adminToken}\n` +
        '    (new at every start; set CLOSE_MOCK_ADMIN_TOKEN, e.g. in .env, to keep one)',
  ];
  if (server.seeded) {
    const seeded = server.seeded;
    lines.push(
      `  Demo data:                   ${seeded.leads} leads, ${seeded.contacts} contacts, ` +
        `${seeded.opportunities} opportunities, ${seeded.activities} activities, ${seeded.tasks} tasks ` +
        `(${seeded.milliseconds} ms)`,
    );
  }
  if (server.bootstrapKey) {
    lines.push(
      '',
      'First start: an API key for the default user was created. Copy it now, it is shown only once:',
      `  ${server.bootstrapKey}`,
    );
  } else {
    lines.push('', 'Create an API key:  npm run mock:keys -- create --name "My key"');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function keys(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      url: {
        type: 'string',
        default: process.env.CLOSE_MOCK_URL ?? `http://127.0.0.1:${DEFAULT_PORT}`,
      },
      'admin-token': { type: 'string', default: process.env.CLOSE_MOCK_ADMIN_TOKEN },
      json: { type: 'boolean', default: false },
    },
  });
  const token = values['admin-token']?.trim();
  if (!token) {
    throw new UsageError(
      'The admin token is missing: pass --admin-token or set CLOSE_MOCK_ADMIN_TOKEN ' +
        '(the mock server prints it when it starts).',
    );
  }
  const control = got.extend({
    prefixUrl: new URL('/_mock/', values.url).toString(),
    headers: { authorization: `Bearer ${token}` },
    responseType: 'json',
    timeout: { request: 10_000 },
    retry: { limit: 0 },
  });
  const [command, ...rest] = positionals;
  switch (command) {
    case 'create': {
      if (!values.name) throw new UsageError('keys create needs --name, e.g. --name Zapier.');
      const key = await control
        .post('keys', { json: { name: values.name } })
        .json<KeyListing & { key: string }>();
      if (values.json) return print(key);
      return print(
        `Created API key "${key.name}" (ID ${key.id}).\n` +
          `Copy the key now, it will not be shown again:\n  ${key.key}`,
      );
    }
    case 'list': {
      const { data } = await control.get('keys').json<{ data: KeyListing[] }>();
      if (values.json) return print(data);
      if (data.length === 0) return print('No API keys.');
      return print(
        data
          .map((key) => {
            const used = key.last_used
              ? `last used ${key.last_used.at} from ${key.last_used.ip} (${key.last_used.userAgent ?? 'no user agent'})`
              : 'never used';
            return `${key.id}  ${key.name}  created ${key.date_created}  ${used}`;
          })
          .join('\n'),
      );
    }
    case 'delete': {
      const id = rest[0];
      if (!id) throw new UsageError('keys delete needs the key ID, e.g. keys delete api_….');
      await control.delete(`keys/${encodeURIComponent(id)}`);
      return print(`Deleted API key ${id}. Requests with it are rejected from now on.`);
    }
    default:
      throw new UsageError(`Unknown keys command "${command ?? ''}".`);
  }
}

type KeyListing = {
  id: string;
  name: string;
  date_created: string;
  last_used: { at: string; ip: string; userAgent: string | null } | null;
};

function print(value: unknown): void {
  process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}\n`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (command === 'serve') return serve(args);
  if (command === 'keys') return keys(args);
  throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
  } else if (error instanceof HTTPError) {
    const body = error.response.body as { error?: string; 'field-errors'?: Record<string, string> };
    const detail = body?.error ?? JSON.stringify(body?.['field-errors'] ?? body);
    process.stderr.write(`The mock server answered ${error.response.statusCode}: ${detail}\n`);
  } else if (error instanceof RequestError) {
    process.stderr.write(
      `Could not reach the mock server (${error.code}). Is it running? Start it with: npm run mock\n`,
    );
  } else {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
