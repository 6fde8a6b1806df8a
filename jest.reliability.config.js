// The long reliability tests (`test/**/*.reliability.ts`): crash safety, bad input at scale,
// concurrency. `npm run test:reliability` builds first (the crash test runs dist/mock/cli.js).
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: ['**/*.reliability.ts'],
  testTimeout: 120000,
};
