/**
 * What every action does with `bundle.inputData` before it calls Close: zod schemas for the kinds
 * of values users type or map (text, emails, URLs, amounts, dates, choices, Close IDs), each
 * turning an empty input into "absent"; one parser that names the input label and the problem
 * when a value is wrong; and one helper that drops absent values from a request body. Zapier
 * hands over unmapped inputs as '' or not at all, and other Close connectors send those on as ''
 * or null, which Close answers with a 400 or stores as a blanked field; here they never leave.
 */
import type { PlainInputField, ZObject } from 'zapier-platform-core';
import { z } from 'zod';

/** '' / whitespace / null → undefined, strings trimmed: "not filled in" has one spelling. */
export function blankToUndefined(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (Array.isArray(value)) {
    const items = value.map(blankToUndefined).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  return value;
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(blankToUndefined, schema.optional());

/** The same checks, but an empty input is an error ("Lead is required"). */
const required = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value, context) => {
    const kept = blankToUndefined(value);
    if (kept === undefined) context.addIssue({ code: 'custom', message: 'is required' });
    return kept;
  }, schema);

export const text = () => optional(z.string());

export const requiredText = () => required(z.string());

const emailValue = () =>
  z.email({
    error: (issue) =>
      `must be an email address like name@example.com (got "${String(issue.input)}")`,
  });

export const email = () => optional(emailValue());

export const requiredEmail = () => required(emailValue());

/** Close stores URLs as given; a bare domain is accepted and given https://. */
export const url = () =>
  optional(
    z
      .string()
      .transform((value) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`))
      .pipe(
        z.url({
          error: (issue) =>
            `must be a web address like https://example.com (got "${String(issue.input)}")`,
        }),
      ),
  );

/**
 * NUMBER_INPUTS: numeric inputs are plain text fields, validated here. Zapier coerces `number`
 * and `integer` fields itself before `perform` runs, keeping digits, '.', ',' and '-' and then
 * reading the longest number at the start: "12,500.50" becomes 12, silently. Read here, it is
 * 12500.5, and anything ambiguous is refused with a message.
 *
 * A decimal number as users type it: `1250`, `1250.50`, `1,250.50`, `$1,250.50`. Commas are
 * accepted only as thousands separators, so "1,5" is refused rather than read as 15.
 */
export function parseDecimal(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(/^[\s$€£¥]+|\s+$/g, '');
  if (!/^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned.replace(/,/g, ''));
}

export const decimal = (what = 'a number like 1250.50') =>
  z.preprocess(
    (value) => {
      const blank = blankToUndefined(value);
      if (blank === undefined) return undefined;
      return parseDecimal(blank) ?? blank;
    },
    z.number({ error: (issue) => `must be ${what} (got "${String(issue.input)}")` }).optional(),
  );

export const integer = (min: number, max: number, what: string) =>
  z.preprocess(
    (value) => {
      const blank = blankToUndefined(value);
      if (blank === undefined) return undefined;
      return parseDecimal(blank) ?? blank;
    },
    z
      .number({ error: (issue) => `must be ${what} (got "${String(issue.input)}")` })
      .int({ error: (issue) => `must be ${what} (got "${String(issue.input)}")` })
      .min(min, { error: (issue) => `must be ${what} (got "${String(issue.input)}")` })
      .max(max, { error: (issue) => `must be ${what} (got "${String(issue.input)}")` })
      .optional(),
  );

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?=$|T|\s)/;

/** `YYYY-MM-DD` from a date or an ISO datetime (its own calendar date, not converted to UTC). */
export function calendarDate(value: string): string | undefined {
  const match = DATE_PREFIX.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const valid =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day);
  return valid ? `${year}-${month}-${day}` : undefined;
}

const dateError = (input: unknown) => `must be a date like 2026-03-31 (got "${String(input)}")`;

/** A calendar date, sent as `YYYY-MM-DD`. */
export const date = () =>
  optional(
    z.string().transform((value, context) => {
      const day = calendarDate(value);
      if (day === undefined) {
        context.addIssue({ code: 'custom', message: dateError(value) });
        return z.NEVER;
      }
      return day;
    }),
  );

const DATETIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A moment with a timezone offset, as Zapier's datetime fields produce and Close expects. */
export const dateTime = () =>
  optional(
    z
      .string()
      .refine((value) => DATETIME_WITH_OFFSET.test(value) && !Number.isNaN(Date.parse(value)), {
        error: (issue) =>
          `must be a date and time with a timezone, like 2026-03-31T14:00:00+00:00 (got "${String(issue.input)}")`,
      }),
  );

/** A date alone stays a date (an all-day due date); a datetime stays a datetime. */
export const dateOrDateTime = () =>
  optional(
    z.string().transform((value, context) => {
      if (DATETIME_WITH_OFFSET.test(value) && !Number.isNaN(Date.parse(value))) return value;
      if (/^\d{4}-\d{2}-\d{2}$/.test(value) && calendarDate(value)) return value;
      context.addIssue({
        code: 'custom',
        message: `must be a date like 2026-03-31 or a date and time like 2026-03-31T14:00:00+00:00 (got "${value}")`,
      });
      return z.NEVER;
    }),
  );

/** One of a set, matched without regard to case, answered in its canonical spelling. */
export const choiceOf = <T extends string>(values: readonly T[]) =>
  z.string().transform((value, context): T => {
    const found = values.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
    if (found === undefined) {
      context.addIssue({
        code: 'custom',
        message: `must be one of ${values.join(', ')} (got "${value}")`,
      });
      return z.NEVER;
    }
    return found;
  });

export const choice = <T extends string>(values: readonly T[]) => optional(choiceOf(values));

/** A dropdown's choices from values, each labelled (by default, capitalized). */
export const choicesFor = (
  values: readonly string[],
  label: (value: string) => string = (value) =>
    value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' '),
) => values.map((value) => ({ value, label: label(value), sample: value }));

/**
 * A Close object ID (`lead_…`, `user_…`). Mapping a name where an ID belongs is the usual
 * mistake; this catches it before Close answers with a bare 404.
 */
const closeIdValue = (prefix: string, noun: string) =>
  z.string().refine((value) => new RegExp(`^${prefix}_[A-Za-z0-9]+$`).test(value), {
    error: (issue) =>
      `must be a Close ${noun} ID, which starts with "${prefix}_" (got "${String(issue.input)}"). ` +
      `Pick one from the dropdown or map an ID from an earlier step`,
  });

export const closeId = (prefix: string, noun: string) => optional(closeIdValue(prefix, noun));

export const requiredCloseId = (prefix: string, noun: string) =>
  required(closeIdValue(prefix, noun));

/** A list input (Zapier `list: true`, or one mapped string holding several values). */
export const list = <T extends z.ZodType>(item: T, separator: RegExp = /[,;\n]/) =>
  z.preprocess((value) => {
    const values = (Array.isArray(value) ? value : [value])
      .flatMap((entry) => (typeof entry === 'string' ? entry.split(separator) : [entry]))
      .map(blankToUndefined)
      .filter((entry) => entry !== undefined);
    return values.length > 0 ? values : undefined;
  }, z.array(item).optional());

export type FieldLabels = Record<string, string>;

/** Input key → label, for error messages, from an operation's plain input fields. */
export function labelsOf(fields: readonly unknown[]): FieldLabels {
  const labels: FieldLabels = {};
  for (const field of fields) {
    if (typeof field !== 'object' || field === null) continue;
    const { key, label } = field as PlainInputField;
    labels[key] = label ?? key;
  }
  return labels;
}

/**
 * Validates inputs with a zod schema before any request. On failure the error names every wrong
 * input by the label the user saw, and what is wrong with it.
 */
export function parseInputs<S extends z.ZodType>(
  zObject: ZObject,
  schema: S,
  inputData: unknown,
  labels: FieldLabels,
): z.output<S> {
  const parsed = schema.safeParse(inputData ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path.map(String).join('.');
    const top = String(issue.path[0] ?? '');
    const label = labels[key] ?? labels[top] ?? (key || 'Input');
    return `${label} ${issue.message}`;
  });
  throw new zObject.errors.Error(
    `Please correct ${problems.length === 1 ? 'this field' : 'these fields'}: ${problems.join('; ')}.`,
    'InvalidInput',
    400,
  );
}

/** Throws the same kind of error as `parseInputs`, for rules that span several inputs. */
export function inputError(zObject: ZObject, message: string): never {
  throw new zObject.errors.Error(message, 'InvalidInput', 400);
}

type Compact<T> = { [K in keyof T]?: Exclude<T[K], undefined | null> };

/**
 * A request body without absent values: undefined, null, '', empty arrays and objects that hold
 * nothing else are dropped, recursively, so that an unfilled optional input never reaches Close.
 */
export function compactBody<T extends Record<string, unknown>>(body: T): Compact<T> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const kept = compactValue(value);
    if (kept !== undefined) result[key] = kept;
  }
  return result as Compact<T>;
}

function compactValue(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map(compactValue).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === 'object') {
    const inner = compactBody(value as Record<string, unknown>);
    return Object.keys(inner).length > 0 ? inner : undefined;
  }
  return value;
}
