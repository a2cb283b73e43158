import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { api, ApiError, type DepartmentWithOfficers } from '../api';
import { useI18n } from '../i18n';

/** A case an administrator is moving: where it is now and the revision they saw. */
export interface Reassigning {
  trackingNumber: string;
  revision: number;
  departmentId: string;
}

/** Moves a case to a department that has officers; the reason goes into the case's history. */
export function ReassignDialog({ jurisdiction, reassigning, departments, onClose }: { jurisdiction: string; reassigning: Reassigning; departments: DepartmentWithOfficers[]; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<{ department: string; reason: string }>();
  const move = useMutation({
    mutationFn: (values: { department: string; reason: string }) => api.reassign(jurisdiction, reassigning.trackingNumber, { ...values, expectedRevision: reassigning.revision }),
    onSuccess: async () => {
      message.success(t('已移交', 'Moved'));
      await Promise.all(['unreachable', 'case-search', 'case'].map((key) => queries.invalidateQueries({ queryKey: [key] })));
      onClose();
    },
    onError: (error) => message.error(error instanceof ApiError ? pick(error) : String(error)),
  });
  const options = departments
    .filter((d) => d.id !== reassigning.departmentId)
    .map((d) => ({ value: d.id, label: d.officers.length ? d.name : t(`${d.name}(无工作人员)`, `${d.name} (no officers)`), disabled: d.officers.length === 0 }));
  return (
    <Modal open title={t(`移交办件 ${reassigning.trackingNumber}`, `Move case ${reassigning.trackingNumber}`)} okText={t('移交', 'Move')} cancelText={t('取消', 'Cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={move.isPending}>
      <Form form={form} name="reassign" layout="vertical" onFinish={(values) => move.mutate(values)}>
        <Form.Item name="department" label={t('移交到', 'Move to')} rules={[{ required: true, message: t('请选择部门', 'Choose a department') }]}>
          <Select showSearch optionFilterProp="label" options={options} />
        </Form.Item>
        <Form.Item name="reason" label={t('移交原因(记入办件记录)', 'Why (kept in the case history)')} rules={[{ required: true, whitespace: true, message: t('请填写移交原因', 'Say why') }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
