/**
 * Dates as the settings page shows them: "5 minutes ago" for "Last Used" (as Close's key list
 * does), the exact instant in UTC for its tooltip, and a short date for "Created". Rendered on
 * the server, where the clock the keys were stamped with is, so no browser script is needed.
 */

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const shortDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** "just now", "3 minutes ago", "yesterday", "2 months ago". */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  // Clocks and the last-used batching can put a use a moment in the "future": still just now.
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return relative.format(seconds < 0 ? -1 : 1, 'minute');
}

/** "2025-11-26 19:40:12 UTC": exact, and the same whatever the reader's time zone. */
export function exactTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** "Nov 26, 2025". */
export function dateOnly(iso: string): string {
  return shortDate.format(new Date(iso));
}
