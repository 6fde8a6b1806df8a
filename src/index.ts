/**
 * The Close integration's app definition: it only imports and registers. Operations live one
 * per file under triggers/, creates/ and searches/.
 */
import zapier, { defineApp } from 'zapier-platform-core';
import authentication from './authentication.js';
import { INTEGRATION_VERSION } from './lib/config.js';
import { afters, befores } from './middleware.js';
import leadList from './triggers/lead_list.js';
import leadStatusList from './triggers/lead_status_list.js';
import opportunityStatusList from './triggers/opportunity_status_list.js';
import pipelineList from './triggers/pipeline_list.js';
import smartViewList from './triggers/smart_view_list.js';
import userList from './triggers/user_list.js';

const dropdowns = [
  leadList,
  leadStatusList,
  opportunityStatusList,
  pipelineList,
  smartViewList,
  userList,
];

export default defineApp({
  version: INTEGRATION_VERSION,
  platformVersion: zapier.version,
  authentication,
  // Every request goes through z.request, which core logs itself; its patch of node's http
  // module would only add a second log path, and it corrupts other HTTP clients in the same
  // process (the end-to-end tests' got).
  flags: { skipHttpPatch: true },
  beforeRequest: [...befores],
  afterResponse: [...afters],
  triggers: Object.fromEntries(dropdowns.map((trigger) => [trigger.key, trigger])),
  creates: {},
  searches: {},
});
