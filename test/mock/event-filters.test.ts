import { describe, expect, it } from '@jest/globals';
import { matchesEventFilter, parseEventFilter } from '../../mock/services/event-filters.js';

const event = {
  object_type: 'lead',
  action: 'updated',
  changed_fields: ['name', 'status_id'],
  data: { id: 'lead_1', name: 'Acme Inc', status_label: 'Qualified', description: null },
};

const parsed = (filter: unknown) => {
  const result = parseEventFilter(filter);
  if (!result.ok) throw new Error(result.message);
  return result.filter;
};
const matches = (filter: unknown) => matchesEventFilter(parsed(filter), event);
const field = (name: string, filter: unknown) => ({ type: 'field_accessor', field: name, filter });
const data = (name: string, filter: unknown) => field('data', field(name, filter));

describe('webhook event filters', () => {
  it('compares values with equals and not_equals, nested through field_accessor', () => {
    expect(matches(data('status_label', { type: 'equals', value: 'Qualified' }))).toBe(true);
    expect(matches(data('status_label', { type: 'equals', value: 'Lost' }))).toBe(false);
    expect(matches(data('status_label', { type: 'not_equals', value: 'Lost' }))).toBe(true);
  });

  it('tests nulls with is_null and non_null (a missing field is null)', () => {
    expect(matches(data('description', { type: 'is_null' }))).toBe(true);
    expect(matches(data('no_such_field', { type: 'is_null' }))).toBe(true);
    expect(matches(data('name', { type: 'non_null' }))).toBe(true);
  });

  it('finds an item in a list or a part of a string with contains', () => {
    expect(matches(field('changed_fields', { type: 'contains', value: 'status_id' }))).toBe(true);
    expect(matches(field('changed_fields', { type: 'contains', value: 'url' }))).toBe(false);
    expect(matches(data('name', { type: 'contains', value: 'Acme' }))).toBe(true);
  });

  it('combines with and, or and not', () => {
    const qualified = data('status_label', { type: 'equals', value: 'Qualified' });
    const lost = data('status_label', { type: 'equals', value: 'Lost' });
    expect(matches({ type: 'and', filters: [qualified, { type: 'not', filter: lost }] })).toBe(
      true,
    );
    expect(matches({ type: 'and', filters: [qualified, lost] })).toBe(false);
    expect(matches({ type: 'or', filters: [lost, qualified] })).toBe(true);
  });

  it('rejects malformed filters with a message saying where', () => {
    const cases: [unknown, RegExp][] = [
      [{ type: 'regex' }, /unknown filter type "regex"/],
      [{ type: 'equals' }, /needs a "value"/],
      [{ type: 'and', filters: [] }, /non-empty "filters"/],
      [field('', { type: 'is_null' }), /needs a "field"/],
      [{ type: 'not', filter: 'x' }, /extra_filter\.filter: a filter is an object/],
    ];
    for (const [filter, message] of cases) {
      const result = parseEventFilter(filter);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
    }
  });

  it('bounds nesting depth and size', () => {
    let deep: unknown = { type: 'is_null' };
    for (let i = 0; i < 40; i++) deep = { type: 'not', filter: deep };
    expect(parseEventFilter(deep).ok).toBe(false);
    const wide = { type: 'or', filters: Array.from({ length: 500 }, () => ({ type: 'is_null' })) };
    expect(parseEventFilter(wide).ok).toBe(false);
  });
});
