/**
 * How the settings page writes times: "Last Used" relative to now, exact UTC in the tooltip.
 */
import { describe, expect, test } from '@jest/globals';
import { dateOnly, exactTime, relativeTime } from '../../../mock/web/time.js';

const NOW = new Date('2025-06-15T12:00:00.000Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();

describe('relativeTime', () => {
  test.each([
    [0, 'just now'],
    [44, 'just now'],
    [-5, 'just now'],
    [60, '1 minute ago'],
    [59 * 60, '59 minutes ago'],
    [3600, '1 hour ago'],
    [5 * 3600, '5 hours ago'],
    [24 * 3600, 'yesterday'],
    [3 * 24 * 3600, '3 days ago'],
    [8 * 24 * 3600, 'last week'],
    [45 * 24 * 3600, 'last month'],
    [400 * 24 * 3600, 'last year'],
  ])('%i seconds ago reads "%s"', (seconds, expected) => {
    expect(relativeTime(ago(seconds), NOW)).toBe(expected);
  });

  test('reads Close-style dates with an explicit offset', () => {
    expect(relativeTime('2025-06-15T11:30:00.000000+00:00', NOW)).toBe('30 minutes ago');
  });
});

test('exactTime is to the second, in UTC, whatever the offset written', () => {
  expect(exactTime('2025-06-15T14:05:09.123+02:00')).toBe('2025-06-15 12:05:09 UTC');
});

test('dateOnly is the UTC calendar date', () => {
  expect(dateOnly('2025-06-15T23:30:00+00:00')).toBe('Jun 15, 2025');
});
