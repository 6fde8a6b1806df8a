/** Dropdown: the organization's lead statuses. */
import { leadStatusSchema } from '../../shared/close-objects.js';
import { defineDropdownTrigger } from '../lib/dropdown.js';

export default defineDropdownTrigger({
  key: 'lead_status_list',
  noun: 'Lead Status',
  path: '/status/lead/',
  item: leadStatusSchema,
  unpaged: true,
  toChoice: (status) => ({ id: status.id, label: status.label }),
});
