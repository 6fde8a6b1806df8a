/**
 * New Lead in Smart View: one search request per poll, in which Close evaluates the smart view;
 * leads come back newest update first, shaped by the lead formatter, deduped by lead id.
 */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { formatLead, LEAD_FIELDS, leadSampleRaw } from '../../../src/formatters/lead.js';
import newLeadInSmartView from '../../../src/triggers/new_lead_in_smart_view.js';
import { API, appTester, authData, pollFunction } from '../../support/triggers.js';
import { customFieldDefinition, customFieldsReply, useNock } from '../../support/nock.js';

useNock();
const perform = pollFunction(newLeadInSmartView);
const VIEW = 'save_8Hq2Lw5Rt9Xb3Nc7Vm1Kd4Jf6Gs0Ae';
const LEAD_SOURCE = customFieldDefinition(
  'cf_Hq5Wd2Lk9Xr3Tn7Vb1Mz4Pj8Gf6Sc0Ay2Ue5Io7Lk3Rt9',
  'Lead Source',
);
const { custom: _byName, ...withoutLegacy } = leadSampleRaw;
const older = {
  ...leadSampleRaw,
  id: 'lead_older',
  date_updated: '2026-01-01T00:00:00.000000+00:00',
};

describe('new_lead_in_smart_view', () => {
  it('asks Close to evaluate the smart view, newest updates first, in one request', async () => {
    customFieldsReply('lead', [LEAD_SOURCE]);
    let sent: unknown;
    nock(API)
      .post('/data/search/', (body) => ((sent = body), true))
      .reply(200, { data: [older, leadSampleRaw], cursor: null });
    const items = await appTester(perform, { authData, inputData: { smart_view_id: VIEW } });
    expect(sent).toEqual({
      query: {
        type: 'and',
        queries: [
          { type: 'object_type', object_type: 'lead' },
          { type: 'saved_search', saved_search_id: VIEW },
        ],
      },
      sort: [
        {
          direction: 'desc',
          field: { type: 'regular_field', object_type: 'lead', field_name: 'date_updated' },
        },
      ],
      _limit: 100,
      _fields: { lead: [...LEAD_FIELDS, `custom.${LEAD_SOURCE.id}`] },
    });
    expect(items.map((item) => item.id)).toEqual([leadSampleRaw.id, 'lead_older']);
    expect(items[0]).toEqual(formatLead(leadSampleRaw));
  });

  it('names custom fields through their definitions', async () => {
    customFieldsReply('lead', [LEAD_SOURCE]);
    nock(API)
      .post('/data/search/')
      .reply(200, { data: [withoutLegacy], cursor: null });
    const [lead] = await appTester(perform, { authData, inputData: { smart_view_id: VIEW } });
    expect(lead?.custom).toEqual({ 'Lead Source': 'Web' });
    expect(lead?.[`custom.${LEAD_SOURCE.id}`]).toBe('Web');
  });

  it('says which smart view Close could not find', async () => {
    customFieldsReply('lead', []);
    nock(API).post('/data/search/').reply(404, { error: 'Not found' });
    await expect(
      appTester(perform, { authData, inputData: { smart_view_id: VIEW } }),
    ).rejects.toThrow(new RegExp(`smart view ${VIEW}`));
  });
});
