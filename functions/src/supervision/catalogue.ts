import { ratio, type CatalogueFigures } from './figures';
import type { CatalogueItem } from './terms';

/**
 * The catalogue figures (晒清单): over the published items, whatever the cases. They describe
 * today's list, not a period. 网办率 is a case figure (case-figures.ts, from each case's 申报来源):
 * the catalogue's 办理形式 say how an item may be applied for, not how its cases were.
 */

/** 全程网办: 网办深度 Ⅳ (DOMAIN §6: services 5|6|7). */
const fullyOnline = (item: CatalogueItem) => item.onlineLevel === '4';

export function catalogueFiguresOf(items: readonly CatalogueItem[]): CatalogueFigures {
  const n = items.length;
  const count = (test: (item: CatalogueItem) => boolean) => items.filter(test).length;
  // Limits set in working days only (第82条's unit): a natural-day limit is not added to working days.
  const comparable = items.filter((i) => i.legalLimit?.unit === 'workday' && i.promisedLimit.unit === 'workday');
  const legal = comparable.reduce((sum, i) => sum + i.legalLimit!.value, 0);
  const promised = comparable.reduce((sum, i) => sum + i.promisedLimit.value, 0);
  return {
    items: n,
    /** 即办件比例 = items with promised limit 0 / items (DOMAIN §4). */
    immediateShare: ratio(count((i) => i.promisedLimit.value === 0), n),
    /**
     * 承诺时限压缩比 (承诺提速) = (Σ legal − Σ promised) / Σ legal, over items with both (DOMAIN §4);
     * chosen: both set in working days (an item with a natural-day limit is left out).
     */
    promiseCompression: ratio(legal - promised, legal),
    /** 零跑动 = items with 到现场次数 0 or 全程网办 / items (DOMAIN §6). */
    zeroVisitShare: ratio(count((i) => i.maxVisits === 0 || fullyOnline(i)), n),
    /** 全程网办 share = items at 网办深度 Ⅳ / items. */
    fullyOnlineShare: ratio(count(fullyOnline), n),
    /** 跑零次率 = items with maxVisits = 0 / items (DOMAIN §4). */
    noVisitShare: ratio(count((i) => i.maxVisits === 0), n),
    /** 平均跑动次数 = mean maxVisits (DOMAIN §4). */
    meanVisits: ratio(items.reduce((sum, i) => sum + i.maxVisits, 0), n),
  };
}
