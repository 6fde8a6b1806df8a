import { describe, expect, it } from '@jest/globals';
import { REDACTED, secretRedactor } from '../../mock/redact.js';

const KEY = 'api_7b8KOSMa0OevK9qJvT6F9s.2H3Bt8ktGaQ9kVK45P7j7p';
const TOKEN = 'mock_admin_0123456789abcdef';

describe('secretRedactor', () => {
  const redact = secretRedactor(TOKEN);

  it('takes the secret part out of a key wherever it stands, keeping the key ID', () => {
    expect(redact(`/api/v1/lead/${KEY}/`)).toBe(
      `/api/v1/lead/api_7b8KOSMa0OevK9qJvT6F9s.${REDACTED}/`,
    );
    expect(redact(`?api_key=${KEY}&x=1`)).toBe(
      `?api_key=api_7b8KOSMa0OevK9qJvT6F9s.${REDACTED}&x=1`,
    );
    expect(redact(`${KEY.replace('.', '%2E')}`)).toBe(`api_7b8KOSMa0OevK9qJvT6F9s%2E${REDACTED}`);
    expect(redact(`"${KEY}:"`)).toBe(`"api_7b8KOSMa0OevK9qJvT6F9s.${REDACTED}:"`);
    // With junk after it, the secret is still in there.
    expect(redact(`${KEY}xyz`)).toBe(`api_7b8KOSMa0OevK9qJvT6F9s.${REDACTED}xyz`);
  });

  it('takes out the admin token, also URL-encoded', () => {
    expect(redact(`token=${TOKEN}`)).toBe(`token=${REDACTED}`);
    const odd = secretRedactor('secret token/with+chars');
    expect(odd(`?t=${encodeURIComponent('secret token/with+chars')}`)).toBe(`?t=${REDACTED}`);
  });

  it('leaves key IDs, other text and short admin tokens alone', () => {
    expect(redact('api_7b8KOSMa0OevK9qJvT6F9s and lead_abc')).toBe(
      'api_7b8KOSMa0OevK9qJvT6F9s and lead_abc',
    );
    expect(secretRedactor('abc')('abc def')).toBe('abc def');
  });
});
