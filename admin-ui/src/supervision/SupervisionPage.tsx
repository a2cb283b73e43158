import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Row, Segmented, Space, Statistic, Switch, Table, Typography } from 'antd';
import type { GroupFigures, Grouping, OverdueCase, Ratio } from '@onevisit/functions/supervision';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';

/**
 * 电子监察: a period's figures for the jurisdiction (and its counties side by side), read from the
 * kept counters: cards for the figures leaders are judged by, a ranking of departments, items or
 * counties by 按时办结率 (chart and table), and the 超期件, each leading to its case.
 */

const RankingChart = lazy(() => import('./RankingChart').then((m) => ({ default: m.RankingChart })));

const percent = (r: Ratio) => (r.value === null ? '—' : `${(r.value * 100).toFixed(1)}%`);
const mean = (r: Ratio) => (r.value === null ? '—' : r.value.toFixed(1));

export function SupervisionPage() {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const { message } = App.useApp();
  const j = session.jurisdiction;
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const [groupBy, setGroupBy] = useState<Grouping>('department');
  const [counties, setCounties] = useState(false);
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), groupBy, counties };
  const figures = useQuery({ queryKey: ['supervision', j, query], queryFn: () => api.supervision(j, query) });
  const departments = useQuery({ queryKey: ['departments', j], queryFn: () => api.departments(j) });
  const items = useQuery({ queryKey: ['items', j], queryFn: () => api.items(j) });
  const jurisdictions = useQuery({ queryKey: ['jurisdictions'], queryFn: api.jurisdictions });
  const audit = useMutation({
    mutationFn: () => api.rebuildCounters(j, true),
    onSuccess: (r) => {
      void figures.refetch();
      void message.success(r.differences === 0 ? t(`已核对 ${r.cases} 件办件，统计无误`, `${r.cases} cases checked: the figures were right`) : t(`已核对 ${r.cases} 件办件，更正 ${r.differences} 处统计`, `${r.cases} cases checked: ${r.differences} counts corrected`));
    },
  });

  const download = useMutation({
    mutationFn: () => api.supervisionWorkbook(j, query),
    onSuccess: (file) => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(file);
      link.download = `电子监察-${j}-${query.from}-${query.to}.xlsx`;
      link.click();
      URL.revokeObjectURL(link.href);
    },
    onError: (error) => void message.error(error.message),
  });

  /** A group's name as people know it: the department's, the item's, the jurisdiction's. */
  const nameOf = useMemo(() => {
    const names = new Map<string, string>();
    for (const d of departments.data ?? []) names.set(d.id, d.name);
    for (const i of items.data ?? []) names.set(`${i.jurisdiction}/${i.itemId}`, i.published?.name ?? i.draftName);
    for (const x of jurisdictions.data ?? []) names.set(x.id, x.name);
    return (key: string) => names.get(key) ?? (groupBy === 'item' ? key.split('/')[1]! : key);
  }, [departments.data, items.data, jurisdictions.data, groupBy]);

  const total = figures.data?.total;
  // Counties stand side by side whatever they did; departments and items only with something to rank.
  const ranked = (figures.data?.groups ?? []).filter((g) => groupBy === 'jurisdiction' || g.counters.received + g.counters.decided > 0).sort((a, b) => (b.cases.onTimeRate.value ?? -1) - (a.cases.onTimeRate.value ?? -1));
  const groupTitle = { department: t('部门', 'Department'), item: t('事项', 'Item'), jurisdiction: t('区划', 'Jurisdiction') }[groupBy];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('电子监察', 'Supervision')}
      </Typography.Title>
      <Space wrap>
        <DatePicker.RangePicker aria-label={t('统计期间', 'Period')} allowClear={false} value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
        <Segmented<Grouping>
          aria-label={t('分组', 'Group by')}
          value={groupBy}
          onChange={setGroupBy}
          options={[
            { value: 'department', label: t('按部门', 'By department') },
            { value: 'item', label: t('按事项', 'By item') },
            { value: 'jurisdiction', label: t('按区划', 'By jurisdiction') },
          ]}
        />
        <Space>
          <Switch id="counties" checked={counties} onChange={setCounties} />
          <label htmlFor="counties">{t('含下辖县区', 'With the counties')}</label>
        </Space>
        <Button loading={download.isPending} onClick={() => download.mutate()}>
          {t('导出 Excel', 'Export to Excel')}
        </Button>
        <Button loading={audit.isPending} onClick={() => audit.mutate()}>
          {t('按办件核对统计', 'Check the figures against the cases')}
        </Button>
      </Space>
      {figures.error && <Alert type="error" showIcon message={String(figures.error.message)} />}
      {total && (
        <Row gutter={[16, 16]}>
          {(
            [
              [t('收件', 'Received'), total.cases.received],
              [t('受理', 'Accepted'), total.cases.accepted],
              [t('办结', 'Decided'), total.cases.decided.total],
              [t('按时办结率', 'On time'), percent(total.cases.onTimeRate)],
              [t('提前办结率', 'Early'), percent(total.cases.earlyRate)],
              [t('日结率', 'Same day'), percent(total.cases.sameDayRate)],
              [t('超期件', 'Overdue'), total.overdue.length],
              [t('办理提速', 'Faster than the law'), percent(total.cases.handlingSpeedUp)],
              [t('平均用时(工作日)', 'Mean working days'), mean(total.cases.meanWorkdaysUsed)],
              [t('好评率', 'Good ratings'), percent(total.cases.ratings.goodRate)],
              [t('差评', 'Poor ratings'), total.cases.ratings.poor],
              [t('网办率', 'Applied online'), percent(total.cases.onlineShare)],
              [t('承诺提速', 'Promised faster'), percent(total.catalogue.promiseCompression)],
            ] as const
          ).map(([title, value]) => (
            <Col key={title} xs={12} sm={8} lg={4}>
              <Card size="small">
                <Statistic title={title} value={value} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Card title={t(`${groupTitle}排名 · 按时办结率`, `${groupTitle} ranking · on time`)}>
        {ranked.length === 0 ? (
          <Empty description={t('本期没有办件', 'No cases in this period')} />
        ) : (
          <Row gutter={24}>
            <Col xs={24} lg={10}>
              <Suspense fallback={null}>
                <RankingChart unit="%" rows={ranked.map((g) => ({ name: nameOf(g.key), value: g.cases.onTimeRate.value === null ? null : Math.round(g.cases.onTimeRate.value * 1000) / 10 }))} />
              </Suspense>
            </Col>
            <Col xs={24} lg={14}>
              <Table<GroupFigures>
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={ranked}
                columns={[
                  { title: groupTitle, render: (_, g) => nameOf(g.key) },
                  { title: t('收件', 'Received'), render: (_, g) => g.cases.received },
                  { title: t('办结', 'Decided'), render: (_, g) => g.cases.decided.total },
                  { title: t('按时办结率', 'On time'), render: (_, g) => `${percent(g.cases.onTimeRate)} (${g.cases.onTimeRate.numerator}/${g.cases.onTimeRate.denominator})` },
                  { title: t('日结率', 'Same day'), render: (_, g) => percent(g.cases.sameDayRate) },
                  { title: t('超期件', 'Overdue'), render: (_, g) => g.overdue.length },
                ]}
              />
            </Col>
          </Row>
        )}
      </Card>
      <Card title={t(`超期件(截至 ${figures.data?.asOf ?? ''})`, `Overdue cases (as of ${figures.data?.asOf ?? ''})`)}>
        <Table<OverdueCase>
          size="small"
          rowKey="trackingNumber"
          dataSource={total?.overdue ?? []}
          locale={{ emptyText: <Empty description={t('没有超期件', 'No overdue cases')} /> }}
          columns={[
            { title: t('受理编号', 'Tracking number'), render: (_, c) => <Link to={`/cases/${c.trackingNumber}`}>{c.trackingNumber}</Link> },
            { title: t('事项', 'Item'), dataIndex: 'itemName' },
            { title: t('部门', 'Department'), render: (_, c) => nameOf(c.departmentId) },
            { title: t('申请人', 'Applicant'), render: (_, c) => c.applicant ?? '—' },
            { title: t('经办人', 'Handled by'), render: (_, c) => c.handledBy ?? '—' },
            { title: t('承诺期限', 'Promised by'), dataIndex: 'due' },
            { title: t('超期(工作日)', 'Working days late'), dataIndex: 'workdaysLate' },
          ]}
        />
      </Card>
    </Space>
  );
}
