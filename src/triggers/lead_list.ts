/** Dropdown: leads, most recently updated first, for steps that act on a lead. */
import { leadSchema } from '../../shared/close-objects.js';
import { defineDropdownTrigger } from '../lib/dropdown.js';

export default defineDropdownTrigger({
  key: 'lead_list',
  noun: 'Lead',
  path: '/lead/',
  item: leadSchema.pick({ id: true, display_name: true }).loose(),
  params: () => ({ _order_by: '-date_updated', _fields: 'id,display_name' }),
  toChoice: (lead) => ({ id: lead.id, label: lead.display_name }),
});
