/**
 * Dropdown: opportunity statuses, labelled with their pipeline and type ("Sales › Won (won)")
 * since pipelines may reuse a label; narrowed to a pipeline when the step has one chosen.
 */
import { opportunityStatusSchema } from '../../shared/close-objects.js';
import { defineDropdownTrigger } from '../lib/dropdown.js';

export default defineDropdownTrigger({
  key: 'opportunity_status_list',
  noun: 'Opportunity Status',
  path: '/status/opportunity/',
  item: opportunityStatusSchema,
  unpaged: true,
  params: (bundle): Record<string, string> => {
    const pipelineId = bundle.inputData.pipeline_id;
    return typeof pipelineId === 'string' && pipelineId !== '' ? { pipeline_id: pipelineId } : {};
  },
  toChoice: (status) => ({
    id: status.id,
    label: `${status.label} (${status.type})`,
    type: status.type,
    pipeline_id: status.pipeline_id,
  }),
});
