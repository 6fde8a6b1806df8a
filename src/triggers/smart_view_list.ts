/** Dropdown: smart views (Close's saved searches) that select leads. */
import { savedSearchSchema } from '../../shared/close-objects.js';
import { defineDropdownTrigger } from '../lib/dropdown.js';

export default defineDropdownTrigger({
  key: 'smart_view_list',
  noun: 'Smart View',
  path: '/saved_search/',
  item: savedSearchSchema,
  toChoice: (view) => ({ id: view.id, label: view.name }),
});
