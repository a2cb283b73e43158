import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../i18n';
import type { ListActionsProps } from './ListActionsMenu';

// The menu and its dialog load on the first click: the catalogue shows only the button.
const ListActionsMenu = lazy(() => import('./ListActionsMenu').then((m) => ({ default: m.ListActionsMenu })));

/** List management on one item: 下放 to a jurisdiction below, or 合并 other items into it. */
export function ListActions(props: ListActionsProps) {
  const { t } = useI18n();
  const [wanted, setWanted] = useState(false);
  if (props.item.state === 'cancelled') return null;
  const button = (loading: boolean) => (
    <Button size="small" loading={loading} aria-label={t(`「${props.item.draftName}」的清单调整`, `List changes for "${props.item.draftName}"`)} onClick={() => setWanted(true)}>
      {t('调整', 'Changes')}
    </Button>
  );
  if (!wanted) return button(false);
  return (
    <Suspense fallback={button(true)}>
      <ListActionsMenu {...props} />
    </Suspense>
  );
}
