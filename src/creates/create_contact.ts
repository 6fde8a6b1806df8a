/** Create Contact: a person on a lead (or on a new lead named after them), with custom fields. */
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { contactSchema } from '../../shared/close-objects.js';
import { contactOutputFields, contactSample, formatContact } from '../formatters/contact.js';
import { closeRequest } from '../lib/close-request.js';
import {
  contactBody,
  contactCloseLabels,
  contactInputFields,
  contactValuesSchema,
} from '../lib/contact-input.js';
import { customInputs, customNamesFor } from '../lib/custom-fields.js';
import { leadIdField } from '../lib/id-fields.js';
import { closeId, compactBody, labelsOf, parseInputs } from '../lib/inputs.js';

const inputFields = defineInputFields([
  leadIdField({
    required: false,
    helpText:
      'The lead to add the contact to: pick it, or map a lead ID (`lead_…`). Left empty, Close ' +
      'creates a new lead named after the contact.',
  }),
  ...contactInputFields({ forUpdate: false }),
]);

const schema = contactValuesSchema.extend({ lead_id: closeId('lead', 'lead') });
const labels = labelsOf(inputFields);

const perform = (async (z, bundle) => {
  const { lead_id: leadId, ...values } = parseInputs(z, schema, bundle.inputData, labels);
  const custom = await customInputs(z, 'contact', bundle.inputData);
  const contact = await closeRequest(
    z,
    {
      url: '/contact/',
      method: 'POST',
      body: compactBody({ lead_id: leadId, ...contactBody(values), ...custom.values }),
      middlewareData: {
        fieldLabels: { ...contactCloseLabels, ...custom.labels },
        ...(leadId && { subject: `lead ${leadId}` }),
      },
    },
    contactSchema,
  );
  return formatContact(contact, await customNamesFor(z, bundle, 'contact', contact, custom.fields));
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'create_contact',
  noun: 'Contact',
  display: {
    label: 'Create Contact',
    description:
      'Creates a contact (a person) on a lead, with emails, phones, URLs and custom fields.',
  },
  operation: { perform, inputFields, sample: contactSample, outputFields: contactOutputFields },
});
