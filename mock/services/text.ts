/**
 * How the mock matches text the way Close's search does: values are broken into lower-case words
 * (letters and digits, accents dropped) and kept as " w1 w2 | w3 " strings, so that "whole word",
 * "beginning of a word" and "phrase" matches are plain substring checks in SQL (`instr`) instead
 * of a JavaScript callback per row. `|` separates fields so a phrase never spans two of them.
 */
import type { Db } from '../store/db.js';

export type TextMode = 'full_words' | 'phrase' | 'beginning_of_words';

export function words(value: string): string[] {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The searchable form of several fields: ` w1 w2 | w3 `. */
export function wordText(values: Iterable<unknown>): string {
  const parts: string[] = [];
  for (const value of values) {
    if (value === null || value === undefined) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const joined = words(text).join(' ');
    if (joined) parts.push(joined);
  }
  return ` ${parts.join(' | ')} `;
}

/**
 * The substrings a word text must contain for `needle` to match in `mode`; none when the needle
 * has no words (which then matches nothing).
 */
export function wordPatterns(mode: TextMode, needle: string): string[] {
  const needleWords = words(needle);
  if (needleWords.length === 0) return [];
  switch (mode) {
    case 'phrase':
      return [` ${needleWords.join(' ')} `];
    case 'full_words':
      return needleWords.map((word) => ` ${word} `);
    case 'beginning_of_words':
      return needleWords.map((word) => ` ${word}`);
  }
}

export function digits(value: string): string {
  return value.replace(/\D/g, '');
}

/** `close_words(value)`: `wordText([value])` inside SQL, for JSON fields without a word column. */
export function registerTextFunctions(db: Db): void {
  db.function('close_words', { deterministic: true }, (value) =>
    wordText([typeof value === 'string' ? value : value === null ? null : String(value)]),
  );
  db.function('close_digits', { deterministic: true }, (value) =>
    typeof value === 'string' ? digits(value) : '',
  );
}
