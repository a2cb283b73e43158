import { PlusOutlined } from '@ant-design/icons';
import { englishStringTranslator, TranslatableString, type IconButtonProps } from '@rjsf/utils';
import { Button } from 'antd';
import type { Language } from '../i18n';

/**
 * The words the form engine puts on the editor's own forms (buttons, tooltips, empty lists), in
 * the official's language, and an add button that says what it does rather than an icon alone.
 */
const chinese: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加一项',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.EmptyArray]: '暂无，点击下方按钮添加。',
  [TranslatableString.ArrayItemTitle]: '项',
  [TranslatableString.ClearLabel]: '清除',
  [TranslatableString.NowLabel]: '现在',
  [TranslatableString.OptionalObjectAdd]: '填写此项',
  [TranslatableString.OptionalObjectRemove]: '不填此项',
  [TranslatableString.OptionalObjectEmptyMsg]: '未填写',
};

/** English where the form engine's own words are vaguer than the Chinese. */
const english: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.OptionalObjectAdd]: 'Fill in',
  [TranslatableString.OptionalObjectRemove]: 'Leave out',
  [TranslatableString.OptionalObjectEmptyMsg]: 'Not filled in',
};

export function translatorFor(language: Language) {
  const words = language === 'zh' ? chinese : english;
  return (key: TranslatableString, params?: string[]) => words[key] ?? englishStringTranslator(key, params);
}

/** A 填写此项 / 不填此项 button's accessible name: its words and the element it fills (填写此项：办理结果). */
export const optionalControlName = (language: Language, label: string, title: string | undefined) => (title ? `${label}${language === 'zh' ? '：' : ': '}${title}` : undefined);

export function LabelledAddButton({ onClick, disabled, registry }: IconButtonProps) {
  return (
    <Button type="dashed" block icon={<PlusOutlined />} onClick={onClick} disabled={disabled}>
      {registry.translateString(TranslatableString.AddItemButton)}
    </Button>
  );
}
