/**
 * The Close integration's app definition: it only imports and registers. Operations live one
 * per file under triggers/, creates/ and searches/.
 */
import zapier, { defineApp } from 'zapier-platform-core';
import authentication from './authentication.js';
import { INTEGRATION_VERSION } from './lib/config.js';
import { afters, befores } from './middleware.js';

export default defineApp({
  version: INTEGRATION_VERSION,
  platformVersion: zapier.version,
  authentication,
  beforeRequest: [...befores],
  afterResponse: [...afters],
  triggers: {},
  creates: {},
  searches: {},
});
