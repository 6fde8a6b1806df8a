/**
 * Settings → API Keys as a developer uses it, in Debian's Chromium against a real mock server:
 * sign in with the admin token, create a key, copy it from the one-time view, use it against
 * `/api/v1/me/` with a custom user agent, see that use in the "Last Used" tooltip, delete the
 * key and see the API reject it. Each state is saved as a screenshot under
 * test-artifacts/browser/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import got from 'got';
import type { Page } from 'playwright-core';
import { AUTH_MESSAGES } from '../../mock/plugins/api-auth.js';
import { startServer, type RunningServer } from '../../mock/server.js';
import { artifactPath, launchChromium, type Browser } from './chromium.js';

const ADMIN_TOKEN = 'mock_admin_browser-test-token-0123456789';
const USER_AGENT = 'KeyPageBrowserTest/1.0 (playwright-core; Debian Chromium)';
const KEY_PATTERN = /^(api_[0-9A-Za-z]{22})\.[0-9A-Za-z]{22}$/;

let server: RunningServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const shot = (name: string) => page.screenshot({ path: artifactPath('browser', name) });

function callMe(key: string) {
  return got(`${server.url}/api/v1/me/`, {
    username: key,
    password: '',
    headers: { 'user-agent': USER_AGENT },
    throwHttpErrors: false,
    retry: { limit: 0 },
    responseType: 'json',
  });
}

async function readClipboard(): Promise<string> {
  return String(await page.evaluate('navigator.clipboard.readText()'));
}

beforeAll(async () => {
  server = await startServer({ adminToken: ADMIN_TOKEN, lastUsedFlushMs: 50 });
  browser = await launchChromium();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: server.url,
  });
  page = await browser.context.newPage();
  // Everything is local: an element that is not there within seconds will not come.
  page.setDefaultTimeout(5000);
  // Any script error or Content-Security-Policy violation shows up here and fails the suite;
  // the 400 and 401 answers to the rejected forms this test sends on purpose are expected.
  page.on('console', (message) => {
    const expected = /^Failed to load resource: .* status of 40[01] /.test(message.text());
    if (message.type() === 'error' && !expected) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Settings → API Keys in Chromium', () => {
  let key = '';
  let keyId = '';

  test('the front page links to the page, which asks for the admin token first', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Settings → API Keys' }).click();
    await expect(page.getByRole('heading', { name: /Sign in/ })).toBeTruthy();
    expect(new URL(page.url()).pathname).toBe('/settings/login');

    await page.getByLabel('Admin token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That is not this server’s admin token').waitFor();
    expect(await page.getByLabel('Admin token').inputValue()).toBe('');
    await shot('01-sign-in-rejected');

    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'API Keys', level: 1 }).waitFor();
    expect(page.url()).toBe(`${server.url}/settings/api-keys`);
    expect(page.url()).not.toContain(ADMIN_TOKEN);
    // The bootstrap key is listed, never used.
    const bootstrap = page.getByRole('row', { name: /Bootstrap key/ });
    await expect(bootstrap.getByText('Never').isVisible()).resolves.toBe(true);
    await shot('02-key-list');
  });

  test('"+ New API Key" asks for a name and explains an empty or duplicate one', async () => {
    await page.getByRole('link', { name: 'New API Key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API Key' });
    await dialog.waitFor();
    const name = dialog.getByLabel('Name');
    await expect(
      name.evaluate((input) => input === input.ownerDocument.activeElement),
    ).resolves.toBe(true);
    await name.fill('   ');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const reopened = page.getByRole('dialog', { name: 'New API Key' });
    await reopened.getByText('A name is required').waitFor();
    await shot('03-new-key-name-required');

    await reopened.getByLabel('Name').fill('bootstrap KEY');
    await reopened.getByRole('button', { name: 'Create key' }).click();
    await page.getByText('A key named "bootstrap KEY" already exists').waitFor();
    expect(await page.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    await shot('04-new-key-name-taken');
  });

  test('a created key is shown once, with a copy button and the warning', async () => {
    await page.getByLabel('Name').fill('  Browser test  ');
    await page.getByRole('button', { name: 'Create key' }).click();
    const oneTime = page.getByRole('dialog', { name: 'Copy your new API key' });
    await oneTime.waitFor();
    key = (await oneTime.locator('#new-key-value').textContent()) ?? '';
    const match = KEY_PATTERN.exec(key);
    expect(match).not.toBeNull();
    keyId = match?.[1] ?? '';
    // The view opens with the focus on "Copy key", the one thing to do there.
    expect(await page.evaluate('document.activeElement.textContent.trim()')).toBe('Copy key');
    await expect(
      oneTime.getByText('This is the only time the key is shown.').isVisible(),
    ).resolves.toBe(true);

    await oneTime.getByRole('button', { name: 'Copy key' }).click();
    await oneTime.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await readClipboard()).toBe(key);
    await shot('05-one-time-key');

    await oneTime.getByRole('button', { name: 'Done' }).click();
    await oneTime.waitFor({ state: 'detached' });
    // Closing the view leaves only the ID: the key is nowhere in the page, nor after a reload.
    expect(await page.content()).not.toContain(key);
    const row = page.getByRole('row', { name: /Browser test/ });
    await expect(row.getByText(keyId).isVisible()).resolves.toBe(true);
    await expect(row.getByText('Never').isVisible()).resolves.toBe(true);
    await page.reload();
    expect(await page.content()).not.toContain(key.split('.')[1]);
    await shot('06-key-created');
  });

  test('the ID copy button copies the ID, not the key', async () => {
    const row = page.getByRole('row', { name: /Browser test/ });
    await row.getByRole('button', { name: 'Copy ID of Browser test' }).click();
    await row.locator('[data-copied]').waitFor();
    expect(await readClipboard()).toBe(keyId);
  });

  test('a use of the key shows in "Last Used": the time, the IP address and the user agent', async () => {
    const me = await callMe(key);
    expect(me.statusCode).toBe(200);
    await page.reload();
    const row = page.getByRole('row', { name: /Browser test/ });
    const trigger = row.getByRole('button', { name: 'just now' });
    const tooltip = row.getByRole('tooltip');
    await expect(tooltip.isVisible()).resolves.toBe(false);

    await trigger.hover();
    await tooltip.waitFor({ state: 'visible' });
    const text = (await tooltip.textContent()) ?? '';
    expect(text).toContain('127.0.0.1');
    expect(text).toContain(USER_AGENT);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    await shot('07-last-used-hover');

    // The same by keyboard: focus shows it, Escape hides it.
    await page.mouse.move(0, 0);
    await tooltip.waitFor({ state: 'hidden' });
    await trigger.focus();
    await tooltip.waitFor({ state: 'visible' });
    await expect(trigger.getAttribute('aria-describedby')).resolves.toBe(
      await tooltip.getAttribute('id'),
    );
    await page.keyboard.press('Escape');
    await tooltip.waitFor({ state: 'hidden' });
  });

  test('delete sits in the row\'s "…" menu, behind a confirmation, and cuts the key off', async () => {
    const row = page.getByRole('row', { name: /Browser test/ });
    await row.getByLabel('Actions for Browser test').click();
    await shot('08-row-menu');
    await row.getByRole('link', { name: 'Delete…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the API key "Browser test"?' });
    await confirm.waitFor();
    const warning = (await confirm.textContent()) ?? '';
    expect(warning).toContain('stops working at once');
    expect(warning).toContain('cannot be restored');
    await shot('09-delete-confirmation');

    // Cancel keeps it, and gives focus back to the menu button.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await page.evaluate('document.activeElement.getAttribute("aria-label")')).toBe(
      'Actions for Browser test',
    );
    expect(await callMe(key).then((response) => response.statusCode)).toBe(200);

    await row.getByLabel('Actions for Browser test').click();
    await row.getByRole('link', { name: 'Delete…' }).click();
    await confirm.getByRole('button', { name: 'Delete key' }).click();
    await page.getByText('Deleted the API key "Browser test"').waitFor();
    await expect(page.getByRole('row', { name: /Browser test/ }).count()).resolves.toBe(0);
    await shot('10-key-deleted');

    const rejected = await callMe(key);
    expect(rejected.statusCode).toBe(401);
    expect(rejected.body).toEqual({ error: AUTH_MESSAGES.rejected });
  });

  test('at phone width, by keyboard alone: create a key, close the view, land on its row', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/settings/api-keys`);
    await page.getByRole('link', { name: 'New API Key' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Phone');
    await page.keyboard.press('Enter');
    const oneTime = page.getByRole('dialog', { name: 'Copy your new API key' });
    await oneTime.waitFor();
    const phoneKey = (await oneTime.locator('#new-key-value').textContent()) ?? '';
    expect(phoneKey).toMatch(KEY_PATTERN);
    await shot('11-phone-one-time-key');

    await page.keyboard.press('Escape');
    await oneTime.waitFor({ state: 'detached' });
    const focused = await page.evaluate('document.activeElement.getAttribute("aria-label")');
    expect(focused).toBe('Copy ID of Phone');
    expect(await page.content()).not.toContain(phoneKey);

    await callMe(phoneKey);
    await page.reload();
    await page
      .getByRole('row', { name: /Phone/ })
      .getByRole('button', { name: 'just now' })
      .focus();
    await shot('12-phone-list-last-used');
    const overflow = await page.evaluate('document.documentElement.scrollWidth > innerWidth');
    expect(overflow).toBe(false);
  });

  test('a name written as markup shows as text and runs nothing', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const alerts: string[] = [];
    page.on('dialog', (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss();
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('link', { name: 'New API Key' }).click();
    await page.getByLabel('Name').fill(name);
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByRole('dialog', { name: 'Copy your new API key' }).getByText(name).waitFor();
    await page.keyboard.press('Escape');
    const row = page.getByRole('row', { name: /img src=x/ });
    await expect(row.getByRole('rowheader').textContent()).resolves.toBe(name);
    await expect(page.locator('.keys img').count()).resolves.toBe(0);
    await shot('13-markup-name-as-text');
    expect(alerts).toEqual([]);
  });

  test('the pages raised no script error and no Content-Security-Policy violation', () => {
    expect(problems).toEqual([]);
  });
});

describe('Settings → API Keys without JavaScript', () => {
  let noScript: Browser;
  let plain: Page;

  beforeAll(async () => {
    noScript = await launchChromium({ javaScriptEnabled: false });
    plain = await noScript.context.newPage();
    plain.setDefaultTimeout(5000);
  });
  afterAll(() => noScript?.close());

  test('signing in, creating a key, seeing it once and deleting it all work', async () => {
    await plain.goto(`${server.url}/settings/login`);
    await plain.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await plain.getByRole('button', { name: 'Sign in' }).click();
    await plain.getByRole('link', { name: 'New API Key' }).click();
    expect(new URL(plain.url()).search).toBe('?new');
    await plain.getByLabel('Name').fill('No script');
    await plain.getByRole('button', { name: 'Create key' }).click();
    const oneTime = plain.getByRole('dialog', { name: 'Copy your new API key' });
    const shown = (await oneTime.locator('#new-key-value').textContent()) ?? '';
    expect(shown).toMatch(KEY_PATTERN);
    // No copy button that could not copy: the key is selectable text instead.
    await expect(plain.getByRole('button', { name: /^Copy/ }).count()).resolves.toBe(0);
    await plain.screenshot({ path: artifactPath('browser', '14-no-script-one-time-key') });
    await oneTime.getByRole('button', { name: 'Done' }).click();
    await oneTime.waitFor({ state: 'hidden' });

    await plain.reload();
    expect(await plain.content()).not.toContain(shown);
    const row = plain.getByRole('row', { name: /No script/ });
    await row.getByLabel('Actions for No script').click();
    await row.getByRole('link', { name: 'Delete…' }).click();
    await plain.getByRole('button', { name: 'Delete key' }).click();
    await plain.getByText('Deleted the API key "No script"').waitFor();
    expect((await callMe(shown)).statusCode).toBe(401);
  });
});
