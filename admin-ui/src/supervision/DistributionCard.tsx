import { Card, Col, Row, Table } from 'antd';
import type { GroupFigures } from '@onevisit/functions/supervision';
import { lazy, Suspense, useMemo } from 'react';
import { useI18n } from '../i18n';

const DistributionChart = lazy(() => import('./DistributionChart').then((m) => ({ default: m.DistributionChart })));

const shares = ['quarter', 'half', 'threeQuarters', 'whole', 'beyond'] as const;

/**
 * The decisions of the period by how much of their allowed working days (to the promised date,
 * pauses out) they used; with the counties, each jurisdiction beside the others.
 */
export function DistributionCard({ total, side, nameOf }: { total: GroupFigures; side: GroupFigures[]; nameOf: (key: string) => string }) {
  const { t } = useI18n();
  const buckets = useMemo(() => [t('≤25%', '≤25%'), t('25–50%', '25–50%'), t('50–75%', '50–75%'), t('75–100%', '75–100%'), t('超出承诺', 'beyond the promise')], [t]);
  const groups = side.length > 0 ? side : [total];
  const series = useMemo(() => groups.map((g) => ({ name: g.key === 'all' ? t('办结件', 'Decisions') : nameOf(g.key), values: shares.map((s) => g.cases.usedAgainstPromised[s]) })), [groups, nameOf, t]);
  const rows = buckets.map((name, i) => ({ name, values: series.map((s) => s.values[i]!) }));
  return (
    <Card title={t('办理用时占承诺时限的比例(办结件数)', 'Working days used against promised (decisions)')}>
      <Row gutter={24}>
        <Col xs={24} xl={12}>
          <Suspense fallback={null}>
            <DistributionChart buckets={buckets} series={series} />
          </Suspense>
        </Col>
        <Col xs={24} xl={12}>
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={rows}
            columns={[{ title: t('用时/承诺', 'Used / promised'), dataIndex: 'name' }, ...series.map((s, i) => ({ key: s.name, title: s.name, render: (_: unknown, r: (typeof rows)[number]) => r.values[i] }))]}
          />
        </Col>
      </Row>
    </Card>
  );
}
