/**
 * Debian's Chromium (`apt-get install -y chromium`) under playwright-core, for the browser tests.
 * A fresh profile every time, and the flags that keep Chromium from reaching for the network at
 * start (background networking, component updates, sync): on a closed network those
 * connections are refused and only slow the browser down. Screenshots go to test-artifacts/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type Browser = { context: BrowserContext; close: () => Promise<void> };

export async function launchChromium(
  options: { javaScriptEnabled?: boolean } = {},
): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Install Debian's: apt-get update && apt-get install -y chromium`,
    );
  }
  // playwright passes --user-data-dir itself for a persistent context: a new empty one here.
  const profile = mkdtempSync(path.join(tmpdir(), 'close-mock-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function artifactPath(folder: string, name: string): string {
  const dir = path.resolve('test-artifacts', folder);
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}
