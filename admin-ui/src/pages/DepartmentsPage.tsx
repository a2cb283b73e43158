import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { departmentNatures, isUscc } from '@onevisit/item-schemas';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, type DepartmentWithOfficers } from '../api';
import { ReassignDialog, type Reassigning } from '../cases/ReassignDialog';
import { useI18n } from '../i18n';
import { canConfigure } from '../session';
import { useSignedIn } from '../session-context';

/**
 * The jurisdiction's departments (实施主体) and their officers. Items pick their department from
 * this list and applications go to its officers, so a department without officers, and items or
 * cases that reach nobody, are shown at the top to be fixed.
 */

export function DepartmentsPage() {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const j = session.jurisdiction;
  const departments = useQuery({ queryKey: ['departments', j], queryFn: () => api.departments(j), enabled: canConfigure(session) });
  const [editing, setEditing] = useState<DepartmentWithOfficers | 'new'>();
  if (!canConfigure(session)) return <Alert type="info" showIcon message={t('只有区划管理员可以管理部门。', 'Only jurisdiction administrators manage departments.')} />;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('部门与工作人员', 'Departments and officers')}
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('新增部门', 'New department')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        {t('事项的实施主体从这里的部门中选择，申请送到该部门的工作人员办理。每个办理事项的部门都要有工作人员。', 'Items pick their implementing department from this list, and applications go to its officers: every department that implements items needs officers.')}
      </Typography.Paragraph>
      <Stranded departments={departments.data ?? []} />
      <Table<DepartmentWithOfficers>
        rowKey="id"
        loading={departments.isLoading}
        dataSource={departments.data ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { title: t('部门名称', 'Name'), dataIndex: 'name' },
          { title: t('统一社会信用代码', 'Credit code'), dataIndex: 'id', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
          { title: t('性质', 'Nature'), dataIndex: 'nature', render: (n: DepartmentWithOfficers['nature']) => t(departmentNatures[n][0], departmentNatures[n][1]) },
          { title: t('工作人员', 'Officers'), key: 'officers', render: (_, d) => <Officers jurisdiction={j} department={d} /> },
          { title: t('操作', 'Actions'), key: 'edit', render: (_, d) => <Button size="small" onClick={() => setEditing(d)}>{t('修改', 'Edit')}</Button> },
        ]}
      />
      {editing && <DepartmentDialog jurisdiction={j} editing={editing} taken={(departments.data ?? []).map((d) => d.id)} onClose={() => setEditing(undefined)} />}
    </>
  );
}

/** A department's officers as tags, each removable, and a field to add one. */
function Officers({ jurisdiction, department }: { jurisdiction: string; department: DepartmentWithOfficers }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const refresh = () => Promise.all([queries.invalidateQueries({ queryKey: ['departments', jurisdiction] }), queries.invalidateQueries({ queryKey: ['unreachable', jurisdiction] })]);
  const onError = (error: unknown) => message.error(error instanceof ApiError ? pick(error) : String(error));
  const add = useMutation({
    mutationFn: () => api.addOfficer(jurisdiction, department.id, name),
    onSuccess: async (officer) => {
      setName('');
      message.success(t(`已添加「${officer.name}」，可以登录办理本部门的办件`, `${officer.name} added; they can sign in and work this department's cases`));
      await refresh();
    },
    onError,
  });
  const remove = useMutation({ mutationFn: (userId: string) => api.removeOfficer(jurisdiction, department.id, userId), onSuccess: refresh, onError });
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Space wrap size={4}>
        {department.officers.length === 0 && <Tag color="red">{t('无工作人员，申请无人受理', 'No officers: applications reach nobody')}</Tag>}
        {department.officers.map((o) => (
          <Tag key={o.id} style={{ marginInlineEnd: 0 }}>
            {o.name}
            <Popconfirm
              title={t(`移除「${o.name}」？`, `Remove "${o.name}"?`)}
              description={
                department.officers.length === 1
                  ? t(`移除后「${department.name}」将没有工作人员，它办理的事项的申请将无人受理。`, `${department.name} will have no officers left: applications to its items would reach nobody.`)
                  : undefined
              }
              okText={t('移除', 'Remove')}
              okButtonProps={{ danger: true }}
              cancelText={t('取消', 'Cancel')}
              onConfirm={() => remove.mutate(o.id)}
            >
              <Button type="link" size="small" style={{ padding: '0 0 0 4px', height: 'auto' }} aria-label={t(`移除${o.name}`, `Remove ${o.name}`)}>
                {t('移除', 'Remove')}
              </Button>
            </Popconfirm>
          </Tag>
        ))}
      </Space>
      <Space.Compact>
        <Input size="small" aria-label={t(`${department.name}新工作人员姓名`, `New officer of ${department.name}`)} placeholder={t('新工作人员姓名', 'New officer’s name')} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} onPressEnter={() => name.trim() && add.mutate()} />
        <Button size="small" disabled={!name.trim()} loading={add.isPending} onClick={() => add.mutate()}>
          {t('添加', 'Add')}
        </Button>
      </Space.Compact>
    </Space>
  );
}

function DepartmentDialog({ jurisdiction, editing, taken, onClose }: { jurisdiction: string; editing: DepartmentWithOfficers | 'new'; taken: string[]; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const isNew = editing === 'new';
  const [form] = Form.useForm<{ id: string; name: string; nature: DepartmentWithOfficers['nature'] }>();
  const save = useMutation({
    mutationFn: (values: { id: string; name: string; nature: DepartmentWithOfficers['nature'] }) => api.saveDepartment(jurisdiction, values.id, { name: values.name, nature: values.nature }),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['departments', jurisdiction] });
      onClose();
    },
    onError: (error) => message.error(error instanceof ApiError ? pick(error) : String(error)),
  });
  return (
    <Modal open title={isNew ? t('新增部门', 'New department') : t('修改部门', 'Edit department')} okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <Form form={form} layout="vertical" initialValues={isNew ? { nature: '1' } : editing} onFinish={(values) => save.mutate(values)}>
        <Form.Item name="name" label={t('部门名称', 'Name')} rules={[{ required: true, whitespace: true, message: t('请填写部门名称', 'Enter the name') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="id"
          label={t('统一社会信用代码', 'Unified social credit code')}
          extra={t('18 位，部门的身份；保存后不能修改', '18 characters; it identifies the department and cannot change later')}
          rules={[
            { required: true, message: t('请填写统一社会信用代码', 'Enter the code') },
            { validator: (_, v: string) => (!v || isUscc(v) ? Promise.resolve() : Promise.reject(new Error(t('统一社会信用代码不正确(请核对校验位)', 'This code is not valid (check the last character)')))) },
            { validator: (_, v: string) => (!isNew || !taken.includes(v) ? Promise.resolve() : Promise.reject(new Error(t('已有使用此代码的部门', 'A department already has this code')))) },
          ]}
        >
          <Input disabled={!isNew} maxLength={18} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item name="nature" label={t('实施主体性质', 'Nature')}>
          <Select options={Object.entries(departmentNatures).map(([value, [zh, en]]) => ({ value, label: t(zh, en) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Items and open cases that reach nobody: each with the way to fix it. */
function Stranded({ departments }: { departments: DepartmentWithOfficers[] }) {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const j = session.jurisdiction;
  const found = useQuery({ queryKey: ['unreachable', j], queryFn: () => api.unreachable(j) });
  const [moving, setMoving] = useState<Reassigning>();
  if (!found.data || (found.data.items.length === 0 && found.data.cases.length === 0)) return null;
  const why = (reason: 'unknown' | 'noOfficer') => (reason === 'unknown' ? t('实施主体不是本区划的部门', 'its department is not one of this jurisdiction’s') : t('实施主体没有工作人员', 'its department has no officers'));
  const nameOf = (id: string) => departments.find((d) => d.id === id)?.name ?? id;
  return (
    <Card size="small" title={t('需要处理：申请送不到人', 'To fix: applications that reach nobody')} style={{ marginBottom: 16, borderColor: '#c41d1d' }}>
      {found.data.items.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 15 }}>{t('事项', 'Items')}</Typography.Title>
          <ul>
            {found.data.items.map((i) => (
              <li key={i.itemId}>
                <Link to={`/items/${i.itemId}`}>{i.name}</Link> — {i.department}：{why(i.reason)}
                {t('。请在事项中重新选择实施主体并发布，或为该部门添加工作人员。', '. Pick the department again in the item and publish, or add officers to the department.')}
              </li>
            ))}
          </ul>
        </>
      )}
      {found.data.cases.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 15 }}>{t('未办结的办件', 'Open cases')}</Typography.Title>
          <Table
            size="small"
            rowKey="trackingNumber"
            pagination={false}
            dataSource={found.data.cases}
            columns={[
              { title: t('受理编号', 'Number'), dataIndex: 'trackingNumber' },
              { title: t('事项', 'Item'), dataIndex: 'itemName' },
              { title: t('收件日期', 'Received'), dataIndex: 'receivedOn' },
              { title: t('原因', 'Why'), render: (_, c) => `${nameOf(c.departmentId)}：${why(c.reason)}` },
              { title: t('操作', 'Action'), render: (_, c) => <Button size="small" onClick={() => setMoving({ trackingNumber: c.trackingNumber, revision: c.revision, departmentId: c.departmentId })}>{t('移交部门', 'Move')}</Button> },
            ]}
          />
        </>
      )}
      {moving && <ReassignDialog jurisdiction={j} reassigning={moving} departments={departments} onClose={() => setMoving(undefined)} />}
    </Card>
  );
}
