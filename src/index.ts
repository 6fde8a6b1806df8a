/**
 * The Close integration's app definition: it only imports and registers. Operations live one
 * per file under triggers/, creates/ and searches/.
 */
import zapier, { defineApp } from 'zapier-platform-core';
import authentication from './authentication.js';
import { INTEGRATION_VERSION } from './lib/config.js';
import { afters, befores } from './middleware.js';
import leadList from './triggers/lead_list.js';
import leadStatusChanged from './triggers/lead_status_changed.js';
import leadStatusList from './triggers/lead_status_list.js';
import newActivity from './triggers/new_activity.js';
import newContact from './triggers/new_contact.js';
import newLead from './triggers/new_lead.js';
import newLeadInSmartView from './triggers/new_lead_in_smart_view.js';
import newOpportunity from './triggers/new_opportunity.js';
import newTask from './triggers/new_task.js';
import opportunityStatusChanged from './triggers/opportunity_status_changed.js';
import opportunityStatusList from './triggers/opportunity_status_list.js';
import pipelineList from './triggers/pipeline_list.js';
import smartViewList from './triggers/smart_view_list.js';
import taskCompleted from './triggers/task_completed.js';
import userList from './triggers/user_list.js';

const dropdowns = [
  leadList,
  leadStatusList,
  opportunityStatusList,
  pipelineList,
  smartViewList,
  userList,
];

const triggers = [
  newLead,
  leadStatusChanged,
  newContact,
  newOpportunity,
  opportunityStatusChanged,
  newActivity,
  newTask,
  taskCompleted,
  newLeadInSmartView,
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
  triggers: Object.fromEntries(
    [...triggers, ...dropdowns].map((trigger) => [trigger.key, trigger]),
  ),
  creates: {},
  searches: {},
});
