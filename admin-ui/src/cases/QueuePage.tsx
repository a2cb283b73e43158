import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Card, Col, Empty, List, Row, Table, Tag, Typography } from 'antd';
import { statusNames } from '@onevisit/functions/case-names';
import type { QueueEntry } from '@onevisit/functions/cases';
import { Link } from 'react-router';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';
import { shanghaiTime } from './format';
import { WarningTag } from './WarningTag';

/** The department's open cases, most urgent first, and its in-site messages. */
export function QueuePage() {
  const { t, language } = useI18n();
  const { session } = useSignedIn();
  const officer = session.user.role === 'officer';
  const queue = useQuery({ queryKey: ['queue'], queryFn: api.queue, enabled: officer, refetchInterval: 60_000 });
  const inbox = useQuery({ queryKey: ['inbox'], queryFn: api.inbox, enabled: officer, refetchInterval: 60_000 });
  if (!officer) return <Alert type="info" showIcon message={t('待办件属于部门工作人员。', 'The case queue belongs to department officers.')} />;
  const pick = (m: { text: string; text_en?: string }) => (language === 'en' && m.text_en ? m.text_en : m.text);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={17}>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('待办件', 'Open cases')}
        </Typography.Title>
        <Table<QueueEntry>
          rowKey="trackingNumber"
          loading={queue.isLoading}
          dataSource={queue.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 720 }}
          locale={{ emptyText: <Empty description={t('没有待办件', 'No open cases')} /> }}
          columns={[
            { title: t('预警', 'Urgency'), dataIndex: 'warning', width: 100, render: (level: QueueEntry['warning']) => <WarningTag level={level} /> },
            { title: t('受理编号', 'Tracking number'), dataIndex: 'trackingNumber', render: (n: string) => <Link to={`/cases/${n}`}>{n}</Link> },
            { title: t('事项', 'Item'), dataIndex: 'itemName' },
            { title: t('申请人', 'Applicant'), dataIndex: 'applicant', render: (a?: string) => a ?? '—' },
            {
              title: t('状态', 'Status'),
              key: 'status',
              render: (_, e) => (
                <>
                  {t(...statusNames[e.status])}
                  {e.step ? ` · ${e.step}` : ''}
                  {e.awaitingReview && (
                    <Tag color="orange" style={{ marginLeft: 6 }}>
                      {t('容缺待审', 'Supplement to review')}
                    </Tag>
                  )}
                </>
              ),
            },
            { title: t('当前期限', 'Due next'), key: 'due', render: (_, e) => e.due.acceptance?.due ?? e.due.step?.due ?? e.due.promised.due },
            { title: t('承诺办结', 'Promised by'), key: 'promised', render: (_, e) => e.due.promised.due },
          ]}
        />
      </Col>
      <Col xs={24} xl={7}>
        <Card title={<Badge count={inbox.data?.length ?? 0} overflowCount={99} offset={[14, 0]}>{t('站内消息', 'Messages')}</Badge>} size="small">
          <List
            size="small"
            loading={inbox.isLoading}
            dataSource={inbox.data ?? []}
            locale={{ emptyText: t('暂无消息', 'No messages') }}
            renderItem={(m) => (
              <List.Item>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {shanghaiTime(m.at)}
                  </Typography.Text>
                  <div>{m.trackingNumber ? <Link to={`/cases/${m.trackingNumber}`}>{pick(m)}</Link> : pick(m)}</div>
                </div>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
