/**
 * The ID inputs actions share (lead, status, pipeline, user, contact, opportunity, task): each is
 * a dropdown, and each also takes an ID mapped from an earlier step. Leads, statuses, pipelines
 * and users use the hidden dropdown triggers; contacts, opportunities and tasks, which have no
 * such trigger, use `choices.perform` (Zapier's newer perform-based dropdown, paged with a
 * token) narrowed to the chosen lead when there is one.
 */
import type { Bundle, PlainInputField, ZObject } from 'zapier-platform-core';
import type { z as zod } from 'zod';
import {
  contactSchema,
  listOf,
  opportunitySchema,
  taskSchema,
} from '../../shared/close-objects.js';
import { closeGet } from './close-request.js';

const PAGE_SIZE = 100;
const MAPPED = 'or map an ID from an earlier step';

export type ChoicesPage = {
  results: { id: string; label: string }[];
  paging_token: string | null;
};

/** A perform-based dropdown over a Close list, paged by `_skip` carried in the paging token. */
export function listChoices<S extends zod.ZodType>(options: {
  path: string;
  item: S;
  params: (bundle: Bundle) => Record<string, string>;
  label: (item: zod.output<S>) => string;
  id: (item: zod.output<S>) => string;
}) {
  return async (z: ZObject, bundle: Bundle): Promise<ChoicesPage> => {
    const skip = Number.parseInt(String(bundle.meta?.paging_token ?? '0'), 10) || 0;
    const list = await closeGet(z, options.path, listOf(options.item), {
      ...options.params(bundle),
      _skip: skip,
      _limit: PAGE_SIZE,
    });
    return {
      results: list.data.map((item) => ({ id: options.id(item), label: options.label(item) })),
      paging_token: list.has_more ? String(skip + PAGE_SIZE) : null,
    };
  };
}

/** The chosen lead, when the step has one, to narrow a dropdown to it. */
function leadFilter(bundle: Bundle): Record<string, string> {
  const leadId = bundle.inputData.lead_id;
  return typeof leadId === 'string' && leadId.startsWith('lead_') ? { lead_id: leadId } : {};
}

export const contactChoices = listChoices({
  path: '/contact/',
  item: contactSchema,
  params: leadFilter,
  id: (contact) => contact.id,
  label: (contact) => {
    const name = contact.name || contact.display_name || contact.id;
    const email = contact.emails[0]?.email;
    return email ? `${name} (${email})` : name;
  },
});

export const opportunityChoices = listChoices({
  path: '/opportunity/',
  item: opportunitySchema,
  params: (bundle) => ({ ...leadFilter(bundle), _order_by: '-date_updated' }),
  id: (opportunity) => opportunity.id,
  label: (opportunity) =>
    [
      opportunity.lead_name || opportunity.lead_id,
      opportunity.status_label,
      opportunity.value_formatted || null,
    ]
      .filter(Boolean)
      .join(' · '),
});

export const openTaskChoices = listChoices({
  path: '/task/',
  item: taskSchema,
  params: (bundle) => ({ ...leadFilter(bundle), is_complete: 'false', _order_by: 'date' }),
  id: (task) => task.id,
  label: (task) =>
    [task.text, task.lead_name, task.date ? `due ${task.date}` : null].filter(Boolean).join(' · '),
});

type IdFieldOptions = { required?: boolean; label?: string; helpText?: string };

function idField(
  key: string,
  noun: string,
  source: Pick<PlainInputField, 'dynamic' | 'search' | 'choices' | 'resource'>,
  options: IdFieldOptions,
) {
  return {
    key,
    label: options.label ?? noun,
    required: options.required ?? false,
    ...source,
    helpText: options.helpText ?? `Pick the ${noun.toLowerCase()}, ${MAPPED}.`,
  } satisfies PlainInputField;
}

export const leadIdField = (options: IdFieldOptions = {}) =>
  idField(
    'lead_id',
    'Lead',
    { dynamic: 'lead_list.id.label', search: 'find_lead.id' },
    {
      required: true,
      helpText: `Pick the lead, ${MAPPED} (a lead ID starts with \`lead_\`).`,
      ...options,
    },
  );

export const leadStatusIdField = (options: IdFieldOptions = {}) =>
  idField('status_id', 'Status', { dynamic: 'lead_status_list.id.label' }, options);

export const pipelineIdField = () => ({
  ...idField(
    'pipeline_id',
    'Pipeline',
    { dynamic: 'pipeline_list.id.label' },
    {
      helpText: 'Narrows the Status dropdown to this pipeline’s statuses. Not sent to Close.',
    },
  ),
  altersDynamicFields: true,
});

export const opportunityStatusIdField = (options: IdFieldOptions = {}) =>
  idField('status_id', 'Status', { dynamic: 'opportunity_status_list.id.label' }, options);

export const userIdField = (key: string, label: string, options: IdFieldOptions = {}) =>
  idField(
    key,
    label,
    { dynamic: 'user_list.id.label', search: 'find_user.id' },
    {
      label,
      helpText: `Pick the user, ${MAPPED} (a user ID starts with \`user_\`).`,
      ...options,
    },
  );

/** With `ofLead`, the dropdown lists the chosen lead's contacts and is cleared when it changes. */
export const contactIdField = (options: IdFieldOptions & { ofLead?: boolean } = {}) => {
  const { ofLead, ...rest } = options;
  return {
    ...idField(
      'contact_id',
      'Contact',
      { choices: { perform: contactChoices }, resource: 'contact', search: 'find_contact.id' },
      { helpText: `Pick the contact, ${MAPPED}.`, ...rest },
    ),
    ...(ofLead && { dependsOn: ['lead_id'] }),
  };
};

export const opportunityIdField = (options: IdFieldOptions = {}) =>
  idField(
    'opportunity_id',
    'Opportunity',
    {
      choices: { perform: opportunityChoices },
      resource: 'opportunity',
      search: 'find_opportunity.id',
    },
    { required: true, ...options },
  );

export const taskIdField = (options: IdFieldOptions = {}) =>
  idField(
    'task_id',
    'Task',
    { choices: { perform: openTaskChoices }, resource: 'task' },
    {
      required: true,
      helpText: `Pick an open task (those of the chosen lead, if one is chosen), ${MAPPED}.`,
      ...options,
    },
  );
