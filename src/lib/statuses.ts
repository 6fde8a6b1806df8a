/**
 * Status inputs that take an ID or a status's name: Zaps often map a status label from a form or
 * a spreadsheet ("Qualified") where Close wants `stat_…`. A name is looked up among the
 * organization's statuses (without regard to case); one that is not there, or that several
 * pipelines share, is an error that lists what exists, before anything is written.
 */
import type { ZObject } from 'zapier-platform-core';
import { leadStatusSchema, listOf, opportunityStatusSchema } from '../../shared/close-objects.js';
import { closeGet } from './close-request.js';
import { inputError } from './inputs.js';

const isStatusId = (value: string) => /^stat_[A-Za-z0-9]+$/.test(value);
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A lead status ID from an ID or a lead status's name. */
export async function leadStatusId(
  z: ZObject,
  value: string | undefined,
  label = 'Status',
): Promise<string | undefined> {
  if (value === undefined || isStatusId(value)) return value;
  const { data } = await closeGet(z, '/status/lead/', listOf(leadStatusSchema));
  const match = data.find((status) => same(status.label, value));
  if (!match) {
    inputError(
      z,
      `${label} "${value}" is not one of your Close lead statuses ` +
        `(${data.map((status) => status.label).join(', ')}). Pick one from the dropdown.`,
    );
  }
  return match.id;
}

/** An opportunity status ID from an ID or a status's name (within the pipeline, if given). */
export async function opportunityStatusId(
  z: ZObject,
  value: string | undefined,
  pipelineId: string | undefined,
  label = 'Status',
): Promise<string | undefined> {
  if (value === undefined || isStatusId(value)) return value;
  const { data } = await closeGet(z, '/status/opportunity/', listOf(opportunityStatusSchema));
  const inPipeline = data.filter((status) => !pipelineId || status.pipeline_id === pipelineId);
  const matches = inPipeline.filter((status) => same(status.label, value));
  if (matches.length === 1 && matches[0]) return matches[0].id;
  if (matches.length > 1) {
    inputError(
      z,
      `${label} "${value}" is the name of a status in ${matches.length} pipelines; choose the ` +
        'Pipeline too, or pick the status from the dropdown.',
    );
  }
  inputError(
    z,
    `${label} "${value}" is not one of your Close opportunity statuses` +
      `${pipelineId ? ' in this pipeline' : ''} (${inPipeline.map((status) => status.label).join(', ')}). ` +
      'Pick one from the dropdown.',
  );
}
