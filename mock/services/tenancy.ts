/**
 * Organizations, users and memberships: who a key acts as. Every Close object the mock serves
 * belongs to one organization, and every API key to one user in one organization.
 */
import { statementCache, transaction, type Db } from '../store/db.js';
import { isoNow, newId } from '../store/ids.js';

export type Organization = { id: string; name: string; date_created: string; date_updated: string };
export type User = {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  date_created: string;
  date_updated: string;
};
export type Membership = {
  id: string;
  user_id: string;
  organization_id: string;
  role_id: string;
  date_created: string;
};

export const DEFAULT_ORGANIZATION = { name: 'Example Sales Co.' };
export const DEFAULT_USER = {
  email: 'sam.seller@example.com',
  first_name: 'Sam',
  last_name: 'Seller',
};

export type OrganizationListener = (organization: Organization) => void;

export class TenancyService {
  private readonly statement: ReturnType<typeof statementCache>;
  private readonly organizationListeners: OrganizationListener[] = [];

  constructor(private readonly db: Db) {
    this.statement = statementCache(db);
  }

  createOrganization(input: {
    name: string;
    owner: { email: string; first_name: string; last_name: string };
  }): { organization: Organization; user: User } {
    return transaction(this.db, () => {
      const now = isoNow();
      const organization: Organization = {
        id: newId('orga'),
        name: input.name,
        date_created: now,
        date_updated: now,
      };
      this.statement(
        'INSERT INTO organizations (id, name, date_created, date_updated) VALUES (?, ?, ?, ?)',
      ).run(organization.id, organization.name, now, now);
      const user = this.createUser(input.owner, organization.id);
      for (const listener of this.organizationListeners) listener(organization);
      return { organization, user };
    });
  }

  /** A user joined to `organizationId` (users may belong to several organizations). */
  createUser(
    input: { email: string; first_name: string; last_name: string },
    organizationId: string,
    roleId = 'admin',
  ): User {
    return transaction(this.db, () => {
      const now = isoNow();
      const user: User = { id: newId('user'), ...input, date_created: now, date_updated: now };
      this.statement(
        `INSERT INTO users (id, email, first_name, last_name, date_created, date_updated)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(user.id, user.email, user.first_name, user.last_name, now, now);
      this.addMember(user.id, organizationId, roleId);
      return user;
    });
  }

  /** Joins an existing user to an organization. */
  addMember(userId: string, organizationId: string, roleId: string): Membership {
    const membership: Membership = {
      id: newId('mem'),
      user_id: userId,
      organization_id: organizationId,
      role_id: roleId,
      date_created: isoNow(),
    };
    this.statement(
      `INSERT INTO memberships (id, user_id, organization_id, role_id, date_created)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(membership.id, userId, organizationId, roleId, membership.date_created);
    return membership;
  }

  membership(id: string): Membership | undefined {
    return this.statement('SELECT * FROM memberships WHERE id = ?').get(id) as
      Membership | undefined;
  }

  setRole(membershipId: string, roleId: string): void {
    this.statement('UPDATE memberships SET role_id = ? WHERE id = ?').run(roleId, membershipId);
  }

  userByEmail(email: string): User | undefined {
    return this.statement('SELECT * FROM users WHERE lower(email) = lower(?)').get(email) as
      User | undefined;
  }

  /** Runs inside the transaction that creates an organization (e.g. to give it defaults). */
  onOrganizationCreated(listener: OrganizationListener): void {
    this.organizationListeners.push(listener);
  }

  organizations(): Organization[] {
    return this.statement('SELECT * FROM organizations ORDER BY rowid').all() as Organization[];
  }

  /** The first organization ever created: the one the bootstrap key and `keys create` use. */
  defaultOrganization(): Organization | undefined {
    return this.statement('SELECT * FROM organizations ORDER BY rowid LIMIT 1').get() as
      Organization | undefined;
  }

  ensureDefaultTenant(): { organization: Organization; owner: User } {
    const existing = this.defaultOrganization();
    if (existing) {
      const owner = this.usersOf(existing.id)[0];
      if (!owner) throw new Error(`organization ${existing.id} has no users`);
      return { organization: existing, owner };
    }
    const { organization, user } = this.createOrganization({
      name: DEFAULT_ORGANIZATION.name,
      owner: DEFAULT_USER,
    });
    return { organization, owner: user };
  }

  organization(id: string): Organization | undefined {
    return this.statement('SELECT * FROM organizations WHERE id = ?').get(id) as
      Organization | undefined;
  }

  user(id: string): User | undefined {
    return this.statement('SELECT * FROM users WHERE id = ?').get(id) as User | undefined;
  }

  usersOf(organizationId: string): User[] {
    return this.statement(
      `SELECT users.* FROM users JOIN memberships ON memberships.user_id = users.id
       WHERE memberships.organization_id = ? ORDER BY memberships.rowid`,
    ).all(organizationId) as User[];
  }

  membershipsOf(userId: string): Membership[] {
    return this.statement('SELECT * FROM memberships WHERE user_id = ? ORDER BY rowid').all(
      userId,
    ) as Membership[];
  }

  isMember(userId: string, organizationId: string): boolean {
    return Boolean(
      this.statement('SELECT 1 FROM memberships WHERE user_id = ? AND organization_id = ?').get(
        userId,
        organizationId,
      ),
    );
  }

  getMeta(key: string): string | undefined {
    const row = this.statement('SELECT value FROM meta WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.statement(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
  }
}
