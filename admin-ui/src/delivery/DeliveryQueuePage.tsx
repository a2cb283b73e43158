import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';
import { deliveryApi, type WindowQueueEntry } from './delivery-api';
import { DeskDialog, type DeskAct } from './DeliveryDialogs';

/** 统一出件: the results waiting at the window, to hand over or post, and the window cases sent back for 补正. */
export function DeliveryQueuePage() {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const jurisdiction = session.jurisdiction;
  const desk = session.user.role === 'windowOfficer';
  const client = useQueryClient();
  const queue = useQuery({ queryKey: ['window-delivery', jurisdiction], queryFn: () => deliveryApi.queue(jurisdiction), refetchInterval: 60_000 });
  const [open, setOpen] = useState<{ act: DeskAct; entry: WindowQueueEntry }>();
  const entries = queue.data ?? [];
  const methodWords = (m: 'window' | 'post') => (m === 'post' ? t('邮寄', 'By post') : t('窗口领取', 'At the window'));

  const table = (task: 'delivery' | 'correction') => (
    <Table<WindowQueueEntry>
      rowKey="trackingNumber"
      loading={queue.isLoading}
      dataSource={entries.filter((e) => e.task === task)}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 720 }}
      locale={{ emptyText: <Empty description={task === 'delivery' ? t('没有待出件的结果', 'No results waiting') : t('没有待补正的办件', 'No corrections waiting')} /> }}
      columns={[
        { title: t('受理编号', 'Tracking number'), dataIndex: 'trackingNumber' },
        { title: t('事项', 'Item'), dataIndex: 'itemName' },
        { title: t('申请人', 'Applicant'), render: (_, e) => `${e.applicant.name ?? '—'}${e.agent ? t(`(代理人 ${e.agent.name})`, ` (agent ${e.agent.name})`) : ''}` },
        task === 'delivery'
          ? { title: t('办理结果', 'Result'), render: (_, e) => (e.result ? `${e.result.name}${e.result.number ? ` ${e.result.number}` : ''}` : e.outcome === 'denied' ? t('不予许可决定书', 'Decision of denial') : '—') }
          : { title: t('需补正', 'To correct'), render: (_, e) => (e.corrections ?? []).map((c) => `${c.name ? `${c.name}：` : ''}${c.note}`).join('；') },
        task === 'delivery' ? { title: t('领取方式', 'Collection'), render: (_, e) => <Tag color={e.collection.method === 'post' ? 'purple' : 'blue'}>{methodWords(e.collection.method)}</Tag> } : { title: t('告知日期', 'Asked on'), dataIndex: 'due' },
        ...(task === 'delivery' ? [{ title: t('送达期限', 'Deliver by'), dataIndex: 'due', render: (d?: string) => d ?? '—' }] : []),
        {
          title: t('操作', 'Actions'),
          render: (_, e) =>
            desk ? (
              <Space wrap>
                {task === 'delivery' ? (
                  <>
                    <Button type={e.collection.method === 'window' ? 'primary' : 'default'} onClick={() => setOpen({ act: 'handover', entry: e })} aria-label={t(`窗口领取 ${e.trackingNumber}`, `Hand over ${e.trackingNumber}`)}>
                      {t('窗口领取', 'Hand over')}
                    </Button>
                    <Button type={e.collection.method === 'post' ? 'primary' : 'default'} onClick={() => setOpen({ act: 'posting', entry: e })} aria-label={t(`邮寄 ${e.trackingNumber}`, `Post ${e.trackingNumber}`)}>
                      {t('邮寄', 'Post')}
                    </Button>
                  </>
                ) : (
                  <Button type="primary" onClick={() => setOpen({ act: 'correction', entry: e })} aria-label={t(`收取补正材料 ${e.trackingNumber}`, `Take in the corrections of ${e.trackingNumber}`)}>
                    {t('收取补正材料', 'Take in')}
                  </Button>
                )}
              </Space>
            ) : null,
        },
      ]}
    />
  );

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('统一出件', 'Results to hand out')}
      </Typography.Title>
      {queue.error && <Alert type="error" showIcon message={String((queue.error as Error).message)} />}
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('待出件', 'Waiting to go out')}
      </Typography.Title>
      {table('delivery')}
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('退回窗口补正', 'Sent back for corrections')}
      </Typography.Title>
      {table('correction')}
      {open && (
        <DeskDialog
          act={open.act}
          entry={open.entry}
          jurisdiction={jurisdiction}
          onClose={() => setOpen(undefined)}
          onDone={() => {
            setOpen(undefined);
            void client.invalidateQueries({ queryKey: ['window-delivery', jurisdiction] });
          }}
        />
      )}
    </>
  );
}
