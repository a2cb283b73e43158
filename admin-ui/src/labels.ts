import { itemTypes } from '@onevisit/item-schemas';
import type { ItemState } from '@onevisit/functions/records';

/** Display names shared by several pages. */
export const stateLabels: Record<ItemState, [string, string, string]> = {
  draft: ['草稿', 'Draft', 'default'],
  published: ['已发布', 'Published', 'green'],
  suspended: ['已挂起', 'Suspended', 'orange'],
  cancelled: ['已取消', 'Cancelled', 'red'],
};

export const itemTypeLabel = (code: string | undefined): [string, string] => {
  const found = code ? (itemTypes as Record<string, readonly [string, string]>)[code] : undefined;
  return found ? [found[0], found[1]] : [code ?? '—', code ?? '—'];
};
