import { Card, Empty, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { orderStatusColours, orderStatusNames, type Order, type OrderStatus } from './supervision-api';

/** Every 督办 of the jurisdiction, unanswered first, each to its case and its answer. */
export function OrdersCard({ orders }: { orders: Order[] }) {
  const { t } = useI18n();
  const [shown, setShown] = useState<OrderStatus | 'all'>('all');
  const count = (s: OrderStatus) => orders.filter((o) => o.status === s).length;
  return (
    <Card
      title={t('督办', 'Supervision orders')}
      extra={
        <Segmented<OrderStatus | 'all'>
          aria-label={t('按答复情况筛选', 'Filter by answer')}
          value={shown}
          onChange={setShown}
          options={[
            { value: 'all', label: t(`全部 ${orders.length}`, `All ${orders.length}`) },
            ...(['open', 'overdue', 'answered'] as const).map((s) => ({ value: s, label: `${t(...orderStatusNames[s])} ${count(s)}` })),
          ]}
        />
      }
    >
      <Table<Order>
        size="small"
        rowKey={(o) => `${o.trackingNumber}#${o.seq}`}
        dataSource={shown === 'all' ? orders : orders.filter((o) => o.status === shown)}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t('没有督办', 'No supervision orders')} /> }}
        columns={[
          { title: t('受理编号', 'Tracking number'), render: (_, o) => <Link to={`/cases/${o.trackingNumber}`}>{o.trackingNumber}</Link> },
          { title: t('事项', 'Item'), dataIndex: 'itemName' },
          { title: t('督办对象', 'To'), dataIndex: 'departmentName' },
          { title: t('督办事项', 'Asked'), dataIndex: 'ask' },
          { title: t('督办日期', 'Raised'), dataIndex: 'raisedOn' },
          { title: t('答复期限', 'Answer by'), dataIndex: 'dueOn' },
          {
            title: t('答复情况', 'Answer'),
            render: (_, o) => (
              <Space direction="vertical" size={0}>
                <Space size={4}>
                  <Tag color={orderStatusColours[o.status]}>{t(...orderStatusNames[o.status])}</Tag>
                  {o.answeredLate && <Tag color="orange">{t('逾期答复', 'late')}</Tag>}
                </Space>
                {o.answer && <span>{t(`${o.answer.on} ${o.answer.by.name ?? ''}：${o.answer.text}`, `${o.answer.on} ${o.answer.by.name ?? ''}: ${o.answer.text}`)}</span>}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
