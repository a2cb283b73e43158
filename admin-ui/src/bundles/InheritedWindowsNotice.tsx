import { useQueries } from '@tanstack/react-query';
import { Alert } from 'antd';
import type { ItemHead } from '@onevisit/functions/records';
import type { BaseVersions, BundleItem } from '@onevisit/item-schemas';
import { api } from '../api';
import { useI18n } from '../i18n';

type Window = BaseVersions[string]['windows'][number];
const same = (a: Window, b: Window) => a.name === b.name && a.address === b.address && a.hours === b.hours && a.phone === b.phone;

/**
 * A county's 一件事 over clones whose 办理地点 are still the city's: its pages leave those out (the
 * county's applicants are not sent to the city's hall), so the official is told which items to
 * give a 办理地点 of their own.
 */
export function InheritedWindowsNotice({ jurisdiction, items, heads, base }: { jurisdiction: string; items: readonly BundleItem[]; heads: readonly ItemHead[]; base: BaseVersions }) {
  const { t } = useI18n();
  const clones = items.filter((i) => i.jurisdiction === jurisdiction && base[i.key]?.windows.length && heads.some((h) => h.itemId === i.itemId && h.jurisdiction === jurisdiction && h.upstream));
  const upstream = useQueries({ queries: clones.map((i) => ({ queryKey: ['upstream-base', jurisdiction, i.itemId], queryFn: () => api.upstreamBase(jurisdiction, i.itemId), retry: false })) });
  const inherited = clones.filter((i, n) => {
    const theirs = upstream[n]?.data?.definition.windows;
    return theirs !== undefined && base[i.key]!.windows.every((w) => theirs.some((u) => same(u, w)));
  });
  if (inherited.length === 0) return null;
  const names = inherited.map((i) => `「${base[i.key]!.name}」`).join('、');
  return (
    <Alert
      style={{ marginBottom: 12 }}
      type="info"
      showIcon
      message={t(
        `${names}的办理地点仍是上级的，申请页和办事指南不会显示它们。请在事项清单中为这些事项填写本级的办理地点并发布，再在本一件事中选用新版本。`,
        `${names} still carry the 办理地点 of the level above; the application page and the guide leave them out. Give these items windows of your own in the catalogue, publish them, then take their new versions here.`,
      )}
    />
  );
}
