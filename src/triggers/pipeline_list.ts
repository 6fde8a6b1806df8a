/** Dropdown: the organization's opportunity pipelines. */
import { pipelineSchema } from '../../shared/close-objects.js';
import { defineDropdownTrigger } from '../lib/dropdown.js';

export default defineDropdownTrigger({
  key: 'pipeline_list',
  noun: 'Pipeline',
  path: '/pipeline/',
  item: pipelineSchema,
  unpaged: true,
  toChoice: (pipeline) => ({ id: pipeline.id, label: pipeline.name }),
});
