/** New Contact (instant): a contact is created in Close, on any lead. */
import { defineInputFields, defineTrigger } from 'zapier-platform-core';
import { contactSchema } from '../../shared/close-objects.js';
import {
  CONTACT_FIELDS,
  contactOutputFields,
  contactSample,
  formatContact,
} from '../formatters/contact.js';
import { pollFields } from '../lib/custom-field-cache.js';
import { defineHookOperation } from '../lib/hook-trigger.js';
import { newestItems } from '../lib/poll.js';

const inputFields = defineInputFields([]);

export default defineTrigger({
  key: 'new_contact',
  noun: 'Contact',
  display: {
    label: 'New Contact',
    description: 'Triggers when a contact is created in Close.',
  },
  operation: defineHookOperation({
    inputFields,
    events: () => [{ object_type: 'contact', action: 'created' }],
    object: { schema: contactSchema, path: (id) => `/contact/${id}/` },
    customFields: 'contact',
    list: (z, _input, { limit, customFields }) =>
      newestItems(z, {
        path: '/contact/',
        item: contactSchema,
        limit,
        fields: pollFields(CONTACT_FIELDS, customFields),
      }),
    format: formatContact,
    sample: contactSample,
    outputFields: contactOutputFields,
  }),
});
