import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import type { OptionalDataControlsTemplateProps } from '@rjsf/utils';
import { Button, Typography } from 'antd';

/**
 * The switch of an optional group (办理结果, 委托部门, 子项 …) as words, not a bare icon: 填写此项
 * opens it, 不填此项 takes it out again, so leaving it empty is a choice the official sees.
 */
export function OptionalDataControls({ id, label, onAddClick, onRemoveClick }: OptionalDataControlsTemplateProps) {
  if (onAddClick) {
    return (
      <Button id={id} size="small" type="dashed" icon={<PlusOutlined />} onClick={onAddClick}>
        {label}
      </Button>
    );
  }
  if (onRemoveClick) {
    return (
      <Button id={id} size="small" icon={<MinusOutlined />} onClick={onRemoveClick}>
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
