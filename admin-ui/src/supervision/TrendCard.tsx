import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Table } from 'antd';
import type { TrendMonth } from '@onevisit/functions/supervision';
import { lazy, Suspense, useMemo } from 'react';
import { useI18n } from '../i18n';
import { percent } from './FigureCards';
import { supervisionApi } from './supervision-api';

const TrendChart = lazy(() => import('./TrendChart').then((m) => ({ default: m.TrendChart })));

const inPercent = (m: TrendMonth) => (m.onTimeRate.value === null ? null : Math.round(m.onTimeRate.value * 1000) / 10);

/** The last 12 months up to the period's end: the chart, and the same figures as a table. */
export function TrendCard({ jurisdiction, to, counties, nameOf }: { jurisdiction: string; to: string; counties: boolean; nameOf: (key: string) => string }) {
  const { t } = useI18n();
  const trend = useQuery({ queryKey: ['supervision-trend', jurisdiction, to, counties], queryFn: () => supervisionApi.trend(jurisdiction, { to, counties }) });
  const data = trend.data;
  const onTimeName = t('按时办结率', 'On time');
  const series = useMemo(
    () =>
      data && {
        months: data.months,
        received: data.total.map((m) => m.received),
        decided: data.total.map((m) => m.decided),
        onTime: [{ name: counties ? t(`${onTimeName}(合计)`, `${onTimeName} (all)`) : onTimeName, values: data.total.map(inPercent) }, ...data.jurisdictions.map((j) => ({ name: `${nameOf(j.jurisdiction)} ${onTimeName}`, values: j.months.map(inPercent) }))],
      },
    [data, counties, nameOf, onTimeName, t],
  );
  const labels = useMemo(() => ({ received: t('收件', 'Received'), decided: t('办结', 'Decided') }), [t]);
  const rows = data?.months.map((month, i) => ({ month, total: data.total[i]!, byJurisdiction: data.jurisdictions.map((j) => j.months[i]!) })) ?? [];
  return (
    <Card title={t('近12个月趋势', 'The last 12 months')} loading={trend.isLoading}>
      <Row gutter={24}>
        <Col xs={24} xl={10}>
          <Suspense fallback={null}>{series && <TrendChart series={series} labels={labels} />}</Suspense>
        </Col>
        <Col xs={24} xl={14}>
          <Table
            size="small"
            rowKey="month"
            pagination={false}
            scroll={{ x: true }}
            dataSource={rows}
            columns={[
              { title: t('月份', 'Month'), dataIndex: 'month', render: (m: string) => <span style={{ whiteSpace: 'nowrap' }}>{m}</span> },
              { title: t('收件', 'Received'), render: (_, r) => r.total.received },
              { title: t('办结', 'Decided'), render: (_, r) => r.total.decided },
              { title: onTimeName, render: (_, r) => percent(r.total.onTimeRate) },
              ...(data?.jurisdictions ?? []).map((j, i) => ({ key: j.jurisdiction, title: `${nameOf(j.jurisdiction)} ${onTimeName}`, render: (_: unknown, r: (typeof rows)[number]) => percent(r.byJurisdiction[i]!.onTimeRate) })),
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
