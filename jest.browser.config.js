// The browser tests (`npm run test:browser`): files named `*.browser.ts` under test/, run with
// Debian's Chromium. Kept out of `npm test`, whose `*.test.ts` pattern never matches them, so
// that the unit suite needs no browser.
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: ['**/*.browser.ts'],
  testTimeout: 60000,
};
