/**
 * The actions and searches as registered in the app: every one has a sample with an id that
 * carries every output field, every ID input has a dropdown, and the find-or-create pairs point
 * at real operations.
 */
import { describe, expect, it } from '@jest/globals';
import type { PlainInputField } from 'zapier-platform-core';
import App from '../../src/index.js';

const operations = [
  ...Object.values(App.creates).map((create) => ['create', create] as const),
  ...Object.values(App.searches).map((search) => ['search', search] as const),
];

const plainFields = (fields: readonly unknown[] = []) =>
  fields.filter((field): field is PlainInputField => typeof field === 'object' && field !== null);

describe('registered actions and searches', () => {
  it('include every create and search of the issue', () => {
    expect(Object.keys(App.creates).sort()).toEqual([
      'complete_task',
      'create_contact',
      'create_lead',
      'create_note',
      'create_opportunity',
      'create_task',
      'log_call',
      'update_contact',
      'update_lead',
      'update_opportunity',
    ]);
    expect(Object.keys(App.searches).sort()).toEqual([
      'find_contact',
      'find_lead',
      'find_opportunity',
      'find_user',
    ]);
  });

  it.each(operations)(
    '%s %p has a sample with an id that holds every plain output field',
    (_kind, operation) => {
      const { sample, outputFields } = operation.operation;
      expect(sample).toHaveProperty('id');
      for (const field of plainFields(outputFields)) {
        const [list] = field.key.split('[]');
        expect(sample).toHaveProperty([list ?? field.key]);
      }
    },
  );

  it.each(operations)('%s %p offers a dropdown for every ID input', (_kind, operation) => {
    for (const field of plainFields(operation.operation.inputFields)) {
      if (!/_id$|^assigned_to$/.test(field.key)) continue;
      expect(field.dynamic ?? field.choices).toBeDefined();
    }
  });

  it.each(operations)(
    '%s %p types no input as number or integer (Zapier would read "12,500.50" as 12)',
    (_kind, operation) => {
      for (const field of plainFields(operation.operation.inputFields)) {
        expect([field.key, field.type]).not.toEqual([
          field.key,
          expect.stringMatching(/^(number|integer)$/),
        ]);
      }
    },
  );

  it('pairs Find or Create Lead and Contact with their create and update actions', () => {
    expect(App.searchOrCreates).toMatchObject({
      find_lead: { search: 'find_lead', create: 'create_lead', update: 'update_lead' },
      find_contact: { search: 'find_contact', create: 'create_contact', update: 'update_contact' },
    });
  });
});
