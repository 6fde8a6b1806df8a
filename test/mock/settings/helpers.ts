/**
 * What the settings page's tests share: signing in through the form as a browser would, posting
 * forms with the session cookie and CSRF token, and reading a key from its one-time view.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse as Response } from 'fastify';
import { TEST_ADMIN_TOKEN } from '../../support/mock-app.js';

export const KEYS_PAGE = '/settings/api-keys';

export type Signed = { cookie: string; csrf: string };

export function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string>,
  options: { cookie?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const request: InjectOptions = {
    method: 'POST',
    url,
    payload: new URLSearchParams(fields).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(options.cookie && { cookie: options.cookie }),
      ...options.headers,
    },
  };
  return app.inject(request);
}

export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF token in the page');
  return match[1];
}

export async function signIn(app: FastifyInstance): Promise<Signed> {
  const login = await postForm(app, '/settings/login', { token: TEST_ADMIN_TOKEN });
  const session = login.cookies.find((cookie) => cookie.name === 'close_mock_settings');
  if (login.statusCode !== 303 || !session) throw new Error(`sign-in failed: ${login.statusCode}`);
  const cookie = `${session.name}=${session.value}`;
  const page = await app.inject({ url: KEYS_PAGE, headers: { cookie } });
  return { cookie, csrf: csrfOf(page.body) };
}

export function getPage(app: FastifyInstance, url: string, signed: Signed): Promise<Response> {
  return app.inject({ url, headers: { cookie: signed.cookie } });
}

/** Creates a key through the form and returns the full key from its one-time view. */
export async function createKeyInPage(
  app: FastifyInstance,
  signed: Signed,
  name: string,
): Promise<{ key: string; id: string; secret: string }> {
  const created = await postForm(app, KEYS_PAGE, { _csrf: signed.csrf, name }, signed);
  if (created.statusCode !== 303) throw new Error(`create failed: ${created.statusCode}`);
  const view = await getPage(app, KEYS_PAGE, signed);
  const shown = /<code id="new-key-value"[^>]*>([\s\S]*?)<\/code\s*>/.exec(view.body)?.[1];
  const match = /^(api_[0-9A-Za-z]{22})\.([0-9A-Za-z]{22})$/.exec(
    (shown ?? '').replace(/<[^>]*>/g, '').replace(/\s/g, ''),
  );
  if (!match?.[1] || !match[2]) throw new Error('no one-time key in the page');
  return { id: match[1], secret: match[2], key: `${match[1]}.${match[2]}` };
}
