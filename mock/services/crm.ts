/**
 * The CRM part of the mock: one service per resource family over one database, wired together
 * here because they reach into each other (a lead's delete removes its contacts, a status change
 * writes an activity, …). Every write records its event through `events` in the same
 * transaction.
 */
import type { Db } from '../store/db.js';
import { ActivityService } from './activities.js';
import { ContactService } from './contacts.js';
import { CustomFieldService } from './custom-fields.js';
import type { EventService } from './events.js';
import { LeadService } from './leads.js';
import { OpportunityService } from './opportunities.js';
import { SavedSearchService } from './saved-searches.js';
import { SearchService } from './search.js';
import { StatusService } from './statuses.js';
import { TaskService } from './tasks.js';
import type { TenancyService } from './tenancy.js';
import { registerTextFunctions } from './text.js';
import { UserService } from './users.js';

export class Crm {
  readonly statuses: StatusService;
  readonly customFields: CustomFieldService;
  readonly leads: LeadService;
  readonly contacts: ContactService;
  readonly opportunities: OpportunityService;
  readonly activities: ActivityService;
  readonly tasks: TaskService;
  readonly savedSearches: SavedSearchService;
  readonly search: SearchService;
  readonly users: UserService;

  constructor(
    readonly db: Db,
    readonly events: EventService,
    readonly tenancy: TenancyService,
  ) {
    registerTextFunctions(db);
    this.statuses = new StatusService(this);
    this.customFields = new CustomFieldService(this);
    this.leads = new LeadService(this);
    this.contacts = new ContactService(this);
    this.opportunities = new OpportunityService(this);
    this.activities = new ActivityService(this);
    this.tasks = new TaskService(this);
    this.savedSearches = new SavedSearchService(this);
    this.search = new SearchService(this);
    this.users = new UserService(this);
  }
}
