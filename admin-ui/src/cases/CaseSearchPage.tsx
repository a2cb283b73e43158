import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Empty, Form, Input, Select, Space, Table, Typography } from 'antd';
import { channelNames, statusNames } from '@onevisit/functions/case-names';
import { caseChannels, caseStatuses } from '@onevisit/functions/cases';
import { levelLabels } from '@onevisit/functions/ratings';
import { caseRatingFilterLabels, caseRatingFilters } from '@onevisit/functions/supervision';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type CaseSearch, type CaseSearchEntry } from '../api';
import { useI18n } from '../i18n';
import { canConfigure } from '../session';
import { useSignedIn } from '../session-context';
import { ReassignDialog, type Reassigning } from './ReassignDialog';

/**
 * Every case, open or closed: officers search their department's, administrators their
 * jurisdiction's, by number, applicant (name or ID number), item, status, channel, window, the
 * case's own rating (the 好差评 figures lead here) and receipt dates.
 * Administrators can move an open case to another department from here.
 */

const outcomeNames: Record<string, [string, string]> = { approved: ['准予', 'approved'], denied: ['不予许可', 'denied'], transferred: ['转报', 'transferred'] };
const openStatuses = new Set(['received', 'correctionRequested', 'inProcess', 'suspended', 'decided']);

interface Filters {
  number?: string;
  applicant?: string;
  itemId?: string;
  statuses?: string[];
  department?: string;
  channel?: string;
  window?: string;
  rating?: string;
  dates?: [{ format: (f: string) => string } | null, { format: (f: string) => string } | null] | null;
}

export function CaseSearchPage() {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const j = session.jurisdiction;
  const admin = canConfigure(session);
  // A figure's cases (the supervision page links here): the filters it names, searched at once.
  const [params] = useSearchParams();
  const [query, setQuery] = useState<CaseSearch>(() => Object.fromEntries(['itemId', 'status', 'department', 'channel', 'window', 'rating', 'from', 'to'].flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : []))));
  const [initial] = useState<Filters>(() => ({
    itemId: query.itemId,
    department: query.department,
    channel: query.channel,
    window: query.window,
    rating: query.rating,
    ...(query.status ? { statuses: query.status.split(',') } : {}),
    ...(query.from || query.to ? { dates: [query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null] } : {}),
  }));
  const [moving, setMoving] = useState<Reassigning>();
  const items = useQuery({ queryKey: ['items', j], queryFn: () => api.items(j), enabled: admin });
  const departments = useQuery({ queryKey: ['departments', j], queryFn: () => api.departments(j), enabled: admin });
  const results = useInfiniteQuery({
    queryKey: ['case-search', query],
    queryFn: ({ pageParam }) => api.searchCases({ ...query, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor,
  });
  const rows = results.data?.pages.flatMap((p) => p.cases) ?? [];
  const departmentName = (id: string) => departments.data?.find((d) => d.id === id)?.name ?? id;

  const search = (f: Filters) =>
    setQuery({
      ...(f.number?.trim() ? { number: f.number.trim() } : {}),
      ...(f.applicant?.trim() ? { applicant: f.applicant.trim() } : {}),
      ...(f.itemId ? { itemId: f.itemId } : {}),
      ...(f.statuses?.length ? { status: f.statuses.join(',') } : {}),
      ...(f.department ? { department: f.department } : {}),
      ...(f.channel ? { channel: f.channel } : {}),
      ...(f.window?.trim() ? { window: f.window.trim() } : {}),
      ...(f.rating ? { rating: f.rating } : {}),
      ...(f.dates?.[0] ? { from: f.dates[0].format('YYYY-MM-DD') } : {}),
      ...(f.dates?.[1] ? { to: f.dates[1].format('YYYY-MM-DD') } : {}),
    });

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('办件查询', 'Find cases')}
      </Typography.Title>
      <Form<Filters> name="case-search" layout="inline" initialValues={initial} onFinish={search} style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item name="number" label={t('受理编号', 'Number')} rules={[{ pattern: /^\s*\d{6}-\d{8}-\d{6}\s*$/, message: t('格式如 990100-20260302-000001', 'like 990100-20260302-000001') }]}>
          <Input allowClear style={{ width: 210 }} />
        </Form.Item>
        <Form.Item name="applicant" label={t('申请人', 'Applicant')}>
          <Input allowClear placeholder={t('姓名、名称或证件号', 'Name or ID number')} style={{ width: 180 }} />
        </Form.Item>
        {admin && (
          <Form.Item name="itemId" label={t('事项', 'Item')}>
            <Select allowClear showSearch optionFilterProp="label" style={{ width: 200 }} options={(items.data ?? []).map((i) => ({ value: i.itemId, label: i.draftName }))} />
          </Form.Item>
        )}
        <Form.Item name="statuses" label={t('状态', 'Status')}>
          <Select mode="multiple" allowClear style={{ minWidth: 180 }} options={caseStatuses.map((s) => ({ value: s, label: t(...statusNames[s]) }))} />
        </Form.Item>
        {admin && (
          <Form.Item name="department" label={t('部门', 'Department')}>
            <Select allowClear showSearch optionFilterProp="label" style={{ width: 200 }} options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        )}
        <Form.Item name="channel" label={t('申报来源', 'Channel')}>
          <Select allowClear style={{ width: 140 }} options={caseChannels.map((c) => ({ value: c, label: t(...channelNames[c]) }))} />
        </Form.Item>
        <Form.Item name="window" label={t('受理窗口号', 'Window')}>
          <Input allowClear style={{ width: 80 }} maxLength={10} />
        </Form.Item>
        <Form.Item name="rating" label={t('评价', 'Rating')}>
          <Select allowClear style={{ width: 240 }} options={caseRatingFilters.map((r) => ({ value: r, label: t(...caseRatingFilterLabels[r]) }))} />
        </Form.Item>
        <Form.Item name="dates" label={t('收件日期', 'Received')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('查询', 'Search')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">{t('未选日期时查询近一年收件的办件。', 'Without dates, cases received in the last year are searched.')}</Typography.Paragraph>
      <Table<CaseSearchEntry>
        rowKey="trackingNumber"
        loading={results.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty description={t('没有符合条件的办件', 'No matching cases')} /> }}
        columns={[
          { title: t('受理编号', 'Number'), dataIndex: 'trackingNumber', render: (n: string) => <Link to={`/cases/${n}`}>{n}</Link> },
          { title: t('事项', 'Item'), dataIndex: 'itemName' },
          { title: t('申请人', 'Applicant'), dataIndex: 'applicant', render: (a?: string) => a ?? '—' },
          { title: t('收件日期', 'Received'), dataIndex: 'receivedOn' },
          { title: t('申报来源', 'Channel'), key: 'channel', render: (_, e) => (e.channel ? t(...channelNames[e.channel]) : '—') },
          { title: t('受理窗口号', 'Window'), dataIndex: 'windowNumber', render: (n?: string) => n ?? '—' },
          { title: t('评价', 'Rating'), key: 'rating', render: (_, e) => (e.rating ? `${t(...levelLabels[e.rating.level - 1]!)}${e.rating.voided ? t('(差评申诉成立)', ' (voided on appeal)') : ''}` : '—') },
          {
            title: t('状态', 'Status'),
            key: 'status',
            render: (_, e) => {
              const outcome = e.outcome ? outcomeNames[e.outcome] : undefined;
              return `${t(...statusNames[e.status])}${outcome ? ` · ${t(...outcome)}` : ''}`;
            },
          },
          ...(admin
            ? [
                { title: t('部门', 'Department'), key: 'department', render: (_: unknown, e: CaseSearchEntry) => departmentName(e.departmentId) },
                {
                  title: t('操作', 'Action'),
                  key: 'move',
                  render: (_: unknown, e: CaseSearchEntry) =>
                    openStatuses.has(e.status) ? (
                      <Button size="small" onClick={() => setMoving({ trackingNumber: e.trackingNumber, revision: e.revision, departmentId: e.departmentId })}>
                        {t('移交部门', 'Move')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {results.hasNextPage && (
        <Space style={{ marginTop: 12 }}>
          <Button onClick={() => void results.fetchNextPage()} loading={results.isFetchingNextPage}>
            {t('加载更多', 'Load more')}
          </Button>
        </Space>
      )}
      {moving && departments.data && <ReassignDialog jurisdiction={j} reassigning={moving} departments={departments.data} onClose={() => setMoving(undefined)} />}
    </>
  );
}
