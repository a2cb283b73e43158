import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Row, Segmented, Space, Switch, Table, Typography } from 'antd';
import type { GroupFigures, Grouping } from '@onevisit/functions/supervision';
import type { Dayjs } from 'dayjs';
import { shanghaiToday } from '../shanghai-today';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';
import { CountiesCard } from './CountiesCard';
import { DistributionCard } from './DistributionCard';
import { caseSearchLink } from './drill';
import { FigureCards, percent } from './FigureCards';
import { OrdersCard } from './OrdersCard';
import { OverdueCard } from './OverdueCard';
import { supervisionApi } from './supervision-api';
import { TrendCard } from './TrendCard';

/**
 * 电子监察: a period's figures for the jurisdiction (a city with its counties, side by side, unless
 * switched off), read from the kept counters: cards leading to the cases behind them, a ranking of
 * departments, items or counties by 按时办结率, the trend of the last 12 months and the working
 * days used against promised (each chart with its table), the 超期件 with their cases and 督办,
 * and the 督办 followed to their answers.
 */

const RankingChart = lazy(() => import('./RankingChart').then((m) => ({ default: m.RankingChart })));

export function SupervisionPage() {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const { message } = App.useApp();
  const j = session.jurisdiction;
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [shanghaiToday().startOf('month'), shanghaiToday()]);
  const [groupBy, setGroupBy] = useState<Grouping>('department');
  const jurisdictions = useQuery({ queryKey: ['jurisdictions'], queryFn: api.jurisdictions });
  const [countiesChosen, setCounties] = useState<boolean>();
  const counties = countiesChosen ?? jurisdictions.data?.some((x) => x.parent === j) ?? false;
  const period = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const query = { ...period, groupBy, counties };
  const figures = useQuery({ queryKey: ['supervision', j, query], queryFn: () => api.supervision(j, query), enabled: jurisdictions.isFetched });
  // Side by side: the jurisdictions' figures, from the ranking's query when it is by jurisdiction.
  const sideQuery = { ...period, groupBy: 'jurisdiction' as const, counties: true };
  const side = useQuery({ queryKey: ['supervision', j, sideQuery], queryFn: () => api.supervision(j, sideQuery), enabled: counties && groupBy !== 'jurisdiction' });
  const sideGroups = counties ? (groupBy === 'jurisdiction' ? figures.data?.groups : side.data?.groups) : undefined;
  const orders = useQuery({ queryKey: ['supervision-orders', j], queryFn: () => supervisionApi.orders(j) });
  const departments = useQuery({ queryKey: ['departments', j], queryFn: () => api.departments(j) });
  const items = useQuery({ queryKey: ['items', j], queryFn: () => api.items(j) });
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
    // The API names the counties' departments and items too, which this jurisdiction's lists do not hold.
    for (const [key, name] of Object.entries(figures.data?.names ?? {})) names.set(key, name);
    return (key: string) => names.get(key) ?? (key.includes('/') ? key.split('/')[1]! : key);
  }, [departments.data, items.data, jurisdictions.data, figures.data?.names]);

  const total = figures.data?.total;
  // Counties stand side by side whatever they did; departments and items only with something to rank.
  const ranked = (figures.data?.groups ?? []).filter((g) => groupBy === 'jurisdiction' || g.counters.received + g.counters.decided > 0).sort((a, b) => (b.cases.onTimeRate.value ?? -1) - (a.cases.onTimeRate.value ?? -1));
  const groupTitle = { department: t('部门', 'Department'), item: t('事项', 'Item'), jurisdiction: t('区划', 'Jurisdiction') }[groupBy];
  /** A ranked group's cases, where the case search can find them (this jurisdiction's departments and items). */
  const groupLink = (g: GroupFigures) => {
    if (groupBy === 'department' && departments.data?.some((d) => d.id === g.key)) return caseSearchLink(period, { department: g.key });
    if (groupBy === 'item' && g.key.startsWith(`${j}/`)) return caseSearchLink(period, { itemId: g.key.slice(j.length + 1) });
    return undefined;
  };
  const supervised = new Set((orders.data ?? []).filter((o) => o.status !== 'answered').map((o) => o.trackingNumber));

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
      {total && <FigureCards total={total} period={period} />}
      {sideGroups && <CountiesCard groups={sideGroups} nameOf={nameOf} />}
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
                  {
                    title: groupTitle,
                    render: (_, g) => {
                      const to = groupLink(g);
                      return to ? <Link to={to}>{nameOf(g.key)}</Link> : nameOf(g.key);
                    },
                  },
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
      <TrendCard jurisdiction={j} to={period.to} counties={counties} nameOf={nameOf} />
      {total && <DistributionCard total={total} side={sideGroups ?? []} nameOf={nameOf} />}
      <OverdueCard jurisdiction={j} asOf={figures.data?.asOf ?? ''} overdue={total?.overdue ?? []} nameOf={nameOf} supervised={supervised} />
      <OrdersCard orders={orders.data ?? []} />
    </Space>
  );
}
