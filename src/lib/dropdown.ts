/**
 * Hidden polling triggers that feed dynamic dropdowns (`dynamic: '<key>.id.label'`): one Close
 * list endpoint each, paged by Zapier's `bundle.meta.page`, every item reduced to `id` + `label`
 * (plus what a dropdown's label needs). One builder, so every dropdown pages the same way.
 */
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import type { z as zod } from 'zod';
import { listOf } from '../../shared/close-objects.js';
import { closeGet } from './close-request.js';

export const DROPDOWN_PAGE_SIZE = 100;

export type DropdownChoice = { id: string; label: string } & Record<string, unknown>;

export function defineDropdownTrigger<const Key extends string, S extends zod.ZodType>(options: {
  key: Key;
  noun: string;
  path: string;
  item: S;
  toChoice: (item: zod.output<S>) => DropdownChoice;
  /** Narrows the list where Close's endpoint takes no filter for it. */
  keep?: (item: zod.output<S>, bundle: Bundle) => boolean;
  /** Extra list parameters (filters, `_order_by`, `_fields`). */
  params?: (bundle: Bundle) => Record<string, string>;
  /** For endpoints that answer every item at once (no `_skip`/`_limit`). */
  unpaged?: boolean;
}) {
  const perform = async (z: ZObject, bundle: Bundle): Promise<DropdownChoice[]> => {
    const page = bundle.meta?.page ?? 0;
    if (options.unpaged && page > 0) return [];
    const params = {
      ...(!options.unpaged && {
        _skip: String(page * DROPDOWN_PAGE_SIZE),
        _limit: String(DROPDOWN_PAGE_SIZE),
      }),
      ...options.params?.(bundle),
    };
    const list = await closeGet(z, options.path, listOf(options.item), params);
    const { keep } = options;
    const kept = keep ? list.data.filter((item) => keep(item, bundle)) : list.data;
    return kept.map(options.toChoice);
  };
  return defineTrigger({
    key: options.key,
    noun: options.noun,
    display: {
      label: `List ${options.noun}s`,
      description: `Lists ${options.noun.toLowerCase()}s for dropdowns.`,
      hidden: true,
    },
    operation: { perform, canPaginate: !options.unpaged },
  });
}
