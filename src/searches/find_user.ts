/**
 * Find User: a member of the Close organization by email address (Close's user list has no email
 * filter, so the list is read and compared here, without regard to case).
 */
import {
  defineInputFields,
  defineSearch,
  type InferInputData,
  type SearchPerform,
} from 'zapier-platform-core';
import { z as zod } from 'zod';
import { listOf, userSchema } from '../../shared/close-objects.js';
import { formatUser, userOutputFields, userSample } from '../formatters/user.js';
import { closeGet } from '../lib/close-request.js';
import { labelsOf, parseInputs, requiredEmail } from '../lib/inputs.js';

const PAGE_SIZE = 100;
/** Bounds the paging on organizations far larger than any Close plan allows. */
const MAX_PAGES = 20;

const inputFields = defineInputFields([
  { key: 'email', label: 'Email', required: true, helpText: 'The user’s email address.' },
]);

const schema = zod.object({ email: requiredEmail() });
const labels = labelsOf(inputFields);

const perform = (async (z, bundle) => {
  const { email: wanted } = parseInputs(z, schema, bundle.inputData, labels);
  const target = wanted.toLowerCase();
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const list = await closeGet(z, '/user/', listOf(userSchema), {
      _skip: page * PAGE_SIZE,
      _limit: PAGE_SIZE,
    });
    const user = list.data.find((candidate) => candidate.email.toLowerCase() === target);
    if (user) return [formatUser(user)];
    if (!list.has_more) break;
  }
  return [];
}) satisfies SearchPerform<InferInputData<typeof inputFields>>;

export default defineSearch({
  key: 'find_user',
  noun: 'User',
  display: {
    label: 'Find User',
    description: 'Finds a user of your Close organization by email address.',
  },
  operation: { perform, inputFields, sample: userSample, outputFields: userOutputFields },
});
