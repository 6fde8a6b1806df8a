/**
 * Signing in to Settings → API Keys: the admin token in a form body only, a session cookie that
 * scripts and other sites cannot use, and sign-out that really ends the session.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, TEST_ADMIN_TOKEN as ADMIN_TOKEN } from '../../support/mock-app.js';
import { KEYS_PAGE, csrfOf, postForm, signIn } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

describe('signing in', () => {
  test('the front page links to Settings → API Keys', async () => {
    const home = await app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.body).toContain(`href="${KEYS_PAGE}"`);
  });

  test('a visitor without a session is sent to the sign-in form', async () => {
    const page = await app.inject({ url: KEYS_PAGE });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/settings/login');
    const form = await app.inject({ url: '/settings/login' });
    expect(form.body).toContain('<form method="post" action="/settings/login"');
    expect(form.body).toContain('type="password"');
  });

  test('a wrong token is refused with 401 and is not written back into the form', async () => {
    const wrong = 'mock_admin_guess-1234567890';
    const response = await postForm(app, '/settings/login', { token: wrong });
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('That is not this server’s admin token');
    expect(response.body).not.toContain(wrong);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  test('an empty token asks for one', async () => {
    const response = await postForm(app, '/settings/login', { token: '  ' });
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('Enter the admin token.');
  });

  test('the token in the query string instead of the body does not sign in', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/settings/login?token=${ADMIN_TOKEN}`,
    });
    expect(response.statusCode).toBe(401);
  });

  test('the right token sets an HttpOnly, SameSite=Strict session cookie and opens the page', async () => {
    const response = await postForm(app, '/settings/login', { token: ` ${ADMIN_TOKEN} ` });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(KEYS_PAGE);
    const [cookie] = response.cookies;
    expect(cookie).toMatchObject({
      name: 'close_mock_settings',
      httpOnly: true,
      sameSite: 'Strict',
      path: '/settings',
    });
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie?.value).not.toContain(ADMIN_TOKEN);
    const page = await app.inject({
      url: KEYS_PAGE,
      headers: { cookie: `close_mock_settings=${cookie?.value}` },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>API Keys</h1>');
  });

  test('a signed-in visitor of the sign-in form goes straight to the page', async () => {
    const { cookie } = await signIn(app);
    const form = await app.inject({ url: '/settings/login', headers: { cookie } });
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe(KEYS_PAGE);
  });

  test('a cookie that matches no session (say, after a restart) leads to sign-in with a reason', async () => {
    const page = await app.inject({
      url: KEYS_PAGE,
      headers: { cookie: 'close_mock_settings=forged-or-stale' },
    });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/settings/login?expired');
    const form = await app.inject({ url: '/settings/login?expired' });
    expect(form.body).toContain('Your session ended');
  });
});

describe('signing out and in again', () => {
  test('signing out ends the session: the old cookie no longer opens the page', async () => {
    const signed = await signIn(app);
    const out = await postForm(app, '/settings/logout', { _csrf: signed.csrf }, signed);
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/settings/login?signed_out');
    expect(out.headers['set-cookie']).toContain('Max-Age=0');
    const page = await app.inject({ url: KEYS_PAGE, headers: { cookie: signed.cookie } });
    expect(page.statusCode).toBe(303);
  });

  test('signing out needs the CSRF token: another site cannot sign you out', async () => {
    const signed = await signIn(app);
    const out = await postForm(app, '/settings/logout', {}, signed);
    expect(out.statusCode).toBe(403);
    const page = await app.inject({ url: KEYS_PAGE, headers: { cookie: signed.cookie } });
    expect(page.statusCode).toBe(200);
  });

  test('signing in again replaces the session, so a cookie planted before sign-in is worthless', async () => {
    const first = await signIn(app);
    const again = await postForm(app, '/settings/login', { token: ADMIN_TOKEN }, first);
    const [fresh] = again.cookies;
    expect(fresh?.value).not.toBe(first.cookie.split('=')[1]);
    const old = await app.inject({ url: KEYS_PAGE, headers: { cookie: first.cookie } });
    expect(old.statusCode).toBe(303);
    const page = await app.inject({
      url: KEYS_PAGE,
      headers: { cookie: `close_mock_settings=${fresh?.value}` },
    });
    expect(csrfOf(page.body)).not.toBe(first.csrf);
  });
});
