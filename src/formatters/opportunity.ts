/**
 * The one output shape of a Close opportunity: Close's fields, the value both in cents (as Close
 * stores it) and in currency units (as users type it), the expected close date under its own
 * name, and custom fields by name.
 */
import type { CloseOpportunity } from '../../shared/close-objects.js';
import { leadSampleRaw } from './lead.js';
import {
  AUDIT_FIELDS,
  customByName,
  customFieldEntries,
  outputFields,
  type CustomFieldNames,
  type Formatted,
} from './common.js';

/** The Close fields `formatOpportunity` reads (custom fields besides): what polls ask for. */
export const OPPORTUNITY_FIELDS = [
  'id',
  'lead_id',
  'lead_name',
  'status_id',
  'status_label',
  'status_type',
  'pipeline_id',
  'pipeline_name',
  'value',
  'value_currency',
  'value_period',
  'value_formatted',
  'confidence',
  'note',
  'user_id',
  'user_name',
  'contact_id',
  'date_won',
  'custom',
  ...AUDIT_FIELDS,
] as const;

export function formatOpportunity(
  opportunity: CloseOpportunity,
  customNames?: CustomFieldNames,
): Formatted {
  return {
    id: opportunity.id,
    lead_id: opportunity.lead_id,
    lead_name: opportunity.lead_name ?? '',
    status_id: opportunity.status_id,
    status_label: opportunity.status_label,
    status_type: opportunity.status_type,
    pipeline_id: opportunity.pipeline_id ?? '',
    pipeline_name: opportunity.pipeline_name ?? '',
    value: opportunity.value,
    value_amount: opportunity.value === null ? null : opportunity.value / 100,
    value_currency: opportunity.value_currency,
    value_period: opportunity.value_period,
    value_formatted: opportunity.value_formatted ?? '',
    confidence: opportunity.confidence,
    note: opportunity.note ?? '',
    user_id: opportunity.user_id,
    user_name: opportunity.user_name ?? '',
    contact_id: opportunity.contact_id ?? null,
    expected_close_date: opportunity.date_won,
    custom: customByName(opportunity, customNames),
    ...customFieldEntries(opportunity),
    organization_id: opportunity.organization_id,
    date_created: opportunity.date_created,
    date_updated: opportunity.date_updated,
  };
}

export const opportunityOutputFields = outputFields([
  ['id', 'Opportunity ID'],
  ['lead_id', 'Lead ID'],
  ['lead_name', 'Lead Name'],
  ['status_id', 'Status ID'],
  ['status_label', 'Status'],
  ['status_type', 'Status Type (active, won, lost)'],
  ['pipeline_id', 'Pipeline ID'],
  ['pipeline_name', 'Pipeline'],
  ['value', 'Value (in cents)', 'integer'],
  ['value_amount', 'Value', 'number'],
  ['value_currency', 'Currency'],
  ['value_period', 'Value Period'],
  ['value_formatted', 'Value (Formatted)'],
  ['confidence', 'Confidence (%)', 'integer'],
  ['note', 'Note'],
  ['user_id', 'Owner User ID'],
  ['user_name', 'Owner Name'],
  ['contact_id', 'Contact ID'],
  ['expected_close_date', 'Expected Close Date'],
  ['date_created', 'Date Created', 'datetime'],
  ['date_updated', 'Date Updated', 'datetime'],
]);

export const opportunitySampleRaw: CloseOpportunity = {
  id: 'oppo_8kJ3hG5fD7sA9pO1iU2yT4rE6wQ0zX8cV3bN5mL7kJ9',
  lead_id: leadSampleRaw.id,
  lead_name: 'Acme Rockets',
  status_id: 'stat_9zY8xW7vU6tS5rQ4pO3nM2lK1jI0hG9fE8dC7bA6zY5',
  status_label: 'Active',
  status_type: 'active',
  pipeline_id: 'pipe_3cV5bN7mL9kJ1hG3fD5sA7pO9iU1yT3rE5wQ7zX9cV1',
  pipeline_name: 'Sales',
  value: 1250000,
  value_period: 'annual',
  value_currency: 'USD',
  value_formatted: '$12,500 annual',
  confidence: 60,
  note: 'Wants a pilot in Q2.',
  user_id: 'user_2bQ7cR4dS9eT1fU6gV3hW8iX5jY0kZ7lA2mB4nC9oD1',
  user_name: 'Sam Seller',
  contact_id: 'cont_7uLwM9nH1aQbZc2ErVtYp0sKdJ4fG6hX8iO3lU5mNw1',
  date_won: '2026-06-30',
  organization_id: leadSampleRaw.organization_id,
  date_created: '2026-03-05T11:02:44.201000+00:00',
  date_updated: '2026-03-05T11:02:44.201000+00:00',
};

export const opportunitySample = formatOpportunity(opportunitySampleRaw);
