/**
 * What Zapier checks of every visible trigger, and what this integration promises of them:
 * descriptions that read "Triggers when …", static samples whose dates carry an offset and that
 * hold every output field, REST hooks with performList, and dropdowns for every input that
 * takes an id.
 */
import { describe, expect, it } from '@jest/globals';
import type { PlainInputField, PlainOutputField, Trigger } from 'zapier-platform-core';
import App from '../../../src/index.js';

const all = Object.values(App.triggers ?? {}) as Trigger[];
const visible = all.filter((trigger) => !trigger.display.hidden);
const hiddenKeys = new Set(all.filter((t) => t.display.hidden).map((t) => t.key));
const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$/;

const plainInputs = (trigger: Trigger): PlainInputField[] =>
  (trigger.operation.inputFields ?? []).filter(
    (field): field is PlainInputField => typeof field !== 'function',
  );
const plainOutputs = (trigger: Trigger): PlainOutputField[] =>
  (Array.isArray(trigger.operation.outputFields) ? trigger.operation.outputFields : []).filter(
    (field): field is PlainOutputField => typeof field !== 'function',
  );

describe('visible triggers', () => {
  it('are the nine of the issue', () => {
    expect(visible.map((trigger) => trigger.key).sort()).toEqual([
      'lead_status_changed',
      'new_activity',
      'new_contact',
      'new_lead',
      'new_lead_in_smart_view',
      'new_opportunity',
      'new_task',
      'opportunity_status_changed',
      'task_completed',
    ]);
  });

  it.each(visible.map((trigger) => [trigger.key, trigger] as const))(
    '%s has a static sample that matches its output fields',
    (_key, trigger) => {
      expect(trigger.display.description).toMatch(/^Triggers when /);
      const sample = trigger.operation.sample;
      expect(sample).toBeDefined();
      expect(typeof sample?.id).toBe('string');
      const outputs = plainOutputs(trigger);
      expect(outputs.length).toBeGreaterThan(5);
      for (const field of outputs) {
        const key = field.key.split('[]')[0] ?? field.key;
        expect(sample).toHaveProperty([key]);
        expect(field.label).toMatch(/^[A-Z0-9]/);
        if (field.type === 'datetime') expect(String(sample?.[key])).toMatch(ISO_WITH_OFFSET);
      }
    },
  );

  it.each(visible.map((trigger) => [trigger.key, trigger] as const))(
    '%s offers a dropdown for every input that takes an id',
    (_key, trigger) => {
      for (const field of plainInputs(trigger)) {
        if (!/(_id|assigned_to)$/.test(field.key)) continue;
        expect(field.dynamic).toBeDefined();
        const [source, id, label] = String(field.dynamic).split('.');
        expect(hiddenKeys.has(source ?? '')).toBe(true);
        expect([id, label]).toEqual(['id', 'label']);
      }
    },
  );

  it('are REST hooks with performList, except the smart view poll', () => {
    for (const trigger of visible) {
      const { operation } = trigger;
      if (trigger.key === 'new_lead_in_smart_view') {
        expect(operation.type).toBe('polling');
        continue;
      }
      expect(operation.type).toBe('hook');
      if (operation.type !== 'hook') continue;
      expect(typeof operation.performList).toBe('function');
      expect(typeof operation.performSubscribe).toBe('function');
      expect(typeof operation.performUnsubscribe).toBe('function');
    }
  });
});
