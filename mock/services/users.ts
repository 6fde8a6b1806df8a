/**
 * The users of an organization (`/user/`) and memberships (`/membership/`): adding someone by
 * email (a new user when the address is new), and changing a member's role. Users are shared
 * between organizations; what a key sees of them is limited to its own organization's members.
 */
import { ApiError, notFound } from '../errors.js';
import { transaction } from '../store/db.js';
import { found, type WriteContext, changeRecorder, type RecordChange } from './context.js';
import type { Crm } from './crm.js';
import type { Membership, User } from './tenancy.js';

export const ROLES = ['admin', 'superuser', 'user', 'restricteduser'] as const;
export type RoleId = (typeof ROLES)[number];

export type UserListing = User & { display_name: string; image: null };

export class UserService {
  private readonly record: RecordChange<Membership>;

  constructor(private readonly crm: Crm) {
    this.record = changeRecorder(crm.events, 'membership', () => null);
  }

  list(organizationId: string): UserListing[] {
    return this.crm.tenancy.usersOf(organizationId).map(listing);
  }

  get(organizationId: string, id: string): UserListing | undefined {
    const user = this.crm.tenancy.user(id);
    return user && this.crm.tenancy.isMember(id, organizationId) ? listing(user) : undefined;
  }

  addMember(
    context: WriteContext,
    input: {
      email: string;
      role_id: RoleId;
      first_name?: string | undefined;
      last_name?: string | undefined;
    },
  ): Membership {
    return transaction(this.crm.db, () => {
      const { tenancy } = this.crm;
      const existing = tenancy.userByEmail(input.email);
      if (existing && tenancy.isMember(existing.id, context.organizationId)) {
        throw new ApiError(400, `${input.email} is already a member of this organization.`);
      }
      const userId =
        existing?.id ??
        tenancy.createUser(
          {
            email: input.email,
            first_name: input.first_name ?? input.email.split('@')[0] ?? '',
            last_name: input.last_name ?? '',
          },
          context.organizationId,
          input.role_id,
        ).id;
      const membership = existing
        ? tenancy.addMember(userId, context.organizationId, input.role_id)
        : found(this.membershipOf(userId, context.organizationId), 'Membership');
      this.record(context, 'created', membership);
      return membership;
    });
  }

  setRole(context: WriteContext, id: string, roleId: RoleId): Membership {
    return transaction(this.crm.db, () => {
      const before = this.crm.tenancy.membership(id);
      if (!before || before.organization_id !== context.organizationId)
        throw notFound('Membership');
      if (before.role_id === roleId) return before;
      this.crm.tenancy.setRole(id, roleId);
      const after = { ...before, role_id: roleId };
      this.record(context, 'updated', after, { role_id: before.role_id });
      return after;
    });
  }

  private membershipOf(userId: string, organizationId: string): Membership | undefined {
    return this.crm.tenancy
      .membershipsOf(userId)
      .find((membership) => membership.organization_id === organizationId);
  }
}

function listing(user: User): UserListing {
  return { ...user, display_name: `${user.first_name} ${user.last_name}`.trim(), image: null };
}
