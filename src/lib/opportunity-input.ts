/**
 * The opportunity's inputs, shared by Create and Update Opportunity: pipeline (only to narrow the
 * status dropdown), status, value in currency units (Close stores cents), value period,
 * confidence, note, expected close date (Close's `date_won`), owner, contact, custom fields; their
 * zod schema and Close's opportunity body.
 */
import { defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z } from 'zod';
import { VALUE_PERIODS, type CloseOpportunity } from '../../shared/close-objects.js';
import { formatOpportunity } from '../formatters/opportunity.js';
import { customFieldsInput, customInputs, customNamesFor } from './custom-fields.js';
import {
  contactIdField,
  opportunityStatusIdField,
  pipelineIdField,
  userIdField,
} from './id-fields.js';
import {
  choice,
  choicesFor,
  closeId,
  compactBody,
  date,
  decimal,
  integer,
  labelsOf,
  text,
  type FieldLabels,
} from './inputs.js';
import { opportunityStatusId } from './statuses.js';

export const opportunityPlainFields = defineInputFields([
  pipelineIdField(),
  opportunityStatusIdField({
    helpText:
      'Pick the opportunity status, or map a status ID (`stat_…`) or a status name. Left empty ' +
      'on create, Close uses the first active status.',
  }),
  {
    key: 'value',
    label: 'Value',
    // Text, not `number`: see NUMBER_INPUTS in inputs.ts.
    helpText: 'The amount in your organization’s currency, like 1250.50 (sent to Close in cents).',
  },
  {
    key: 'value_period',
    label: 'Value Period',
    choices: choicesFor(VALUE_PERIODS),
  },
  { key: 'confidence', label: 'Confidence (%)', helpText: 'A whole number from 0 to 100.' },
  { key: 'note', label: 'Note', type: 'text' },
  {
    key: 'expected_close_date',
    label: 'Expected Close Date',
    type: 'datetime',
    helpText: 'The date the deal is expected to close (or closed), like 2026-06-30.',
  },
  userIdField('user_id', 'Owner'),
  contactIdField({ helpText: 'The lead’s contact this opportunity is with.' }),
]);

export const opportunityInputFields = (options: { forUpdate: boolean }) => [
  ...opportunityPlainFields,
  customFieldsInput('opportunity', options),
];

export const opportunityLabels: FieldLabels = labelsOf(opportunityPlainFields);

export const opportunityValuesSchema = z.object({
  pipeline_id: closeId('pipe', 'pipeline'),
  // An ID, or a status's name resolved by statuses.ts (within the pipeline, if given).
  status_id: text(),
  value: decimal('an amount like 1250.50').refine((value) => value === undefined || value >= 0, {
    error: 'must not be negative',
  }),
  value_period: choice(VALUE_PERIODS),
  confidence: integer(0, 100, 'a whole number from 0 to 100'),
  note: text(),
  expected_close_date: date(),
  user_id: closeId('user', 'user'),
  contact_id: closeId('cont', 'contact'),
});
export type OpportunityValues = z.output<typeof opportunityValuesSchema>;

/** Close's field names → these inputs' labels. */
export const opportunityCloseLabels: FieldLabels = {
  ...opportunityLabels,
  date_won: opportunityLabels.expected_close_date ?? 'Expected Close Date',
  lead_id: 'Lead',
};

/**
 * Cents from currency units, rounded to the cent. The product is first cut to 15 significant
 * digits so that binary noise (1250.505 × 100 = 125050.49999…) does not round the wrong way.
 */
export const toCents = (amount: number) => Math.round(Number((amount * 100).toPrecision(15)));

export function opportunityBody(values: OpportunityValues, custom: Record<string, unknown>) {
  return compactBody({
    status_id: values.status_id,
    value: values.value === undefined ? undefined : toCents(values.value),
    value_period: values.value_period,
    confidence: values.confidence,
    note: values.note,
    date_won: values.expected_close_date,
    user_id: values.user_id,
    contact_id: values.contact_id,
    ...custom,
  });
}

/**
 * What Create and Update Opportunity send: the body (custom values checked by their definitions,
 * a status name resolved), the labels for Close's field errors, and the custom field definitions
 * loaded on the way (to name the result's custom values without loading them again).
 */
export async function opportunityWrite(z: ZObject, bundle: Bundle, values: OpportunityValues) {
  const custom = await customInputs(z, 'opportunity', bundle.inputData);
  const statusId = await opportunityStatusId(z, values.status_id, values.pipeline_id);
  return {
    body: opportunityBody({ ...values, status_id: statusId }, custom.values),
    fieldLabels: { ...opportunityCloseLabels, ...custom.labels },
    /** The opportunity Close answered, formatted, its custom values named. */
    format: async (opportunity: CloseOpportunity) =>
      formatOpportunity(
        opportunity,
        await customNamesFor(z, bundle, 'opportunity', opportunity, custom.fields),
      ),
  };
}
