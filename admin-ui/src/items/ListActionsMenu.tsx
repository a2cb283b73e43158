import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Modal, Select, Typography } from 'antd';
import type { ItemHead, Jurisdiction } from '@onevisit/functions/records';
import { useState } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';

export interface ListActionsProps {
  jurisdiction: string;
  item: ItemHead;
  items: ItemHead[];
  below: Jurisdiction[];
}

/** The menu of list changes, open as it arrives (a click on 调整 loaded it), and their dialog. */
export function ListActionsMenu({ jurisdiction, item, items, below }: ListActionsProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [open, setOpen] = useState(true);
  const [dialog, setDialog] = useState<'delegate' | 'merge'>();
  const [choice, setChoice] = useState<string[]>([]);
  const close = () => {
    setDialog(undefined);
    setChoice([]);
  };
  const run = async () => {
    try {
      if (dialog === 'delegate') {
        const outcome = await api.delegate(jurisdiction, item.itemId, choice[0]!);
        message.success(outcome.status === 'cloned' ? t('已下放', 'Delegated') : t('下级已有该事项', 'The jurisdiction below has it already'));
      } else {
        await api.merge(jurisdiction, item.itemId, choice);
        message.success(t(`已合并 ${choice.length} 个事项`, `${choice.length} item(s) merged`));
      }
      await queries.invalidateQueries({ queryKey: ['items', jurisdiction] });
      await queries.invalidateQueries({ queryKey: ['downstream', jurisdiction] });
      close();
    } catch (error) {
      message.error(error instanceof ApiError ? pick(error) : String(error));
    }
  };
  const menu = [
    ...(below.length > 0 && item.version > 0 ? [{ key: 'delegate', label: t('下放到下级', 'Delegate down') }] : []),
    { key: 'merge', label: t('合并其他事项到此', 'Merge others into this') },
  ];
  return (
    <>
      <Dropdown
        trigger={['click']}
        open={open}
        onOpenChange={setOpen}
        menu={{
          items: menu,
          onClick: ({ key }) => {
            setOpen(false);
            setDialog(key as 'delegate' | 'merge');
          },
        }}
      >
        <Button size="small" aria-label={t(`「${item.draftName}」的清单调整`, `List changes for "${item.draftName}"`)}>
          {t('调整', 'Changes')}
        </Button>
      </Dropdown>
      <Modal open={dialog !== undefined} title={dialog === 'delegate' ? t(`下放「${item.draftName}」`, `Delegate "${item.draftName}"`) : t(`合并到「${item.draftName}」`, `Merge into "${item.draftName}"`)} okButtonProps={{ disabled: choice.length === 0 }} okText={t('确定', 'Confirm')} cancelText={t('取消', 'Cancel')} onOk={run} onCancel={close} destroyOnHidden>
        <Typography.Paragraph>
          {dialog === 'delegate'
            ? t('下级将得到以下放方式实施的该事项(草稿)，由其调整本地内容后发布。', 'The jurisdiction below gets the item as delegated power (a draft) to adapt and publish.')
            : t('被合并的事项将取消受理，其编码记录在本事项中；已受理的办件不受影响。', 'Merged items stop taking applications; their codes are recorded here. Cases already filed are not affected.')}
        </Typography.Paragraph>
        <Select
          aria-label={dialog === 'delegate' ? t('下放到', 'Delegate to') : t('要合并的事项', 'Items to merge')}
          style={{ width: '100%' }}
          mode={dialog === 'merge' ? 'multiple' : undefined}
          value={dialog === 'merge' ? choice : choice[0]}
          onChange={(value: string | string[]) => setChoice(Array.isArray(value) ? value : [value])}
          options={
            dialog === 'delegate'
              ? below.map((j) => ({ value: j.id, label: j.name }))
              : items.filter((i) => i.itemId !== item.itemId && i.state !== 'cancelled').map((i) => ({ value: i.itemId, label: i.draftName }))
          }
        />
      </Modal>
    </>
  );
}
