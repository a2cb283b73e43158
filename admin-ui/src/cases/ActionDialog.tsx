import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import { deliveryMethods, specialProcedureKinds } from '@onevisit/item-schemas';
import type { CaseDetail } from '@onevisit/functions/cases';
import { api } from '../api';
import { FormDialog } from '../FormDialog';
import { useI18n } from '../i18n';
import type { ActionField, ActionForm } from './actions';

/**
 * Asks for what one action needs and sends it on the revision the officer is looking at, once. A
 * decision starts with what the item issues (its 办理结果), which the officer may change.
 */
export function ActionDialog({ form: spec, detail, onClose, onDone }: { form: ActionForm; detail: CaseDetail; onClose: () => void; onDone: () => void }) {
  const issues = detail.resultName && spec.fields.some((f) => f.name === 'result.name');
  return (
    <FormDialog
      label={spec.label}
      danger={spec.tone === 'danger'}
      initialValues={spec.fields.some((f) => f.kind === 'corrections') ? { items: [{}] } : issues ? { result: { name: detail.resultName } } : {}}
      send={(values, key) => api.act(detail.case.trackingNumber, { ...spec.request, ...withoutBlanks(values), expectedRevision: detail.case.revision }, key)}
      onClose={onClose}
      onDone={onDone}
    >
      {spec.fields.map((field) => (
        <FieldInput key={field.name} field={field} detail={detail} />
      ))}
    </FormDialog>
  );
}

/** The answers without the fields left empty, at any depth (a result's number, say). */
function withoutBlanks(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, typeof v === 'object' && v !== null && !Array.isArray(v) ? withoutBlanks(v as Record<string, unknown>) : v]),
  );
}

function FieldInput({ field, detail }: { field: ActionField; detail: CaseDetail }) {
  const { t } = useI18n();
  const label = t(...field.label);
  const rules = field.required ? [{ required: true, whitespace: true, message: t(`请填写${field.label[0]}`, `${field.label[1]} is required`) }] : [];
  switch (field.kind) {
    case 'text':
      return (
        <Form.Item name={field.name.split('.')} label={label} rules={rules}>
          <Input maxLength={200} />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item name={field.name.split('.')} label={label} rules={[...rules, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('请选择有效的日期', 'Pick a valid date') }]}>
          <Input type="date" />
        </Form.Item>
      );
    case 'textarea':
      return (
        <Form.Item name={field.name.split('.')} label={label} rules={rules}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      );
    case 'procedure': {
      // The item's own special procedures first, then the rest of the law's list.
      const own = new Set(detail.specialProcedures);
      const kinds = Object.entries(specialProcedureKinds).sort(([a], [b]) => Number(own.has(b)) - Number(own.has(a)));
      return (
        <Form.Item name={field.name} label={label} rules={[{ required: true, message: t('请选择特别程序', 'Choose the procedure') }]}>
          <Select options={kinds.map(([value, [zh, en]]) => ({ value, label: t(zh, en) }))} />
        </Form.Item>
      );
    }
    case 'delivery': {
      const methods = detail.deliveryMethods.length > 0 ? detail.deliveryMethods : Object.keys(deliveryMethods);
      return (
        <Form.Item name={field.name} label={label} rules={[{ required: true, message: t('请选择送达方式', 'Choose how it is delivered') }]}>
          <Select options={methods.map((m) => deliveryMethods[m as keyof typeof deliveryMethods]).filter(Boolean).map(([zh, en]) => ({ value: zh, label: t(zh, en) }))} />
        </Form.Item>
      );
    }
    case 'corrections':
      return (
        <Form.List name="items" rules={[{ validator: async (_, items: unknown[]) => (items?.length ? undefined : Promise.reject(new Error(t('至少一项', 'At least one')))) }]}>
          {(rows, { add, remove }) => (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend style={{ fontSize: 14, marginBottom: 8 }}>{label}</legend>
              {rows.map((row, n) => (
                <Space key={row.key} align="start" style={{ display: 'flex', marginBottom: 4 }} wrap>
                  <Form.Item name={[row.name, 'materialId']} style={{ marginBottom: 4 }}>
                    <Select
                      aria-label={t(`第${n + 1}项涉及的材料`, `Material of item ${n + 1}`)}
                      placeholder={t('涉及的材料(可不选)', 'Material (optional)')}
                      allowClear
                      style={{ width: 180 }}
                      options={detail.case.materials.map((m) => ({ value: m.materialId, label: m.name }))}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'note']} style={{ marginBottom: 4 }} rules={[{ required: true, whitespace: true, message: t('请写明要补正什么', 'Say what to correct') }]}>
                    <Input aria-label={t(`第${n + 1}项补正内容`, `What to correct, item ${n + 1}`)} placeholder={t('要补正什么', 'What to correct')} style={{ width: 240 }} maxLength={500} />
                  </Form.Item>
                  {rows.length > 1 && <Button type="text" aria-label={t(`删除第${n + 1}项`, `Remove item ${n + 1}`)} icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('再加一项', 'Add another')}
              </Button>
            </fieldset>
          )}
        </Form.List>
      );
  }
}
