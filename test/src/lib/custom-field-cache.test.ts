/**
 * Custom field definitions for triggers: loaded once per key and object, kept for a few minutes,
 * paged, and never cached when Close refused them.
 */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  CUSTOM_FIELDS_TTL_MS,
  customFieldDefinitions,
  pollFields,
} from '../../../src/lib/custom-field-cache.js';
import { API, appTester, authData } from '../../support/triggers.js';
import { customFieldDefinition, customFieldsReply, useNock } from '../../support/nock.js';

useNock();
const SOURCE = customFieldDefinition('cf_source0source0source0source0source0sourc', 'Source');
const TIER = customFieldDefinition('cf_tier0tier0tier0tier0tier0tier0tier0tier0ti', 'Tier');
const OTHER_KEY = 'api_Zt4pQ8rW2xY6nB1mC5vK9s.Hs7Gd3Lq8Wn2Xv6Tp1Ym5J';

/** Names of the definitions a call returns, run inside the app tester at time `now`. */
const namesAt = (now: number, data: Pick<Bundle, 'authData'> = { authData }) =>
  appTester(
    async (z: ZObject, bundle: Bundle) =>
      (await customFieldDefinitions(z, bundle, 'lead', now))?.map((field) => field.name),
    data,
  );

describe('customFieldDefinitions', () => {
  it('loads once, then answers from the cache until the entry is older than the TTL', async () => {
    customFieldsReply('lead', [SOURCE]);
    await expect(namesAt(1_000)).resolves.toEqual(['Source']);
    await expect(namesAt(1_000 + CUSTOM_FIELDS_TTL_MS - 1)).resolves.toEqual(['Source']);
    customFieldsReply('lead', [SOURCE, TIER]);
    await expect(namesAt(1_000 + CUSTOM_FIELDS_TTL_MS)).resolves.toEqual(['Source', 'Tier']);
  });

  it('keeps each API key’s definitions apart', async () => {
    customFieldsReply('lead', [SOURCE]);
    customFieldsReply('lead', [TIER]);
    await expect(namesAt(1_000)).resolves.toEqual(['Source']);
    await expect(namesAt(1_000, { authData: { api_key: OTHER_KEY } })).resolves.toEqual(['Tier']);
  });

  it('reads every page', async () => {
    nock(API)
      .get('/custom_field/lead/')
      .query({ _skip: '0', _limit: '100' })
      .reply(200, { data: [SOURCE], has_more: true });
    nock(API)
      .get('/custom_field/lead/')
      .query({ _skip: '100', _limit: '100' })
      .reply(200, { data: [TIER], has_more: false });
    await expect(namesAt(1_000)).resolves.toEqual(['Source', 'Tier']);
  });

  it('answers nothing when Close refuses, and asks again next time', async () => {
    nock(API).get('/custom_field/lead/').query(true).reply(403, { error: 'Not allowed' });
    await expect(namesAt(1_000)).resolves.toBeUndefined();
    customFieldsReply('lead', [SOURCE]);
    await expect(namesAt(1_001)).resolves.toEqual(['Source']);
  });
});

describe('pollFields', () => {
  it('names every custom field after the formatter’s fields, or none when unknown', () => {
    expect(pollFields(['id', 'name'], [SOURCE])).toEqual(['id', 'name', `custom.${SOURCE.id}`]);
    expect(pollFields(['id'], undefined)).toBeUndefined();
  });
});
