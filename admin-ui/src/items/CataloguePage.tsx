import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { templates } from '@onevisit/item-schemas/templates';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { DraftSummary, ItemHead } from '@onevisit/functions/records';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { itemTypeLabel, stateLabels } from '../labels';
import { canConfigure } from '../session';
import { ClaimDialog } from './ClaimDialog';
import { DownstreamCard } from './DownstreamCard';
import { ListActions } from './ListActions';
import { useSignedIn } from '../session-context';

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
      <Table<ItemHead>
        rowKey="itemId"
        loading={items.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 640 }}
        columns={[
          {
            title: t('事项名称', 'Name'),
            dataIndex: 'draftName',
            render: (name: string, row) => (
              <Space size={4} wrap>
                <Link to={`/items/${row.itemId}`}>{name}</Link>
                {row.upstream && <Tag color="blue">{t(`认领 v${row.upstream.version}`, `Claimed v${row.upstream.version}`)}</Tag>}
                {row.upstream && (upstreamLatest.get(row.itemId) ?? 0) > row.upstream.version && <Tag color="orange">{t(`上级已更新至 v${upstreamLatest.get(row.itemId)}`, `Upstream now v${upstreamLatest.get(row.itemId)}`)}</Tag>}
                {row.upstreamCancelled && <Tag color="red">{t('上级已取消', 'Cancelled above')}</Tag>}
                {row.mergedInto && <Tag>{t(`已并入 ${row.mergedInto}`, `Merged into ${row.mergedInto}`)}</Tag>}
              </Space>
            ),
          },
          { title: t('类型', 'Type'), render: (_, row) => <Shown row={row}>{(s) => t(...itemTypeLabel(s.itemType))}</Shown> },
          {
            title: t('实施部门', 'Department'),
            render: (_, row) => <Shown row={row}>{(s) => s.department?.name ?? <Typography.Text type="warning">{t('待选择本级部门', 'to pick here')}</Typography.Text>}</Shown>,
          },
          {
            title: t('时限(法定→承诺)', 'Limits (legal → promised)'),
            render: (_, row) => <Shown row={row}>{(s) => `${s.legalLimit?.value ?? '—'} → ${s.promisedLimit.value}`}</Shown>,
          },
          { title: t('状态', 'State'), dataIndex: 'state', render: (s: ItemHead['state']) => <Tag color={stateLabels[s][2]}>{t(stateLabels[s][0], stateLabels[s][1])}</Tag> },
          { title: t('版本', 'Version'), dataIndex: 'version', render: (v: number) => (v ? `v${v}` : '—') },
          { title: t('清单调整', 'List changes'), key: 'actions', render: (_, row) => <ListActions jurisdiction={j} item={row} items={items.data ?? []} below={below} /> },
        ]}
      />
      <CreateItemDialog open={creating} onClose={() => setCreating(false)} />
      <ClaimDialog jurisdiction={j} open={claiming} onClose={() => setClaiming(false)} />
      {(downstream.data?.length ?? 0) > 0 && <DownstreamCard clones={downstream.data!} names={new Map((items.data ?? []).map((i) => [i.itemId, i.draftName]))} />}
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

/** An item id from its name, in pinyin: 劳务派遣行政许可 → lao-wu-pai-qian-xing-zheng-xu-ke (editable). */
async function idFromName(name: string): Promise<string> {
  const { pinyin } = await import('pinyin-pro');
  const words = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((w) => w.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean);
  let id = '';
  for (const word of words) {
    if ((id ? id.length + 1 : 0) + word.length > 60) break;
    id = id ? `${id}-${word}` : word;
  }
  return id.length >= 2 ? id : '';
}

type NewItem = { source: 'blank' | 'template'; templateId?: string; name?: string; itemId: string; department?: string };

function CreateItemDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { session } = useSignedIn();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewItem>();
  const source = Form.useWatch('source', form);
  const departments = useQuery({ queryKey: ['departments', session.jurisdiction], queryFn: () => api.departments(session.jurisdiction), enabled: open });
  // The id follows the name until the official edits it.
  const [idEdited, setIdEdited] = useState(false);
  const follow = (name: string | undefined) => {
    if (idEdited || !name) return;
    void idFromName(name).then((itemId) => form.setFieldValue('itemId', itemId));
  };
  const create = useMutation({
    mutationFn: (values: NewItem) => {
      const picked = departments.data?.find((d) => d.id === values.department);
      const department = picked ? { department: { name: picked.name, creditCode: picked.id, nature: picked.nature } } : {};
      if (values.source === 'template') {
        const template = templates.find((x) => x.id === values.templateId)!;
        return api.createItem(session.jurisdiction, { itemId: values.itemId, definition: { ...structuredClone(template), id: values.itemId, ...department } });
      }
      return api.createItem(session.jurisdiction, { itemId: values.itemId, definition: { name: values.name, ...department } });
    },
    onSuccess: async ({ head }) => {
      await queries.invalidateQueries({ queryKey: ['items', session.jurisdiction] });
      onClose();
      navigate(`/items/${head.itemId}`);
    },
    onError: (error) => {
      // A taken id is the id field's problem: say it there, where it is fixed.
      if (error instanceof ApiError && error.code === 'ITEM_EXISTS') form.setFields([{ name: 'itemId', errors: [t('这个事项标识已被使用，请换一个', 'This id is taken; choose another')] }]);
      else message.error(error instanceof ApiError ? pick(error) : String(error));
    },
  });
  return (
    <Modal open={open} title={t('新建事项', 'New item')} okText={t('创建', 'Create')} cancelText={t('取消', 'Cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden afterClose={() => setIdEdited(false)}>
      <Form form={form} layout="vertical" initialValues={{ source: 'blank' }} onFinish={(values) => create.mutate(values)}>
        <Form.Item name="source" label={t('从哪里开始', 'Start from')}>
          <Radio.Group
            options={[
              { value: 'blank', label: t('空白事项', 'A blank item') },
              { value: 'template', label: t('模板', 'A template') },
            ]}
          />
        </Form.Item>
        {source === 'template' ? (
          <Form.Item name="templateId" label={t('模板', 'Template')} rules={[{ required: true, message: t('请选择模板', 'Choose a template') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
              onChange={(id: string) => {
                const template = templates.find((x) => x.id === id);
                follow(template?.name);
                if (template && departments.data?.some((d) => d.id === template.department.creditCode)) form.setFieldValue('department', template.department.creditCode);
              }}
            />
          </Form.Item>
        ) : (
          <Form.Item name="name" label={t('事项名称', 'Item name')} rules={[{ required: true, message: t('请填写事项名称', 'Enter the item name') }]}>
            <Input maxLength={200} onChange={(e) => follow(e.target.value)} />
          </Form.Item>
        )}
        <Form.Item name="department" label={t('实施主体(办理部门)', 'Implementing department')} extra={t('申请将送到该部门的工作人员办理。', 'Applications go to this department’s officers.')} rules={[{ required: true, message: t('请选择部门', 'Choose a department') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={departments.isLoading}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.officers.length ? d.name : t(`${d.name}(无工作人员)`, `${d.name} (no officers)`) }))}
          />
        </Form.Item>
        <Form.Item
          name="itemId"
          label={t('事项标识(网址中使用)', 'Item id (used in addresses)')}
          extra={t('按名称自动生成，可修改：小写字母、数字和 -', 'made from the name; you may change it: lowercase letters, digits and -')}
          rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{1,79}$/, message: t('仅含小写字母、数字和 -，2 至 80 个字符', '2–80 lowercase letters, digits or -') }]}
        >
          <Input onChange={() => setIdEdited(true)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
