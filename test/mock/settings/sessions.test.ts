/**
 * The settings page's in-memory sessions, on a clock the test moves: idle expiry, the one-shot
 * flash that carries a created key to exactly one page view, and the cap on their number.
 */
import { describe, expect, test } from '@jest/globals';
import {
  SessionStore,
  csrfTokenMatches,
  sessionCookie,
  sessionIdFromCookies,
} from '../../../mock/routes/settings/sessions.js';

function clock() {
  let now = 1_700_000_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}
const HOUR = 3600 * 1000;

describe('SessionStore', () => {
  test('a session lives while it is used and ends after 8 idle hours', () => {
    const time = clock();
    const store = new SessionStore(time.now);
    const session = store.create();
    time.advance(7 * HOUR);
    expect(store.get(session.id)).toBe(session);
    time.advance(7 * HOUR);
    expect(store.get(session.id)).toBe(session);
    time.advance(8 * HOUR);
    expect(store.get(session.id)).toBeUndefined();
  });

  test('IDs and CSRF tokens are random, 256-bit, and differ per session', () => {
    const store = new SessionStore();
    const [a, b] = [store.create(), store.create()];
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set([a.id, b.id, a.csrfToken, b.csrfToken]).size).toBe(4);
  });

  test('a created key is handed out once, and not at all after five minutes', () => {
    const time = clock();
    const store = new SessionStore(time.now);
    const session = store.create();
    const created = { id: 'api_x', name: 'n', key: 'api_x.secret' };
    store.holdCreatedKey(session, created);
    expect(store.takeFlash(session)).toMatchObject({ kind: 'created', ...created });
    expect(store.takeFlash(session)).toBeUndefined();

    store.holdCreatedKey(session, created);
    time.advance(5 * 60 * 1000);
    expect(store.takeFlash(session)).toBeUndefined();
    expect(JSON.stringify(session)).not.toContain('secret');
  });

  test('holds at most 100 sessions, dropping the oldest', () => {
    const store = new SessionStore();
    const first = store.create();
    for (let index = 0; index < 100; index += 1) store.create();
    expect(store.get(first.id)).toBeUndefined();
  });
});

test('the CSRF check needs the exact token', () => {
  const session = new SessionStore().create();
  expect(csrfTokenMatches(session, session.csrfToken)).toBe(true);
  expect(csrfTokenMatches(session, undefined)).toBe(false);
  expect(csrfTokenMatches(session, session.csrfToken.slice(1))).toBe(false);
  const last = session.csrfToken.at(-1) === 'A' ? 'B' : 'A';
  expect(csrfTokenMatches(session, `${session.csrfToken.slice(0, -1)}${last}`)).toBe(false);
});

test('the cookie is HttpOnly and SameSite=Strict, and is found among others', () => {
  const session = new SessionStore().create();
  expect(sessionCookie(session, '/settings')).toBe(
    `close_mock_settings=${session.id}; Path=/settings; HttpOnly; SameSite=Strict`,
  );
  expect(sessionIdFromCookies(`a=1; close_mock_settings=${session.id}; b=2`)).toBe(session.id);
  expect(sessionIdFromCookies('a=1')).toBeUndefined();
  expect(sessionIdFromCookies(undefined)).toBeUndefined();
});
