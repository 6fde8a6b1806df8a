/**
 * The shared formatters: one output shape per Close object, whose samples match their output
 * fields (Zapier's D024/Z001 checks) and whose custom fields appear under their names.
 */
import { describe, expect, it } from '@jest/globals';
import { activityOutputFields, activitySample } from '../../src/formatters/activity.js';
import { customByName } from '../../src/formatters/common.js';
import { contactOutputFields, contactSample } from '../../src/formatters/contact.js';
import {
  formatLead,
  leadOutputFields,
  leadSample,
  leadSampleRaw,
} from '../../src/formatters/lead.js';
import { opportunityOutputFields, opportunitySample } from '../../src/formatters/opportunity.js';
import { taskOutputFields, taskSample } from '../../src/formatters/task.js';
import { userOutputFields, userSample } from '../../src/formatters/user.js';

const cases = [
  ['lead', leadSample, leadOutputFields],
  ['contact', contactSample, contactOutputFields],
  ['opportunity', opportunitySample, opportunityOutputFields],
  ['task', taskSample, taskOutputFields],
  ['activity', activitySample, activityOutputFields],
  ['user', userSample, userOutputFields],
] as const;

describe('formatters', () => {
  it.each(cases)('the %s sample has every plain output field', (_name, sample, fields) => {
    for (const field of fields) {
      if (field.key.includes('[]')) {
        const [list] = field.key.split('[]');
        expect(Array.isArray(sample[list as string])).toBe(true);
      } else {
        expect(sample).toHaveProperty([field.key]);
      }
    }
    expect(fields[0]).toMatchObject({ key: 'id', primary: true });
  });

  it('flattens the primary contact and first address of a lead', () => {
    expect(leadSample).toMatchObject({
      primary_contact_name: 'Grace Hopper',
      primary_contact_email: 'grace@acme.example',
      primary_contact_phone: '+16505551234',
      city: 'Austin',
      status_label: 'Potential',
    });
  });

  it('names custom fields by Close’s custom object, or through given definitions', () => {
    expect(leadSample.custom).toEqual({ 'Lead Source': 'Web' });
    const { custom: _legacy, ...withoutLegacy } = leadSampleRaw;
    const named = formatLead(
      withoutLegacy,
      new Map([['cf_Hq5Wd2Lk9Xr3Tn7Vb1Mz4Pj8Gf6Sc0Ay2Ue5Io7Lk3Rt9', 'Source']]),
    );
    expect(named.custom).toEqual({ Source: 'Web' });
    expect(named['custom.cf_Hq5Wd2Lk9Xr3Tn7Vb1Mz4Pj8Gf6Sc0Ay2Ue5Io7Lk3Rt9']).toBe('Web');
    expect(customByName({ 'custom.cf_x': 1 })).toEqual({ cf_x: 1 });
  });

  it('gives a lead without contacts or addresses empty strings, not undefined', () => {
    const bare = formatLead({ ...leadSampleRaw, contacts: [], addresses: [] });
    expect(bare.primary_contact_email).toBe('');
    expect(bare.city).toBe('');
  });
});
