/**
 * Names and labels that Close shows next to IDs (`status_label`, `user_name`, `lead_name`, …),
 * looked up once per request for one organization and reused for every object presented.
 */
import type { User } from './tenancy.js';
import type { Crm } from './crm.js';
import { valuesIn } from './listing.js';
import type { LeadStatus, OpportunityStatus } from './statuses.js';

export class Lookups {
  private users?: Map<string, User>;
  private leadStatuses?: Map<string, LeadStatus>;
  private opportunityStatuses?: Map<string, OpportunityStatus>;
  private readonly leadNames = new Map<string, string | null>();

  constructor(
    private readonly crm: Crm,
    readonly organizationId: string,
  ) {}

  user(id: string | null | undefined): User | undefined {
    this.users ??= new Map(
      this.crm.tenancy.usersOf(this.organizationId).map((user) => [user.id, user]),
    );
    return id ? this.users.get(id) : undefined;
  }

  userName(id: string | null | undefined): string | null {
    const user = this.user(id);
    return user ? `${user.first_name} ${user.last_name}`.trim() : null;
  }

  leadStatus(id: string): LeadStatus | undefined {
    this.leadStatuses ??= new Map(
      this.crm.statuses.leadStatuses(this.organizationId).map((s) => [s.id, s]),
    );
    return this.leadStatuses.get(id);
  }

  opportunityStatus(id: string): OpportunityStatus | undefined {
    this.opportunityStatuses ??= new Map(
      this.crm.statuses.opportunityStatuses(this.organizationId).map((s) => [s.id, s]),
    );
    return this.opportunityStatuses.get(id);
  }

  /** Lead names, fetched in one query for every ID not seen yet. */
  leadName(id: string): string | null {
    if (!this.leadNames.has(id)) this.prefetchLeadNames([id]);
    return this.leadNames.get(id) ?? null;
  }

  prefetchLeadNames(ids: Iterable<string>): void {
    const missing = [...new Set(ids)].filter((id) => !this.leadNames.has(id));
    for (const id of missing) this.leadNames.set(id, null);
    // Bound lists of placeholders, and `+organization_id` so that the planner looks each ID up in
    // the primary key instead of walking the organization's index.
    for (let start = 0; start < missing.length; start += 500) {
      const { sql, params } = valuesIn('id', missing.slice(start, start + 500));
      const rows = this.crm.db
        .prepare(
          `SELECT id, json_extract(body, '$.display_name') AS name FROM leads
           WHERE +organization_id = ? AND ${sql}`,
        )
        .all(this.organizationId, ...params);
      for (const row of rows)
        this.leadNames.set(String(row.id), row.name === null ? null : String(row.name));
    }
  }
}
