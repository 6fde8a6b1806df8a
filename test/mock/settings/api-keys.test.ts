/**
 * Settings → API Keys through its forms: the list, a key created and shown exactly once, names
 * checked with messages a person can act on and always shown as text, the "Last Used" details,
 * and deletion that cuts the key off at once.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { AUTH_MESSAGES } from '../../../mock/plugins/api-auth.js';
import { basic, bearer, buildTestApp, createKey } from '../../support/mock-app.js';
import { KEYS_PAGE, createKeyInPage, getPage, postForm, signIn, type Signed } from './helpers.js';

let app: FastifyInstance;
let signed: Signed;
beforeAll(async () => {
  app = await buildTestApp({ lastUsedFlushMs: 60_000 });
  signed = await signIn(app);
});
afterAll(() => app.close());

const me = (key: string, userAgent?: string) =>
  app.inject({
    url: '/api/v1/me/',
    headers: { authorization: basic(key), ...(userAgent && { 'user-agent': userAgent }) },
  });
const submitName = (name: string) => postForm(app, KEYS_PAGE, { _csrf: signed.csrf, name }, signed);
const deleteKey = (id: string) =>
  postForm(app, `${KEYS_PAGE}/${id}/delete`, { _csrf: signed.csrf }, signed);
const listedIds = () => app.services.apiKeys.list().map((key) => key.id);
/** The `<dialog …>` opening tag with this id, to see whether the server rendered it open. */
const dialogTag = (html: string, id: string) =>
  new RegExp(`<dialog\\s+id="${id}"[^>]*>`).exec(html)?.[0] ?? '';

describe('the list', () => {
  test('shows each key with name, ID and copy button, created date, and "Never" before any use', async () => {
    const created = await createKeyInPage(app, signed, 'Listed key');
    const page = await getPage(app, KEYS_PAGE, signed);
    expect(page.statusCode).toBe(200);
    const row = new RegExp(`<tr id="key-${created.id}"[\\s\\S]*?</tr>`).exec(page.body)?.[0] ?? '';
    expect(row).toContain('Listed key');
    expect(row).toContain(`data-copy="${created.id}"`);
    expect(row).toMatch(/<time datetime="[^"]+\+00:00"/);
    expect(row).toContain('Never');
    expect(row).toContain(`href="${KEYS_PAGE}?delete=${created.id}"`);
  });

  test('explains key ID versus API key with the two shapes side by side', async () => {
    const page = await getPage(app, KEYS_PAGE, signed);
    expect(page.body).toContain('Key ID or API key?');
    expect(page.body).toContain('api_7b8KOSMa0OevK9qJvT6F9s</code>');
    expect(page.body).toContain('<span class="secret-part">2H3Bt8ktGaQ9kVK45P7j7p</span>');
  });

  test('?new and ?delete=<id> open the form and the confirmation without any script', async () => {
    const created = await createKeyInPage(app, signed, 'Confirm me');
    const plain = await getPage(app, KEYS_PAGE, signed);
    expect(dialogTag(plain.body, 'new-key-dialog')).not.toContain(' open');
    const form = await getPage(app, `${KEYS_PAGE}?new`, signed);
    expect(dialogTag(form.body, 'new-key-dialog')).toContain(' open');
    const confirm = await getPage(app, `${KEYS_PAGE}?delete=${created.id}`, signed);
    expect(dialogTag(confirm.body, `delete-${created.id}`)).toContain(' open');
    expect(confirm.body).toContain('stops working at once');
    expect(confirm.body).toContain('cannot be restored');
  });
});

describe('creating a key', () => {
  test('redirects, then shows the full key exactly once; afterwards only its ID', async () => {
    const before = listedIds().length;
    const created = await submitName('  Zapier  ');
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe(KEYS_PAGE);
    expect(created.body).toBe('');
    expect(listedIds()).toHaveLength(before + 1);

    const view = await getPage(app, KEYS_PAGE, signed);
    const id = /data-new-id="(api_[0-9A-Za-z]{22})"/.exec(view.body)?.[1] ?? '';
    const key = app.services.apiKeys.get(id);
    expect(key?.name).toBe('Zapier');
    expect(view.body).toContain('This is the only time the key is shown.');
    expect(view.body).toContain('data-copy-from="new-key-value"');
    const secret = new RegExp(
      `${id}<span class="dot">\\.</span><span class="secret-part">(\\w{22})<`,
    ).exec(view.body)?.[1];
    expect(secret).toMatch(/^[0-9A-Za-z]{22}$/);
    expect((await me(`${id}.${secret}`)).statusCode).toBe(200);

    const again = await getPage(app, KEYS_PAGE, signed);
    expect(again.body).not.toContain('data-one-time');
    expect(again.body).toContain(`id="key-${id}"`);
    expect(again.body).not.toContain(secret);
  });

  test('no page shows the secret after the one-time view, and the key works', async () => {
    const { key, id, secret } = await createKeyInPage(app, signed, 'Once only');
    expect((await me(key)).statusCode).toBe(200);
    for (const url of [
      '/',
      '/settings/login',
      KEYS_PAGE,
      `${KEYS_PAGE}?new`,
      `${KEYS_PAGE}?delete=${id}`,
    ]) {
      const page = await getPage(app, url, signed);
      expect(page.body).not.toContain(secret);
    }
    const other = await signIn(app);
    expect((await getPage(app, KEYS_PAGE, other)).body).not.toContain(secret);
  });

  test.each([
    ['', 'A name is required, e.g. "Zapier".'],
    ['   ', 'A name is required, e.g. "Zapier".'],
    ['x'.repeat(101), 'A name is at most 100 characters.'],
    ['two\nlines', 'A name cannot contain line breaks or other control characters.'],
  ])('refuses the name %j with 400, the message and the form open again', async (name, message) => {
    const before = listedIds().length;
    const response = await submitName(name);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(message.replaceAll('"', '&quot;'));
    expect(dialogTag(response.body, 'new-key-dialog')).toContain(' open');
    expect(response.body).toContain('aria-invalid="true"');
    expect(response.body).toContain('aria-describedby="key-name-hint key-name-error"');
    expect(listedIds()).toHaveLength(before);
  });

  test('refuses a name already used in the organization, whatever its case, and keeps the input', async () => {
    await createKeyInPage(app, signed, 'Internal sync');
    const response = await submitName(' internal SYNC ');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('A key named &quot;internal SYNC&quot; already exists.');
    expect(response.body).toContain('value="internal SYNC"');
  });
});

describe('key names are text, never markup', () => {
  const NAME = '<img src=x onerror=alert(1)>';
  const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';

  test('in the row, its labels, the one-time view and the confirmation', async () => {
    await submitName(NAME);
    const view = await getPage(app, KEYS_PAGE, signed);
    expect(view.body).toContain(`The key <strong>${ESCAPED}</strong> was created.`);
    expect(view.body).not.toContain('<img');
    const id = /data-new-id="([^"]+)"/.exec(view.body)?.[1] ?? '';
    const page = await getPage(app, `${KEYS_PAGE}?delete=${id}`, signed);
    expect(page.body).not.toContain('<img');
    expect(page.body).toContain(`data-label="Name">${ESCAPED}</th>`);
    expect(page.body).toContain(`aria-label="Copy ID of ${ESCAPED}"`);
    expect(page.body).toContain(`Delete the API key "${ESCAPED}"?`);
  });

  test('in the duplicate-name message and the refilled input', async () => {
    const response = await submitName(NAME);
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('<img');
    expect(response.body).toContain(`value="${ESCAPED}"`);
  });

  test('a quote cannot break out of an attribute', async () => {
    const name = '" autofocus onfocus="alert(1)';
    await createKeyInPage(app, signed, name);
    const page = await getPage(app, KEYS_PAGE, signed);
    expect(page.body).not.toContain('onfocus="alert(1)');
    expect(page.body).toContain('aria-label="Copy ID of &quot; autofocus onfocus=&quot;alert(1)"');
  });
});

describe('"Last Used"', () => {
  test('shows the time as "just now", and the exact time, IP address and user agent as text', async () => {
    const { key, id } = await createKeyInPage(app, signed, 'Used');
    const userAgent = 'Zapier <script>alert(1)</script>';
    expect((await me(key, userAgent)).statusCode).toBe(200);
    const page = await getPage(app, KEYS_PAGE, signed);
    const row = new RegExp(`<tr id="key-${id}"[\\s\\S]*?</tr>`).exec(page.body)?.[0] ?? '';
    expect(row).toMatch(/aria-describedby="used-api_\w+"\s*>\s*just now\s*</);
    expect(row).toContain('role="tooltip"');
    expect(row).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    expect(row).toContain('127.0.0.1');
    expect(row).toContain('Zapier &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(row).not.toContain('<script>');
  });

  test('says so when the client sent no user agent', async () => {
    const { key, id } = await createKeyInPage(app, signed, 'No agent');
    await app.inject({
      url: '/api/v1/me/',
      headers: { authorization: basic(key), 'user-agent': undefined },
    });
    const page = await getPage(app, KEYS_PAGE, signed);
    const row = new RegExp(`<tr id="key-${id}"[\\s\\S]*?</tr>`).exec(page.body)?.[0] ?? '';
    expect(row).toContain('(none sent)');
  });
});

describe('deleting a key', () => {
  test('cuts it off at once, removes it from the list and says what happened', async () => {
    const { key, id } = await createKeyInPage(app, signed, 'Doomed');
    expect((await me(key)).statusCode).toBe(200);
    const response = await deleteKey(id);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(KEYS_PAGE);
    const rejected = await me(key);
    expect(rejected.statusCode).toBe(401);
    expect(rejected.json()).toEqual({ error: AUTH_MESSAGES.rejected });
    const page = await getPage(app, KEYS_PAGE, signed);
    expect(page.body).toContain(`Deleted the API key &quot;Doomed&quot; (${id}).`);
    expect(page.body).not.toContain(`id="key-${id}"`);
    // The notice is shown once.
    expect((await getPage(app, KEYS_PAGE, signed)).body).not.toContain('Deleted the API key');
  });

  test('a second post for the same key, or an unknown ID, explains instead of failing', async () => {
    const { id } = await createKeyInPage(app, signed, 'Twice');
    for (const target of [id, id, 'api_0000000000000000000000', 'not-a-key-id']) {
      const response = await deleteKey(target);
      expect(response.statusCode).toBe(303);
    }
    const page = await getPage(app, KEYS_PAGE, signed);
    expect(page.body).toContain('That key no longer exists: it was already deleted.');
  });

  test('only deletes keys of the organization the page manages', async () => {
    const tenant = await app.inject({
      method: 'POST',
      url: '/_mock/organizations',
      headers: { authorization: bearer() },
      payload: { name: 'Other Co.', owner: { email: 'o@example.com', first_name: 'O' } },
    });
    const organizationId = tenant.json<{ organization: { id: string } }>().organization.id;
    const { key, id } = await createKey(app, {
      name: 'Elsewhere',
      organization_id: organizationId,
    });
    expect((await getPage(app, KEYS_PAGE, signed)).body).not.toContain(id);
    await deleteKey(id);
    expect((await me(key)).statusCode).toBe(200);
  });
});
