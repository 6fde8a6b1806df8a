/**
 * Where the integration sends requests and how it names itself. The base URL comes from
 * CLOSE_API_BASE_URL so that tests, `zapier-platform invoke` and developers can point the
 * integration at the mock Close server; the User-Agent names this integration and its version,
 * so that the key's "Last Used" entry in Close tells the user which integration used it.
 */
import zapier from 'zapier-platform-core';
import packageJson from '../../package.json' with { type: 'json' };

export const DEFAULT_CLOSE_API_BASE_URL = 'https://api.close.com';
export const INTEGRATION_VERSION = packageJson.version;
export const USER_AGENT = `Zapier-Close-Integration/${INTEGRATION_VERSION} (zapier-platform-core/${zapier.version})`;
export const CLOSE_API_KEYS_HELP_URL = 'https://help.close.com/docs/api-keys-oauth';
export const REQUEST_TIMEOUT_MS = 20_000;

/** The API root, `<base>/api/v1`, whether or not the configured base already ends in it. */
export function closeApiRoot(env: NodeJS.ProcessEnv = process.env): string {
  const base = (env.CLOSE_API_BASE_URL?.trim() || DEFAULT_CLOSE_API_BASE_URL).replace(/\/+$/, '');
  return base.endsWith('/api/v1') ? base : `${base}/api/v1`;
}

/** The web app's URL for an object (`html_url` when Close sends none), e.g. a lead's page. */
export function closeAppUrl(path: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CLOSE_API_BASE_URL?.trim();
  const base = configured
    ? configured.replace(/\/+$/, '').replace(/\/api\/v1$/, '')
    : 'https://app.close.com';
  return `${base}/${path.replace(/^\/+/, '')}`;
}
