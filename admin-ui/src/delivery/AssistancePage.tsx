import { useQuery, useQueryClient } from '@tanstack/react-query';
import { statusNames } from '@onevisit/functions/case-names';
import { Alert, Button, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { shanghaiTime } from '../cases/format';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';
import { deliveryApi, type AssistanceView } from './delivery-api';
import { FollowUpDialog, NewAssistanceDialog } from './AssistanceDialogs';

/** 帮办代办: the requests recorded at the window, the cases each covers and where they stand, and each one's 回访. */
export function AssistancePage() {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const jurisdiction = session.jurisdiction;
  const desk = session.user.role === 'windowOfficer';
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['assistance', jurisdiction], queryFn: () => deliveryApi.assistance(jurisdiction) });
  const [adding, setAdding] = useState(false);
  const [following, setFollowing] = useState<AssistanceView>();
  const done = () => {
    setAdding(false);
    setFollowing(undefined);
    void client.invalidateQueries({ queryKey: ['assistance', jurisdiction] });
  };
  const followUpWords = (r: AssistanceView) => {
    const f = r.followUp!;
    return `${f.on} ${f.reached ? t(f.satisfied ? '已联系，满意' : '已联系，不满意', f.satisfied ? 'reached, satisfied' : 'reached, not satisfied') : t('未联系上', 'not reached')}${f.note ? `：${f.note}` : ''}`;
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('帮办代办', 'Help and delegation')}
      </Typography.Title>
      {desk && (
        <Button type="primary" onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>
          {t('登记帮办代办', 'Record a request')}
        </Button>
      )}
      {list.error && <Alert type="error" showIcon message={String((list.error as Error).message)} />}
      <Table<AssistanceView>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t('还没有帮办代办记录', 'No requests yet')} /> }}
        columns={[
          { title: t('登记时间', 'Recorded'), dataIndex: 'createdAt', render: (at: string) => shanghaiTime(at) },
          { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k: 'help' | 'proxy') => <Tag color={k === 'proxy' ? 'purple' : 'blue'}>{k === 'proxy' ? t('代办', 'Delegated') : t('帮办', 'Help')}</Tag> },
          { title: t('申请人', 'Applicant'), render: (_, r) => `${r.requester.name}${r.requester.phone ? ` ${r.requester.phone}` : ''}` },
          { title: t('帮办代办员', 'Helped by'), render: (_, r) => r.helper.name },
          { title: t('委托书', 'Letter'), render: (_, r) => (r.letter ? t('已上传', 'Uploaded') : '—') },
          {
            title: t('所涉办件', 'Cases'),
            render: (_, r) => (
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {r.caseStates.map((c) => (
                  <li key={c.trackingNumber}>{`${c.trackingNumber} ${c.itemName}：${t(...statusNames[c.status])}`}</li>
                ))}
              </ul>
            ),
          },
          {
            title: t('回访', 'Follow-up'),
            render: (_, r) =>
              r.followUp ? (
                followUpWords(r)
              ) : r.caseStates.some((c) => c.status !== 'delivered') ? (
                // A 回访 asks how the delivery went: it is due once every result is delivered.
                t('待结果送达后回访', 'Once the results are delivered')
              ) : desk ? (
                <Button onClick={() => setFollowing(r)} aria-label={t(`回访 ${r.requester.name}`, `Follow up ${r.requester.name}`)}>
                  {t('回访', 'Follow up')}
                </Button>
              ) : (
                t('待回访', 'Not yet')
              ),
          },
        ]}
      />
      {adding && <NewAssistanceDialog jurisdiction={jurisdiction} onClose={() => setAdding(false)} onDone={done} />}
      {following && <FollowUpDialog record={following} jurisdiction={jurisdiction} onClose={() => setFollowing(undefined)} onDone={done} />}
    </>
  );
}
