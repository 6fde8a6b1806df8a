/**
 * The Close integration's app definition: it only imports and registers. Operations live one
 * per file under triggers/, creates/ and searches/.
 */
import zapier, { defineApp } from 'zapier-platform-core';
import authentication from './authentication.js';
import completeTask from './creates/complete_task.js';
import createContact from './creates/create_contact.js';
import createLead from './creates/create_lead.js';
import createNote from './creates/create_note.js';
import createOpportunity from './creates/create_opportunity.js';
import createTask from './creates/create_task.js';
import logCall from './creates/log_call.js';
import updateContact from './creates/update_contact.js';
import updateLead from './creates/update_lead.js';
import updateOpportunity from './creates/update_opportunity.js';
import { INTEGRATION_VERSION } from './lib/config.js';
import { afters, befores } from './middleware.js';
import findContact from './searches/find_contact.js';
import findLead from './searches/find_lead.js';
import findOpportunity from './searches/find_opportunity.js';
import findUser from './searches/find_user.js';
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

const creates = [
  createLead,
  updateLead,
  createContact,
  updateContact,
  createOpportunity,
  updateOpportunity,
  createNote,
  logCall,
  createTask,
  completeTask,
];

const searches = [findLead, findContact, findOpportunity, findUser];

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
  creates: Object.fromEntries(creates.map((create) => [create.key, create])),
  searches: Object.fromEntries(searches.map((search) => [search.key, search])),
  // Find or create; when the search finds one, Zapier may update it with the update action.
  searchOrCreates: {
    find_lead: {
      key: 'find_lead',
      display: {
        label: 'Find or Create Lead',
        description: 'Finds a lead, or creates it if none matches.',
      },
      search: 'find_lead',
      create: 'create_lead',
      update: 'update_lead',
      updateInputFromSearchOutput: { lead_id: 'id' },
    },
    find_contact: {
      key: 'find_contact',
      display: {
        label: 'Find or Create Contact',
        description: 'Finds a contact by email or phone, or creates it if none matches.',
      },
      search: 'find_contact',
      create: 'create_contact',
      update: 'update_contact',
      updateInputFromSearchOutput: { contact_id: 'id' },
    },
  },
});
