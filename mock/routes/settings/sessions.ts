/**
 * Sign-in sessions of the settings page, in memory only: a random session ID in an HttpOnly,
 * SameSite=Strict cookie, a CSRF token per session for every form, and a one-shot "flash" slot
 * that carries a message — or a newly created key — across the redirect after a form post
 * (post/redirect/get, so a reload never posts twice). The created key waits there for one page
 * view at most and a few minutes at the longest: the secret is never stored anywhere else.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'close_mock_settings';
const IDLE_LIFETIME_MS = 8 * 3600 * 1000;
const CREATED_KEY_LIFETIME_MS = 5 * 60 * 1000;
// Sign-ins are rare on a developer's machine; the cap only bounds memory if something loops.
const MAX_SESSIONS = 100;

export type Flash =
  | { kind: 'notice'; text: string }
  | { kind: 'created'; id: string; name: string; key: string; expiresAt: number };

export type Session = {
  id: string;
  csrfToken: string;
  expiresAt: number;
  flash?: Flash;
};

const token = () => randomBytes(32).toString('base64url');

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number = Date.now) {}

  create(): Session {
    this.sweep();
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    const session: Session = {
      id: token(),
      csrfToken: token(),
      expiresAt: this.now() + IDLE_LIFETIME_MS,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session for a cookie value; each use extends it (an idle timeout, not a fixed one). */
  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    session.expiresAt = this.now() + IDLE_LIFETIME_MS;
    return session;
  }

  destroy(id: string): void {
    this.sessions.delete(id);
  }

  notify(session: Session, text: string): void {
    session.flash = { kind: 'notice', text };
  }

  /** Keeps a just-created key for the page view that follows the redirect, and no longer. */
  holdCreatedKey(session: Session, created: { id: string; name: string; key: string }): void {
    session.flash = {
      kind: 'created',
      ...created,
      expiresAt: this.now() + CREATED_KEY_LIFETIME_MS,
    };
  }

  /** The flash, removed as it is read: a created key is shown by exactly one page view. */
  takeFlash(session: Session): Flash | undefined {
    const flash = session.flash;
    delete session.flash;
    if (flash?.kind === 'created' && flash.expiresAt <= this.now()) return undefined;
    return flash;
  }

  clear(): void {
    this.sessions.clear();
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, session] of this.sessions) {
      if (session.expiresAt <= now) this.sessions.delete(id);
    }
  }
}

export function csrfTokenMatches(session: Session, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(session.csrfToken);
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The session ID from a Cookie header (no cookie plugin needed for one cookie). */
export function sessionIdFromCookies(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

export function sessionCookie(session: Session, path: string): string {
  return `${SESSION_COOKIE}=${session.id}; Path=${path}; HttpOnly; SameSite=Strict`;
}

export function expiredSessionCookie(path: string): string {
  return `${SESSION_COOKIE}=; Path=${path}; HttpOnly; SameSite=Strict; Max-Age=0`;
}
