/**
 * Dropdown: opportunity statuses, labelled with their type ("Won (won)"); narrowed to the
 * step's pipeline when one is chosen. Close's status list takes no filter, so the narrowing
 * happens here.
 */
import { opportunityStatusSchema } from '../../shared/close-objects.js';
import { defineDropdownTrigger } from '../lib/dropdown.js';

export default defineDropdownTrigger({
  key: 'opportunity_status_list',
  noun: 'Opportunity Status',
  path: '/status/opportunity/',
  item: opportunityStatusSchema,
  unpaged: true,
  keep: (status, bundle) => {
    const pipelineId = bundle.inputData.pipeline_id;
    return typeof pipelineId !== 'string' || pipelineId === '' || status.pipeline_id === pipelineId;
  },
  toChoice: (status) => ({
    id: status.id,
    label: `${status.label} (${status.type})`,
    type: status.type,
    pipeline_id: status.pipeline_id,
  }),
});
