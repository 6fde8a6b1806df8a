/**
 * Connecting a Close account: one API key field, tested against `GET /me/`, labelled with the
 * user, organization and the key's ID (safe to share) so that a user rotating keys can match a
 * Zapier connection to a row of Close's key list.
 */
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { apiKeyIdOf, EXAMPLE_KEY, EXAMPLE_KEY_ID } from '../shared/api-key.js';
import { meSchema, type CloseMe } from '../shared/close-objects.js';
import { CLOSE_API_KEYS_HELP_URL } from './lib/config.js';
import { closeGet } from './lib/close-request.js';

/** What the test returns: Close's `/me/` plus the two fields the connection label needs. */
export type ConnectionTestResult = CloseMe & {
  display_name: string;
  organization_name: string;
  api_key_id: string;
};

export const connectionTest = async (z: ZObject, bundle: Bundle): Promise<ConnectionTestResult> => {
  try {
    const me = await closeGet(z, '/me/', meSchema);
    return {
      ...me,
      display_name: [me.first_name, me.last_name].filter(Boolean).join(' ') || me.email,
      organization_name: me.organizations[0]?.name ?? 'no organization',
      // The middleware has checked the key's shape, so the ID is there.
      api_key_id: apiKeyIdOf(bundle.authData.api_key) ?? '',
    };
  } catch (error) {
    // Outside the connection test a rejected key asks the user to reconnect; here the user is
    // connecting, so the same message is shown as a plain error.
    if (error instanceof Error && error.name === 'ExpiredAuthError') {
      throw new z.errors.Error(error.message, 'InvalidApiKey', 401);
    }
    throw error;
  }
};

/** A template rather than a function, so that `zapier-platform invoke auth label` can run it. */
export const CONNECTION_LABEL =
  '{{display_name}} ({{email}}) @ {{organization_name}} · key {{api_key_id}}';

export default {
  type: 'custom',
  fields: [
    {
      key: 'api_key',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText:
        'Create a key in Close under **Settings → Developer → API Keys** with "+ New API Key" ' +
        `([how](${CLOSE_API_KEYS_HELP_URL})), name it "Zapier", and paste it here. Close shows ` +
        'the key only once, so copy it right away. Paste the whole key, ' +
        `like \`${EXAMPLE_KEY}\`, not only its ID (\`${EXAMPLE_KEY_ID}\`).`,
    },
  ],
  test: connectionTest,
  connectionLabel: CONNECTION_LABEL,
} satisfies Authentication;
