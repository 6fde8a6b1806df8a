/**
 * Close objects as they cross the wire, in zod: the mock server answers in these shapes and the
 * integration parses what it receives with them, so a drift between the two fails a test instead
 * of a user's Zap. Schemas are loose (`z.looseObject`): Close adds fields over time and a client
 * must not break on a field it does not know.
 */
import { z } from 'zod';

/** ISO 8601 with an explicit offset, as Close writes dates (`2024-05-01T12:00:00.123000+00:00`). */
export const closeDateTime = z.iso.datetime({ offset: true });

export const organizationSummarySchema = z.looseObject({
  id: z.string().startsWith('orga_'),
  name: z.string(),
});

export const membershipSchema = z.looseObject({
  id: z.string(),
  organization_id: z.string().startsWith('orga_'),
  user_id: z.string().startsWith('user_'),
  role_id: z.string(),
});

export const userSchema = z.looseObject({
  id: z.string().startsWith('user_'),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  display_name: z.string().optional(),
  image: z.string().nullable().optional(),
  date_created: closeDateTime,
  date_updated: closeDateTime,
});
export type CloseUser = z.infer<typeof userSchema>;

/** `GET /me/`: the key's user, with the organizations it belongs to. */
export const meSchema = userSchema.extend({
  organizations: z.array(organizationSummarySchema),
  memberships: z.array(membershipSchema),
  email_accounts: z.array(z.unknown()).optional(),
});
export type CloseMe = z.infer<typeof meSchema>;

/** Close's 400 body: `{"errors": [...], "field-errors": {"field": "message"}}`. */
export const fieldErrorsBodySchema = z.looseObject({
  errors: z.array(z.unknown()).optional(),
  'field-errors': z.record(z.string(), z.unknown()).optional(),
});

/** Close's other error bodies: `{"error": "…"}` (the error may also be an object). */
export const errorBodySchema = z.looseObject({
  error: z.union([z.string(), z.looseObject({ message: z.string().optional() })]),
});
