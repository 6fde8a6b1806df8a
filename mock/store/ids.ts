/**
 * Random identifiers and timestamps in Close's formats: ids are a type prefix and base62
 * characters from the CSPRNG; dates are ISO 8601 with an explicit `+00:00` offset.
 */
import { randomBytes } from 'node:crypto';
import { BASE62_ALPHABET } from '../../shared/api-key.js';

/** `length` base62 characters from the CSPRNG, uniform: bytes of 248 and above (62 × 4) are
 * dropped so that `byte % 62` has no modulo bias. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length + 8)) {
      if (byte < 248) out += BASE62_ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** Close object ids look like `lead_` + 43 base62 characters. */
export function newId(prefix: string, length = 43): string {
  return `${prefix}_${randomBase62(length)}`;
}

export function isoNow(now: Date = new Date()): string {
  return now.toISOString().replace('Z', '+00:00');
}
