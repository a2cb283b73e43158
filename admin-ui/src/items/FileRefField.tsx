import type { FileRef } from '@onevisit/item-schemas';
import type { FieldProps } from '@rjsf/utils';
import { Form } from 'antd';
import { FileSlot } from './FileSlot';

/** A file of the model (a result's sample) uploaded, not typed as its key and name. */
export function FileRefField({ formData, onChange, fieldPathId, schema, uiSchema }: FieldProps<FileRef>) {
  const label = typeof uiSchema?.['ui:title'] === 'string' ? uiSchema['ui:title'] : (schema.title ?? '');
  return (
    <Form.Item label={label} labelCol={{ span: 24 }} wrapperCol={{ span: 24 }} htmlFor={fieldPathId.$id}>
      <FileSlot id={fieldPathId.$id} label={label} value={formData} onChange={(next) => onChange(next, fieldPathId.path)} />
    </Form.Item>
  );
}
