import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Select, Space, Typography } from 'antd';
import type { FieldProps } from '@rjsf/utils';
import { Link } from 'react-router';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';

type Department = { name?: string; creditCode?: string; nature?: string };

/**
 * 实施主体, picked from the jurisdiction's departments and never typed: applications go to the
 * department picked, so only the jurisdiction's own can be chosen, and one without officers says so.
 */
export function DepartmentField({ formData, onChange, fieldPathId, rawErrors, uiSchema }: FieldProps<Department>) {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const departments = useQuery({ queryKey: ['departments', session.jurisdiction], queryFn: () => api.departments(session.jurisdiction) });
  const current = formData?.creditCode;
  const known = departments.data?.find((d) => d.id === current);
  const stray = current && departments.data && !known;
  return (
    <Form.Item
      label={typeof uiSchema?.['ui:title'] === 'string' ? uiSchema['ui:title'] : t('实施主体', 'Implementing department')}
      required
      labelCol={{ span: 24 }}
      wrapperCol={{ span: 24 }}
      htmlFor={fieldPathId.$id}
      validateStatus={rawErrors?.length ? 'error' : undefined}
      help={rawErrors?.length ? rawErrors.join('；') : undefined}
      extra={
        <Space size={4} wrap>
          <Typography.Text type="secondary">{t('申请将送到所选部门的工作人员办理。', 'Applications go to the officers of the department picked.')}</Typography.Text>
          <Link to="/departments">{t('管理部门和工作人员', 'Manage departments and officers')}</Link>
        </Space>
      }
    >
      {stray && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t(`当前填写的「${formData?.name ?? current}」不是本区划的部门，请重新选择。`, `"${formData?.name ?? current}" is not one of this jurisdiction’s departments; pick one.`)} />}
      <Select
        id={fieldPathId.$id}
        showSearch
        optionFilterProp="label"
        loading={departments.isLoading}
        placeholder={t('请选择部门', 'Choose a department')}
        value={known ? known.id : undefined}
        options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.officers.length ? d.name : t(`${d.name}(无工作人员)`, `${d.name} (no officers)`) }))}
        onChange={(id: string) => {
          const picked = departments.data!.find((d) => d.id === id)!;
          onChange({ name: picked.name, creditCode: picked.id, nature: picked.nature }, fieldPathId.path);
        }}
      />
    </Form.Item>
  );
}
