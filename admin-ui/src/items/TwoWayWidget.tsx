import { Radio } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import { useI18n } from '../i18n';

/**
 * A yes/no field shown as two plain choices with their own words (不收费 / 收费). An untouched
 * field shows "no", which is what the model stores for it, so the screen and the record agree.
 */
export function TwoWayWidget({ id, value, onChange, options, disabled, readonly }: WidgetProps) {
  const { t } = useI18n();
  const [no, yes] = options.choices as [[string, string], [string, string]];
  return (
    <Radio.Group
      id={id}
      disabled={disabled || readonly}
      value={value === true}
      onChange={(e) => onChange(e.target.value as boolean)}
      options={[
        { value: false, label: t(...no) },
        { value: true, label: t(...yes) },
      ]}
    />
  );
}
