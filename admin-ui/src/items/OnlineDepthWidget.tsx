import type { WidgetProps } from '@rjsf/utils';
import { Space, Tag } from 'antd';
import { onlineLevel, onlineLevels } from '@onevisit/item-schemas';
import { useI18n } from '../i18n';

type Service = Parameters<typeof onlineLevel>[0][number];

/**
 * 网上办理深度 as ticks, with the 网办深度 level they amount to (Ⅰ–Ⅳ) beside them: the level is
 * what the catalogue and the supervision figures show, and is never typed.
 */
export function OnlineDepthWidget(props: WidgetProps) {
  const { t } = useI18n();
  // The form engine's own check-box group, as every other set is shown.
  const CheckboxesWidget = props.registry.widgets.CheckboxesWidget!;
  const [zh, en] = onlineLevels[onlineLevel((props.value ?? []) as Service[])];
  return (
    <Space direction="vertical" size={4}>
      <CheckboxesWidget {...props} />
      <span id={`${props.id}-level`}>
        {t('网办深度：', 'Online level: ')}
        <Tag color="blue">{t(zh, en)}</Tag>
      </span>
    </Space>
  );
}
