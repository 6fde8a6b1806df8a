/**
 * The foundation, end to end and without nock: the real mock server issues a key, the
 * integration's real connection test and label run against it over HTTP, the key's last use
 * records this client, deleting the key cuts the integration off, and no secret reaches the
 * database file.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import zapier from 'zapier-platform-core';
import App from '../../src/index.js';
import { CONNECTION_LABEL, connectionTest } from '../../src/authentication.js';
import { USER_AGENT } from '../../src/lib/config.js';
import { rejectionOf } from '../support/zapier-errors.js';
import { startTestServer, type TestServer } from '../support/mock-server.js';

const appTester = zapier.createAppTester(App);
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  process.env.CLOSE_API_BASE_URL = server.url;
});
afterAll(async () => {
  delete process.env.CLOSE_API_BASE_URL;
  await server.stop();
});

/** Zapier's `{{field}}` substitution, enough for the connection label template. */
const renderLabel = (template: string, data: Record<string, unknown>) =>
  template.replace(/{{\s*([\w.]+)\s*}}/g, (_match, key: string) => String(data[key] ?? ''));

describe('connecting a Close account to the integration', () => {
  it('passes the connection test and labels the connection with user, organization and key ID', async () => {
    const { id, key } = await server.createKey('Zapier');
    const result = await appTester(connectionTest, { authData: { api_key: key } });
    expect(result).toMatchObject({
      email: 'sam.seller@example.com',
      organization_name: 'Example Sales Co.',
      api_key_id: id,
    });
    expect(renderLabel(CONNECTION_LABEL, result as Record<string, unknown>)).toBe(
      `Sam Seller (sam.seller@example.com) @ Example Sales Co. · key ${id}`,
    );
  });

  it('shows the integration in the key’s "last used": IP and user agent', async () => {
    const { id, key } = await server.createKey('Last used check');
    await appTester(connectionTest, { authData: { api_key: key } });
    const listing = await server.control.get(`keys/${id}`).json<{
      last_used: { ip: string; userAgent: string; at: string } | null;
    }>();
    expect(listing.last_used).toEqual({
      ip: '127.0.0.1',
      userAgent: USER_AGENT,
      at: expect.any(String),
    });
    expect(USER_AGENT).toMatch(/^Zapier-Close-Integration\/\d+\.\d+\.\d+/);
  });

  it('tells a user who pasted the key ID to paste the whole key, without calling Close', async () => {
    const { id } = await server.createKey('ID pasted');
    const error = await rejectionOf(appTester(connectionTest, { authData: { api_key: id } }));
    expect(error.message).toContain(`You entered the API key's ID (${id}), not the API key`);
    const listing = await server.control.get(`keys/${id}`).json<{ last_used: unknown }>();
    expect(listing.last_used).toBeNull();
  });

  it('rejects a deleted key on the next call with the "create a new key and reconnect" message', async () => {
    const { id, key } = await server.createKey('Soon deleted');
    await appTester(connectionTest, { authData: { api_key: key } });
    await server.control.delete(`keys/${id}`);
    const error = await rejectionOf(appTester(connectionTest, { authData: { api_key: key } }));
    expect(error.message).toContain(`Close rejected the API key ${id}`);
    expect(error.message).toContain('Create a new key');
    expect(error.message).not.toContain(key.split('.')[1]);
  });

  it('keeps no secret in the database file: neither key secrets nor the admin token', async () => {
    const keys = await Promise.all([
      server.createKey('Secret check 1'),
      server.createKey('Secret check 2'),
    ]);
    await appTester(connectionTest, { authData: { api_key: keys[0]!.key } });
    server.app.services.apiKeys.flushLastUses();
    // The database and its write-ahead log, where fresh rows live until a checkpoint.
    const content = [server.dbPath, `${server.dbPath}-wal`]
      .map((path) => {
        try {
          return readFileSync(path).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('\n');
    for (const { id, key } of keys) {
      expect(content).toContain(id); // proves we are reading the store that holds the keys
      expect(content).not.toContain(key.split('.')[1]);
    }
    expect(content).not.toContain(server.adminToken);
  });
});
