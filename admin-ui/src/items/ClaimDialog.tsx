import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Input, Modal, Progress, Select, Space, Table, Tag } from 'antd';
import type { Key } from 'react';
import { useMemo, useState } from 'react';
import { api, ApiError, type Claimable } from '../api';
import { useI18n } from '../i18n';
import { itemTypeLabel } from '../labels';

const BATCH = 25;

/**
 * 认领: pick the parent's items (one, a department's, or all) and clone them in batches, with
 * progress. Items already claimed are shown as such; claiming them again changes nothing.
 */
export function ClaimDialog({ jurisdiction, open, onClose }: { jurisdiction: string; open: boolean; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const claimable = useQuery({ queryKey: ['claimable', jurisdiction], queryFn: () => api.claimable(jurisdiction), enabled: open });
  const [selected, setSelected] = useState<Key[]>([]);
  const [department, setDepartment] = useState<string>();
  const [text, setText] = useState('');
  const [done, setDone] = useState<number>();
  const rows = useMemo(
    () => (claimable.data ?? []).filter((i) => (!department || i.department === department) && (!text || i.name.includes(text))),
    [claimable.data, department, text],
  );
  const departments = [...new Set((claimable.data ?? []).map((i) => i.department))];

  async function claim() {
    const ids = selected.map(String);
    setDone(0);
    try {
      let cloned = 0;
      let withoutDepartment = 0;
      for (let i = 0; i < ids.length; i += BATCH) {
        const { results } = await api.clone(jurisdiction, ids.slice(i, i + BATCH));
        cloned += results.filter((r) => r.status === 'cloned').length;
        withoutDepartment += results.filter((r) => r.status === 'cloned' && !r.department).length;
        setDone(Math.min(ids.length, i + BATCH));
      }
      message.success(t(`已认领 ${cloned} 个事项，实施主体已设为本级对应部门`, `${cloned} item(s) claimed, each given this jurisdiction’s matching department`));
      // Without a department of its own, a clone's applications would reach nobody: say which need one.
      if (withoutDepartment > 0) {
        message.warning(t(`${withoutDepartment} 个事项没有找到本级对应的部门，发布前请在「本地化」中选择实施主体`, `${withoutDepartment} item(s) found no matching department here; pick one under "Local parts" before publishing`), 8);
      }
      await queries.invalidateQueries({ queryKey: ['items', jurisdiction] });
      await queries.invalidateQueries({ queryKey: ['claimable', jurisdiction] });
      setSelected([]);
      onClose();
    } catch (error) {
      message.error(error instanceof ApiError ? pick(error) : String(error));
    } finally {
      setDone(undefined);
    }
  }

  return (
    <Modal
      open={open}
      width={860}
      title={t('从上级认领事项', 'Claim items from the level above')}
      okText={t(`认领所选(${selected.length})`, `Claim the selected (${selected.length})`)}
      cancelText={t('关闭', 'Close')}
      okButtonProps={{ disabled: selected.length === 0, loading: done !== undefined }}
      onOk={claim}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert style={{ marginBottom: 12 }} type="info" showIcon message={t('认领后事项的基本要素沿用上级，本级可调整承诺时限、收费、实施主体等本地内容；上级的办理地点和咨询方式不沿用，请填写本级的(未填写时，申请人被告知到实施主体办理)。上级更新时会提示。', 'Claimed items keep the basic elements from above; you adapt the local parts (promised limit, fees, department). The windows and enquiry lines above are not taken over: give your own (until then applicants are sent to the implementing department). You are told when the level above changes them.')} />
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search aria-label={t('按名称搜索', 'Search by name')} placeholder={t('按名称搜索', 'Search by name')} allowClear onChange={(e) => setText(e.target.value.trim())} style={{ width: 200 }} />
        <Select aria-label={t('实施部门', 'Department')} placeholder={t('全部部门', 'All departments')} allowClear style={{ width: 240 }} value={department} onChange={setDepartment} options={departments.map((d) => ({ value: d, label: d }))} />
      </Space>
      {done !== undefined && <Progress percent={Math.round((done / Math.max(1, selected.length)) * 100)} aria-label={t('认领进度', 'Progress')} />}
      <Table<Claimable>
        rowKey="itemId"
        size="small"
        loading={claimable.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        rowSelection={{ selectedRowKeys: selected, onChange: setSelected, getCheckboxProps: (row) => ({ disabled: row.cloned, 'aria-label': row.name }) }}
        columns={[
          { title: t('事项名称', 'Name'), dataIndex: 'name' },
          { title: t('类型', 'Type'), dataIndex: 'itemType', render: (code: string) => t(...itemTypeLabel(code)) },
          { title: t('实施部门', 'Department'), dataIndex: 'department' },
          { title: t('版本', 'Version'), dataIndex: 'version', render: (v: number) => `v${v}` },
          { title: t('状态', 'Status'), dataIndex: 'cloned', render: (cloned: boolean) => (cloned ? <Tag color="green">{t('已认领', 'Claimed')}</Tag> : <Tag>{t('未认领', 'Not claimed')}</Tag>) },
        ]}
      />
    </Modal>
  );
}
