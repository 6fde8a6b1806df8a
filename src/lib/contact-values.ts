/**
 * Values that contacts carry wherever they are entered (on a lead or on their own): phone
 * numbers as Close accepts them, the email/phone type choices, and the `emails`/`phones`/`urls`
 * arrays built from what was entered, merged with a contact's existing ones on update so that an
 * update adds or reorders addresses and never silently drops the others.
 */
import { z } from 'zod';
import { blankToUndefined } from './inputs.js';

export const CONTACT_INFO_TYPES = ['office', 'mobile', 'home', 'direct', 'fax', 'other'] as const;
export type ContactInfoType = (typeof CONTACT_INFO_TYPES)[number];

const PHONE_SHAPE = /^\+?[\d\s().\-/]+((ext\.?|x)\s*\d+)?$/i;
const MIN_PHONE_DIGITS = 5;

export const isPhoneNumber = (value: string) =>
  PHONE_SHAPE.test(value) && (value.match(/\d/g)?.length ?? 0) >= MIN_PHONE_DIGITS;

const phoneError = (input: unknown) =>
  `must be a phone number like +1 650 555 1234 (got "${String(input)}")`;

export const phoneNumber = () =>
  z.string().refine(isPhoneNumber, { error: (issue) => phoneError(issue.input) });

export const phone = () => z.preprocess(blankToUndefined, phoneNumber().optional());

type Entry<K extends string> = Record<K, string> & { type: string };

/**
 * The entered values first (in the order given), then the existing ones not among them;
 * compared without regard to case (emails) or punctuation (phones).
 */
export function mergeEntries<K extends 'email' | 'phone' | 'url'>(
  key: K,
  entered: readonly string[],
  type: string,
  existing: readonly Entry<K>[] = [],
): Entry<K>[] {
  const normalize = (value: string) =>
    key === 'phone' ? value.replace(/[^\d+]/g, '') : value.trim().toLowerCase();
  const seen = new Set<string>();
  const result: Entry<K>[] = [];
  for (const value of entered) {
    const normalized = normalize(value);
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    const previous = existing.find((entry) => normalize(entry[key]) === normalized);
    result.push({ [key]: value, type: previous?.type ?? type } as Entry<K>);
  }
  for (const entry of existing) {
    if (seen.has(normalize(entry[key]))) continue;
    seen.add(normalize(entry[key]));
    result.push({ [key]: entry[key], type: entry.type } as Entry<K>);
  }
  return result;
}
