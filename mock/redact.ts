/**
 * Keeps secrets out of what the server echoes and writes down. A client that sends its key in a
 * path, a query string or a User-Agent, or the admin token in a URL, would otherwise see it
 * echoed in an error message ("No route for GET /…") and find it in the server's logs or in a
 * key's "last used" record. A Close key is recognizable by its shape, so its secret part is
 * replaced wherever one appears; the admin token is replaced as the exact string the server
 * holds.
 */

const KEY_WITH_SECRET = /\b(api_[0-9A-Za-z]{22})([.:]|%2[eE]|%3[aA])[0-9A-Za-z]{22}/g;
export const REDACTED = '[redacted]';
/** Shorter admin tokens are not searched for: they would match ordinary text. */
const TOKEN_MIN_LENGTH = 8;

export type Redactor = (text: string) => string;

/** Replaces every key secret, and the admin token when given, in `text`. */
export function secretRedactor(adminToken?: string): Redactor {
  const tokens =
    adminToken && adminToken.length >= TOKEN_MIN_LENGTH
      ? [...new Set([adminToken, encodeURIComponent(adminToken)])]
      : [];
  return (text) => {
    let out = text.includes('api_') ? text.replace(KEY_WITH_SECRET, `$1$2${REDACTED}`) : text;
    for (const token of tokens) if (out.includes(token)) out = out.replaceAll(token, REDACTED);
    return out;
  };
}

export const redactKeySecrets: Redactor = secretRedactor();
