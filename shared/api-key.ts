/**
 * The Close API key format, which the integration (to check a pasted key before any request)
 * and the mock server (to issue and parse keys) must agree on.
 *
 * A key is `<id>.<secret>`: the ID (`api_` + 22 base62 characters) is safe to share and is what
 * Close's key list shows after creation; the secret (22 base62 characters) is shown once.
 */
import { z } from 'zod';

export const API_KEY_ID_PREFIX = 'api_';
export const API_KEY_PART_LENGTH = 22;
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Close's own example, used in help texts and docs: the ID and the full key. */
export const EXAMPLE_KEY_ID = 'api_7b8KOSMa0OevK9qJvT6F9s';
export const EXAMPLE_KEY = 'api_7b8KOSMa0OevK9qJvT6F9s.2H3Bt8ktGaQ9kVK45P7j7p';

export const apiKeyIdSchema = z
  .string()
  .regex(/^api_[0-9A-Za-z]{22}$/, 'An API key ID is "api_" followed by 22 letters and digits');

const KEY_PATTERN = /^(api_[0-9A-Za-z]{22})\.([0-9A-Za-z]{22})$/;
const ID_ONLY_PATTERN = /^api_[0-9A-Za-z]{22}$/;

export type ParsedApiKey = { id: string; secret: string };

/**
 * What a pasted value is. Users paste keys with stray whitespace, with the trailing `:` that
 * Basic auth examples show, or paste the key's ID instead of the key: each case is told apart so
 * that the message can say exactly what to do. No variant carries the secret back out except
 * `valid`, whose caller needs it.
 */
export type KeyCheck =
  | { kind: 'valid'; key: string; parsed: ParsedApiKey }
  | { kind: 'empty' }
  | { kind: 'id_only'; id: string }
  | { kind: 'malformed'; reason: string };

/** Forgives surrounding whitespace (including inner line breaks from copy/paste) and one trailing `:`. */
export function normalizeApiKeyInput(raw: string): string {
  let value = raw.trim();
  if (value.endsWith(':')) value = value.slice(0, -1).trim();
  return value;
}

export function checkApiKey(raw: string | undefined | null): KeyCheck {
  const value = normalizeApiKeyInput(raw ?? '');
  if (value === '') return { kind: 'empty' };
  const match = KEY_PATTERN.exec(value);
  if (match) {
    const [, id, secret] = match as unknown as [string, string, string];
    return { kind: 'valid', key: value, parsed: { id, secret } };
  }
  if (ID_ONLY_PATTERN.test(value)) return { kind: 'id_only', id: value };
  if (/\s/.test(value)) {
    return { kind: 'malformed', reason: 'it contains spaces or line breaks in the middle' };
  }
  if (!value.startsWith(API_KEY_ID_PREFIX)) {
    return { kind: 'malformed', reason: 'it does not start with "api_"' };
  }
  if (!value.includes('.')) {
    return { kind: 'malformed', reason: 'it has no "." between the key ID and the secret part' };
  }
  return {
    kind: 'malformed',
    reason: 'its length or characters do not match a Close API key (letters and digits only)',
  };
}

/** The key's ID, when the input at least starts with one: safe to show in labels and errors. */
export function apiKeyIdOf(raw: string | undefined | null): string | undefined {
  const match = /^(api_[0-9A-Za-z]{22})(?:\.|$)/.exec(normalizeApiKeyInput(raw ?? ''));
  return match?.[1];
}
