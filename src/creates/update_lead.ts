/**
 * Update Lead: changes only the fields entered, including the status (Close's "Change Lead
 * Status", which Close records as a status-change activity), the first address and the primary
 * contact (created if the lead has none).
 */
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { contactSchema, leadSchema } from '../../shared/close-objects.js';
import { leadOutputFields, leadSample } from '../formatters/lead.js';
import { closeGet, closeRequest } from '../lib/close-request.js';
import { leadIdField } from '../lib/id-fields.js';
import { compactBody, labelsOf, parseInputs, requiredCloseId } from '../lib/inputs.js';
import {
  addressParts,
  contactBodyFromLead,
  hasContactValues,
  leadInputFields,
  leadOwnBody,
  leadValuesSchema,
  leadWrite,
  updatedAddresses,
} from '../lib/lead-input.js';
import { putOrRead } from '../lib/update.js';

const inputFields = defineInputFields([
  leadIdField({ helpText: 'The lead to update: pick it, or map a lead ID (`lead_…`).' }),
  ...leadInputFields({ forUpdate: true }),
]);

const schema = leadValuesSchema.extend({ lead_id: requiredCloseId('lead', 'lead') });
const labels = labelsOf(inputFields);

const perform = (async (z, bundle) => {
  const { lead_id: leadId, ...parsed } = parseInputs(z, schema, bundle.inputData, labels);
  const write = await leadWrite(z, bundle, parsed);
  const { values, fieldLabels } = write;
  const subject = `lead ${leadId}`;
  const current =
    hasContactValues(values) || addressParts(values)
      ? await closeGet(z, `/lead/${leadId}/`, leadSchema, undefined, { subject })
      : undefined;

  if (current && hasContactValues(values)) {
    const primary = current.contacts[0];
    await closeRequest(
      z,
      primary
        ? {
            url: `/contact/${primary.id}/`,
            method: 'PUT',
            body: contactBodyFromLead(values, primary),
            middlewareData: { fieldLabels, subject: `contact ${primary.id}` },
          }
        : {
            url: '/contact/',
            method: 'POST',
            body: { lead_id: leadId, ...contactBodyFromLead(values) },
            middlewareData: { fieldLabels, subject },
          },
      contactSchema,
    );
  }

  const body = compactBody({
    ...leadOwnBody(values),
    addresses: current ? updatedAddresses(values, current.addresses) : undefined,
    ...write.custom,
  });
  // Read back after the contact's change even when the lead itself has nothing to change.
  const lead = await putOrRead(z, `/lead/${leadId}/`, body, leadSchema, { fieldLabels, subject });
  return write.format(lead);
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'update_lead',
  noun: 'Lead',
  display: {
    label: 'Update Lead',
    description:
      'Updates a lead: change its status ("Change Lead Status"), name, URL, description, address, ' +
      'primary contact or custom fields. Fields left empty are not changed.',
  },
  operation: { perform, inputFields, sample: leadSample, outputFields: leadOutputFields },
});
