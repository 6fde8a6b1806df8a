/**
 * The key format both sides agree on: what counts as a key, and how the classic mistakes are
 * told apart.
 */
import { describe, expect, it } from '@jest/globals';
import { apiKeyIdOf, checkApiKey, EXAMPLE_KEY, EXAMPLE_KEY_ID } from '../../shared/api-key.js';

describe('checkApiKey', () => {
  it('accepts a key and splits it into ID and secret', () => {
    expect(checkApiKey(EXAMPLE_KEY)).toEqual({
      kind: 'valid',
      key: EXAMPLE_KEY,
      parsed: { id: EXAMPLE_KEY_ID, secret: '2H3Bt8ktGaQ9kVK45P7j7p' },
    });
  });

  it.each([
    ['surrounding spaces', `  ${EXAMPLE_KEY} `],
    ['a trailing line break', `${EXAMPLE_KEY}\n`],
    ['the trailing colon of Basic auth examples', `${EXAMPLE_KEY}:`],
    ['a colon and spaces', ` ${EXAMPLE_KEY} : `],
  ])('forgives %s', (_case, input) => {
    expect(checkApiKey(input)).toMatchObject({ kind: 'valid', key: EXAMPLE_KEY });
  });

  it('recognizes the key ID pasted alone', () => {
    expect(checkApiKey(EXAMPLE_KEY_ID)).toEqual({ kind: 'id_only', id: EXAMPLE_KEY_ID });
    expect(checkApiKey(` ${EXAMPLE_KEY_ID}:`)).toEqual({ kind: 'id_only', id: EXAMPLE_KEY_ID });
  });

  it.each([undefined, null, '', '   ', ':'])('calls %p empty', (input) => {
    expect(checkApiKey(input)).toEqual({ kind: 'empty' });
  });

  it.each([
    ['no api_ prefix', 'key_7b8KOSMa0OevK9qJvT6F9s.2H3Bt8ktGaQ9kVK45P7j7p', 'does not start'],
    ['no dot', 'api_7b8KOSMa0OevK9qJvT6F9s2H3Bt8ktGaQ9kVK45P7j7p', 'no "."'],
    ['a short secret', 'api_7b8KOSMa0OevK9qJvT6F9s.2H3Bt8', 'length or characters'],
    ['symbols', 'api_7b8KOSMa0OevK9qJvT6F9s.2H3Bt8ktGaQ9kVK45P7j7!', 'length or characters'],
    ['inner spaces', 'api_7b8KOSMa0OevK9qJvT6F9s. 2H3Bt8ktGaQ9kVK45P7j7p', 'spaces'],
  ])('rejects a value with %s and says why', (_case, input, reason) => {
    const check = checkApiKey(input);
    expect(check.kind).toBe('malformed');
    expect(check.kind === 'malformed' && check.reason).toContain(reason);
  });

  it('finds the ID of a key or of an ID, and nothing in garbage', () => {
    expect(apiKeyIdOf(EXAMPLE_KEY)).toBe(EXAMPLE_KEY_ID);
    expect(apiKeyIdOf(EXAMPLE_KEY_ID)).toBe(EXAMPLE_KEY_ID);
    expect(apiKeyIdOf('not a key')).toBeUndefined();
  });
});
