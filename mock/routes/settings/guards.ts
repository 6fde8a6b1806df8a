/**
 * The settings page's checks, each a plain function the routes call: it answers only on this
 * machine (a loopback client and a loopback Host header, which also defeats DNS rebinding),
 * form posts must come from the page itself (Origin and Sec-Fetch-Site), and a signed-in
 * request's forms must carry the session's CSRF token. SameSite=Strict on the session cookie is
 * the first line; these hold even where a browser does not honour it.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../../errors.js';
import {
  csrfTokenMatches,
  sessionIdFromCookies,
  type Session,
  type SessionStore,
} from './sessions.js';

const LOOPBACK_IP = /^(?:127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3})$/;

export function isLoopbackIp(ip: string): boolean {
  return LOOPBACK_IP.test(ip);
}

export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127(?:\.\d{1,3}){3}$/.test(hostname)
  );
}

export function assertLocal(request: FastifyRequest): void {
  if (!isLoopbackIp(request.ip) || !isLoopbackHost(request.headers.host)) {
    throw new ApiError(
      403,
      'The settings page answers only on the machine the mock server runs on: open it at ' +
        'http://127.0.0.1:<port> or http://localhost:<port>. Remote clients can use the control ' +
        'plane (/_mock/keys) with the admin token.',
    );
  }
}

/** Refuses a form post that a browser says came from another site. */
export function assertSameOrigin(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  const crossSite = site !== undefined && site !== 'same-origin' && site !== 'none';
  if (crossSite || (origin !== undefined && origin !== `${request.protocol}://${request.host}`)) {
    throw new ApiError(
      403,
      'This form was sent from another site, so it was refused. Open Settings → API Keys on ' +
        'this server and try again.',
    );
  }
}

const csrfField = z.looseObject({ _csrf: z.string().optional() });

export function assertCsrf(session: Session, body: unknown): void {
  const parsed = csrfField.safeParse(body);
  if (!parsed.success || !csrfTokenMatches(session, parsed.data._csrf)) {
    throw new ApiError(
      403,
      'This form has expired (you signed in again, or the server restarted). Reload the page ' +
        'and try again.',
    );
  }
}

export function currentSession(
  sessions: SessionStore,
  request: FastifyRequest,
): Session | undefined {
  return sessions.get(sessionIdFromCookies(request.headers.cookie));
}
