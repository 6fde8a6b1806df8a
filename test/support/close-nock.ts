/**
 * Unit-test harness for actions and searches: the app tester, nock on a fake Close base URL
 * (every test must use all it set up, and nothing else goes out), a valid-looking key, and Close
 * objects built from the formatters' samples so that fixtures stay in the shapes Close answers.
 */
import nock from 'nock';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import type {
  CloseContact,
  CloseCustomField,
  CloseLead,
  CloseOpportunity,
  CloseTask,
} from '../../shared/close-objects.js';
import { contactSampleRaw } from '../../src/formatters/contact.js';
import { leadSampleRaw } from '../../src/formatters/lead.js';
import { opportunitySampleRaw } from '../../src/formatters/opportunity.js';
import { taskSampleRaw } from '../../src/formatters/task.js';
import App from '../../src/index.js';
import { useNock } from './nock.js';
import { CLOSE } from './triggers.js';
import { rejectionOf, type UserFacingError } from './zapier-errors.js';

/** The fake Close that nock answers for (set as CLOSE_API_BASE_URL by support/triggers.ts). */
export const BASE = CLOSE;
export const API = '/api/v1';
const KEY = 'api_Zt4pQ8rW2xY6nB1mC5vK9s.Hs7Gd3Lq8Wn2Xv6Tp1Ym5J';

const appTester = zapier.createAppTester(App);

type Perform = (z: ZObject, bundle: Bundle) => unknown;

/** Zapier's operation `perform` may be a request object in general; ours are functions. */
function asFunction(perform: unknown): Perform {
  if (typeof perform !== 'function') throw new Error('expected a perform function');
  return perform as Perform;
}

/** Runs an operation's perform (or any function of the app) with these inputs. */
export function run(
  perform: unknown,
  inputData: Record<string, unknown> = {},
  meta: Record<string, unknown> = {},
): Promise<unknown> {
  return appTester(asFunction(perform), { authData: { api_key: KEY }, inputData, meta });
}

/** Runs it and returns the error the user would see; it must fail. */
export function failure(
  perform: unknown,
  inputData: Record<string, unknown> = {},
): Promise<UserFacingError> {
  return rejectionOf(run(perform, inputData));
}

/**
 * nock for Close, through the shared `useNock` (no real network, every mock used and nothing
 * else tried, custom field cache emptied between tests, http un-patched after the file).
 */
export function useNockedClose(): () => nock.Scope {
  useNock();
  return () => nock(BASE);
}

/** The input field functions of an operation (custom fields, typed values). */
export function fieldFunctions(inputFields: readonly unknown[]): Perform[] {
  return inputFields.filter((field) => typeof field === 'function').map(asFunction);
}

const AUDIT = {
  organization_id: leadSampleRaw.organization_id,
  date_created: '2026-01-05T10:00:00.000000+00:00',
  date_updated: '2026-01-05T10:00:00.000000+00:00',
};

export const LEAD_ID = 'lead_TestLead0000000000000000000000000000000001';
export const CONTACT_ID = 'cont_TestContact000000000000000000000000000001';
export const STATUS_ID = 'stat_TestStatus0000000000000000000000000000001';
export const USER_ID = 'user_TestUser00000000000000000000000000000001';

export const customField = (
  field: Pick<CloseCustomField, 'id' | 'name'> &
    Partial<Omit<CloseCustomField, 'type'>> & { type: string },
) => ({ accepts_multiple_values: false, description: null, ...AUDIT, ...field });

/** Lead custom fields of every type, and one of a type this integration does not know. */
export const LEAD_CUSTOM_FIELDS = [
  customField({
    id: 'cf_source',
    name: 'Lead Source',
    type: 'choices',
    choices: ['Web', 'Referral', 'Trade Show'],
  }),
  customField({ id: 'cf_size', name: 'Employees', type: 'number' }),
  customField({ id: 'cf_renewal', name: 'Renewal Date', type: 'date' }),
  customField({ id: 'cf_met', name: 'First Meeting', type: 'datetime' }),
  customField({
    id: 'cf_tags',
    name: 'Tags',
    type: 'choices',
    choices: ['A', 'B', 'C, D'],
    accepts_multiple_values: true,
  }),
  customField({ id: 'cf_owner', name: 'Account Owner', type: 'user' }),
  customField({ id: 'cf_code', name: 'Partner Code', type: 'text' }),
  customField({ id: 'cf_linked', name: 'Linked Contact', type: 'contact' }),
];

export const customFieldList = (fields: unknown[]) => ({ data: fields, has_more: false });

/** Close answers the object's custom field definitions once (any paging parameters). */
export const expectCustomFields = (
  scope: nock.Scope,
  object: 'lead' | 'contact' | 'opportunity',
  fields: unknown[] = LEAD_CUSTOM_FIELDS,
) => scope.get(`${API}/custom_field/${object}/`).query(true).reply(200, customFieldList(fields));

/**
 * A sample without its custom values (the `custom.cf_…` keys and Close's deprecated `custom`
 * object): a record with custom values makes the integration load the definitions to name them,
 * which a test then has to expect.
 */
const withoutCustom = <T extends Record<string, unknown>>(sample: T) =>
  Object.fromEntries(
    Object.entries(sample).filter(([key]) => key !== 'custom' && !key.startsWith('custom.')),
  ) as T;

export const closeContact = (overrides: Partial<CloseContact> & Record<string, unknown> = {}) => ({
  ...withoutCustom(contactSampleRaw),
  id: CONTACT_ID,
  lead_id: LEAD_ID,
  ...overrides,
});

export const closeLead = (overrides: Partial<CloseLead> & Record<string, unknown> = {}) => ({
  ...withoutCustom(leadSampleRaw),
  id: LEAD_ID,
  contacts: [closeContact()],
  ...overrides,
});

export const closeOpportunity = (overrides: Partial<CloseOpportunity> = {}) => ({
  ...opportunitySampleRaw,
  lead_id: LEAD_ID,
  ...overrides,
});

export const closeTask = (overrides: Partial<CloseTask> = {}) => ({
  ...taskSampleRaw,
  lead_id: LEAD_ID,
  ...overrides,
});
