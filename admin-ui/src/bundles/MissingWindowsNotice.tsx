import { Alert } from 'antd';
import type { ItemHead } from '@onevisit/functions/records';
import type { BaseVersions, BundleItem } from '@onevisit/item-schemas';
import { useI18n } from '../i18n';

/**
 * A county's 一件事 over clones with no 办理地点 of their own (a clone never takes the city's: its
 * hall does not serve the county's applicants): the official is told which items to give windows,
 * since the pages can only send applicants to each item's 实施主体 meanwhile.
 */
export function MissingWindowsNotice({ jurisdiction, items, heads, base }: { jurisdiction: string; items: readonly BundleItem[]; heads: readonly ItemHead[]; base: BaseVersions }) {
  const { t } = useI18n();
  const isClone = (i: BundleItem) => heads.some((h) => h.itemId === i.itemId && h.jurisdiction === jurisdiction && h.upstream);
  const missing = items.filter((i) => i.jurisdiction === jurisdiction && base[i.key]?.windows.length === 0 && isClone(i));
  if (missing.length === 0) return null;
  const names = missing.map((i) => `「${base[i.key]!.name}」`).join('、');
  return (
    <Alert
      style={{ marginBottom: 12 }}
      type="info"
      showIcon
      message={t(
        `${names}还没有本级的办理地点，申请页和办事指南只能请申请人到各事项的实施主体办理。请在事项清单中为这些事项填写本级的办理地点并发布，再在本一件事中选用新版本。`,
        `${names} have no windows of your own yet: the application page and the guide can only send applicants to each item's implementing department. Give these items windows in the catalogue, publish them, then take their new versions here.`,
      )}
    />
  );
}
