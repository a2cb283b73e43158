import { Button, Input, Space } from 'antd';
import { useI18n } from '../i18n';
import type { BuilderField } from './fields';

type Options = NonNullable<BuilderField['options']>;

/** A choice's stored code: option1, option2 … the first not taken, so codes never change when labels do. */
function nextOptionValue(options: Options): string {
  const taken = new Set(options.map((o) => o.value));
  let n = 1;
  while (taken.has(`option${n}`)) n++;
  return `option${n}`;
}

/** The choices of a single or multiple choice question: their words, added and removed; the stored codes are made here. */
export function OptionsEditor({ id, options, onChange }: { id: string; options: Options; onChange: (next: Options) => void }) {
  const { t } = useI18n();
  return (
    <fieldset style={{ border: 0, padding: 0, marginBottom: 12 }}>
      <legend style={{ fontSize: 14 }}>{t('选项', 'Choices')}</legend>
      <Space direction="vertical">
        {options.map((o, i) => (
          <Space key={i} wrap>
            <Input aria-label={t(`选项${i + 1}显示文字`, `Choice ${i + 1} label`)} id={`${id}-option-${i}`} value={o.label} onChange={(e) => onChange(options.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))} />
            <Button size="small" onClick={() => onChange(options.filter((_, j) => j !== i))}>{t('删除选项', 'Remove')}</Button>
          </Space>
        ))}
        <Button size="small" onClick={() => onChange([...options, { value: nextOptionValue(options), label: t(`选项${options.length + 1}`, `Choice ${options.length + 1}`) }])}>
          {t('添加选项', 'Add a choice')}
        </Button>
      </Space>
    </fieldset>
  );
}
