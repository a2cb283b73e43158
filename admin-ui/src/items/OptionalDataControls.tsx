import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import type { OptionalDataControlsTemplateProps } from '@rjsf/utils';
import { Button, Typography } from 'antd';
import { useI18n } from '../i18n';
import { optionalControlName } from './form-engine-text';

/**
 * The switch of an optional group (办理结果, 委托部门, 子项 …) as words, not a bare icon: 填写此项
 * opens it, 不填此项 takes it out again, so leaving it empty is a choice the official sees. Each
 * is named after its group (填写此项：办理结果), so a screen reader's list of buttons tells them apart.
 */
export function OptionalDataControls({ id, label, schema, uiSchema, onAddClick, onRemoveClick }: OptionalDataControlsTemplateProps) {
  const { language } = useI18n();
  const title = (uiSchema?.['ui:title'] as string | undefined) ?? schema.title;
  const name = optionalControlName(language, label, title);
  if (onAddClick) {
    return (
      <Button id={id} size="small" type="dashed" icon={<PlusOutlined />} onClick={onAddClick} aria-label={name}>
        {label}
      </Button>
    );
  }
  if (onRemoveClick) {
    return (
      <Button id={id} size="small" icon={<MinusOutlined />} onClick={onRemoveClick} aria-label={name}>
        {label}
      </Button>
    );
  }
  return (
    <Typography.Text id={id} type="secondary">
      {label}
    </Typography.Text>
  );
}
