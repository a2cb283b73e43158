import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Select, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { DraftSummary, ItemHead } from '@onevisit/functions/records';
import { api } from '../api';
import { useI18n } from '../i18n';
import { itemTypeLabel, stateLabels } from '../labels';
import { Later } from '../later';
import { PlainTable } from '../plain-table';
import { canConfigure } from '../session';
import { ListActions } from './ListActions';
import { useSignedIn } from '../session-context';

// What the list opens loads when it is opened: the seed templates come with the new-item dialog.
const CreateItemDialog = lazy(() => import('./CreateItemDialog').then((m) => ({ default: m.CreateItemDialog })));
const ClaimDialog = lazy(() => import('./ClaimDialog').then((m) => ({ default: m.ClaimDialog })));
const DownstreamCard = lazy(() => import('./DownstreamCard').then((m) => ({ default: m.DownstreamCard })));

/** The jurisdiction's items: search, filter, and create from blank or from a template. */
export function CataloguePage() {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const j = session.jurisdiction;
  const navigate = useNavigate();
  const items = useQuery({ queryKey: ['items', j], queryFn: () => api.items(j), enabled: canConfigure(session) });
  const [text, setText] = useState('');
  const [state, setState] = useState<string>();
  const [type, setType] = useState<string>();
  const [department, setDepartment] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [claiming, setClaiming] = useState(false);
  const jurisdictions = useQuery({ queryKey: ['jurisdictions'], queryFn: api.jurisdictions });
  const hasParent = !!jurisdictions.data?.find((x) => x.id === j)?.parent;
  const below = (jurisdictions.data ?? []).filter((x) => x.parent === j);
  // The latest upstream versions, to say which clones are behind.
  const claimable = useQuery({ queryKey: ['claimable', j], queryFn: () => api.claimable(j), enabled: hasParent && canConfigure(session) });
  const upstreamLatest = new Map((claimable.data ?? []).map((c) => [c.itemId, c.version]));
  const downstream = useQuery({ queryKey: ['downstream', j], queryFn: () => api.downstream(j), enabled: canConfigure(session) });

  const rows = useMemo(
    () =>
      (items.data ?? [])
        .filter((i) => !text || i.draftName.includes(text) || i.itemId.includes(text))
        .filter((i) => !state || i.state === state)
        .filter((i) => !type || shownSummary(i)?.itemType === type)
        .filter((i) => !department || shownSummary(i)?.department?.creditCode === department),
    [items.data, text, state, type, department],
  );
  const shownDepartments = (items.data ?? []).map((i) => shownSummary(i)?.department).filter((d) => d !== undefined);
  const departments = [...new Map(shownDepartments.map((d) => [d.creditCode, d.name])).entries()];
  const types = [...new Set((items.data ?? []).map((i) => shownSummary(i)?.itemType).filter((x): x is string => !!x))].sort();

  if (!canConfigure(session)) {
    return <Alert type="info" showIcon message={t('只有区划管理员可以配置事项。', 'Only jurisdiction administrators configure items.')} />;
  }
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('事项清单', 'Items')}
        </Typography.Title>
        <Space wrap>
          {hasParent && <Button onClick={() => setClaiming(true)}>{t('从上级认领', 'Claim from above')}</Button>}
          <Button onClick={() => navigate('/exchange')}>{t('导入/导出', 'Import / export')}</Button>
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('新建事项', 'New item')}
          </Button>
        </Space>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search aria-label={t('按名称搜索', 'Search by name')} placeholder={t('按名称搜索', 'Search by name')} allowClear onChange={(e) => setText(e.target.value.trim())} style={{ width: 220 }} />
        <Select aria-label={t('状态', 'State')} placeholder={t('全部状态', 'All states')} allowClear style={{ width: 130 }} value={state} onChange={setState} options={Object.entries(stateLabels).map(([value, [zh, en]]) => ({ value, label: t(zh, en) }))} />
        <Select aria-label={t('事项类型', 'Item type')} placeholder={t('全部类型', 'All types')} allowClear style={{ width: 150 }} value={type} onChange={setType} options={types.map((value) => ({ value, label: t(...itemTypeLabel(value)) }))} />
        <Select aria-label={t('实施部门', 'Department')} placeholder={t('全部部门', 'All departments')} allowClear style={{ width: 220 }} value={department} onChange={setDepartment} options={departments.map(([value, label]) => ({ value, label }))} />
      </Space>
      <PlainTable<ItemHead>
        rowKey={(row) => row.itemId}
        loading={items.isLoading}
        rows={rows}
        minWidth={640}
        columns={[
          {
            key: 'name',
            title: t('事项名称', 'Name'),
            render: (row) => (
              <Space size={4} wrap>
                <Link to={`/items/${row.itemId}`}>{row.draftName}</Link>
                {row.upstream && <Tag color="blue">{t(`认领 v${row.upstream.version}`, `Claimed v${row.upstream.version}`)}</Tag>}
                {row.upstream && (upstreamLatest.get(row.itemId) ?? 0) > row.upstream.version && <Tag color="orange">{t(`上级已更新至 v${upstreamLatest.get(row.itemId)}`, `Upstream now v${upstreamLatest.get(row.itemId)}`)}</Tag>}
                {row.upstreamCancelled && <Tag color="red">{t('上级已取消', 'Cancelled above')}</Tag>}
                {row.mergedInto && <Tag>{t(`已并入 ${row.mergedInto}`, `Merged into ${row.mergedInto}`)}</Tag>}
              </Space>
            ),
          },
          { key: 'type', title: t('类型', 'Type'), render: (row) => <Shown row={row}>{(s) => t(...itemTypeLabel(s.itemType))}</Shown> },
          {
            key: 'department',
            title: t('实施部门', 'Department'),
            render: (row) => <Shown row={row}>{(s) => s.department?.name ?? <Typography.Text type="warning">{t('待选择本级部门', 'to pick here')}</Typography.Text>}</Shown>,
          },
          {
            key: 'limits',
            title: t('时限(法定→承诺)', 'Limits (legal → promised)'),
            render: (row) => <Shown row={row}>{(s) => `${s.legalLimit?.value ?? '—'} → ${s.promisedLimit.value}`}</Shown>,
          },
          { key: 'state', title: t('状态', 'State'), render: (row) => <Tag color={stateLabels[row.state][2]}>{t(stateLabels[row.state][0], stateLabels[row.state][1])}</Tag> },
          { key: 'version', title: t('版本', 'Version'), render: (row) => (row.version ? `v${row.version}` : '—') },
          { key: 'actions', title: t('清单调整', 'List changes'), render: (row) => <ListActions jurisdiction={j} item={row} items={items.data ?? []} below={below} /> },
        ]}
      />
      <Later when={creating}>
        <CreateItemDialog open={creating} onClose={() => setCreating(false)} />
      </Later>
      <Later when={claiming}>
        <ClaimDialog jurisdiction={j} open={claiming} onClose={() => setClaiming(false)} />
      </Later>
      {(downstream.data?.length ?? 0) > 0 && (
        <Suspense fallback={null}>
          <DownstreamCard clones={downstream.data!} names={new Map((items.data ?? []).map((i) => [i.itemId, i.draftName]))} />
        </Suspense>
      )}
    </>
  );
}

/** What a row shows and is filtered by: its published version, else a claimed item's draft. */
const shownSummary = (row: ItemHead): DraftSummary | undefined => row.published ?? row.draftSummary;

/**
 * A row's published summary; before the first publish, a claimed item's draft (its type, the
 * county's department, its limits) in grey, marked as not yet published.
 */
function Shown({ row, children }: { row: ItemHead; children: (summary: DraftSummary) => ReactNode }) {
  const { t } = useI18n();
  if (row.published) return <>{children(row.published)}</>;
  if (!row.draftSummary) return <>—</>;
  return (
    <Space size={4} wrap>
      <Typography.Text type="secondary">{children(row.draftSummary)}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('(未发布)', '(not published)')}
      </Typography.Text>
    </Space>
  );
}
