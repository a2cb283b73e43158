import { Input, Typography } from 'antd';
import { idNumberProblem, idTypes, type DeskPerson, type IdType } from '@onevisit/functions/window';
import { useState, type KeyboardEvent, type Ref } from 'react';
import { useI18n } from '../i18n';

/** A person as the desk types them in: every field a string until filed. */
export interface PersonDraft {
  idType: IdType;
  idNumber: string;
  name: string;
  phone: string;
}
export const emptyPerson = (): PersonDraft => ({ idType: '111', idNumber: '', name: '', phone: '' });

/** What is sent: the number as the reader types it, upper-case; no phone when none was given. */
export function personOf(draft: PersonDraft): DeskPerson {
  return { idType: draft.idType, idNumber: draft.idNumber.trim().toUpperCase(), name: draft.name.trim(), ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}) };
}

export function idProblemWords(draft: PersonDraft, t: (zh: string, en: string) => string): string | undefined {
  const number = draft.idNumber.trim().toUpperCase();
  if (!number) return t('请输入或刷证件号码', 'Type or read the document number');
  const problem = idNumberProblem(draft.idType, number);
  const type = idTypes[draft.idType];
  if (problem === 'checkDigit') return t(`${type.zh}号码校验位不符，请核对或重新刷证`, `The ${type.en} number fails its check digit: check it or read the card again`);
  if (problem === 'shape') return t(`${type.zh}号码格式不符`, `Not a ${type.en} number`);
  return undefined;
}

/**
 * 证件类型, 证件号码, 姓名, 电话 of the applicant or the 代理人. The number field takes what an
 * ID-card reader types (the number, then Enter): a good number goes on to the name, a bad one is
 * said at once and selected, so the next read replaces it.
 */
export function PersonFields({ who, value, onChange, typeRef }: { who: 'applicant' | 'agent'; value: PersonDraft; onChange: (next: PersonDraft) => void; typeRef?: Ref<HTMLSelectElement> }) {
  const { t, language } = useI18n();
  const [problem, setProblem] = useState<string>();
  const id = (field: string) => `${who}-${field}`;
  const set = (patch: Partial<PersonDraft>) => onChange({ ...value, ...patch });
  const checkNumber = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const found = idProblemWords(value, t);
    setProblem(found);
    if (!found) return;
    // Held here: the officer corrects it, or the reader types it again over the selection.
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.select();
  };
  return (
    <div className="desk-person">
      <label htmlFor={id('type')}>{t('证件类型', 'Document')}</label>
      <select id={id('type')} ref={typeRef} className="desk-select" value={value.idType} onChange={(e) => set({ idType: e.target.value as IdType })}>
        {Object.entries(idTypes).map(([code, words]) => (
          <option key={code} value={code}>
            {code} {language === 'zh' ? words.zh : words.en}
          </option>
        ))}
      </select>
      <label htmlFor={id('number')}>{t('证件号码', 'Document number')}</label>
      <div>
        <Input
          id={id('number')}
          autoComplete="off"
          spellCheck={false}
          value={value.idNumber}
          status={problem ? 'error' : undefined}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? id('number-problem') : undefined}
          onChange={(e) => {
            setProblem(undefined);
            set({ idNumber: e.target.value });
          }}
          onBlur={() => value.idNumber.trim() && setProblem(idProblemWords(value, t))}
          onKeyDown={checkNumber}
        />
        {problem && (
          <Typography.Text type="danger" id={id('number-problem')} role="alert">
            {problem}
          </Typography.Text>
        )}
      </div>
      <label htmlFor={id('name')}>{t('姓名', 'Name')}</label>
      <Input id={id('name')} autoComplete="off" value={value.name} onChange={(e) => set({ name: e.target.value })} />
      <label htmlFor={id('phone')}>{t('联系电话', 'Phone')}</label>
      <Input id={id('phone')} type="tel" autoComplete="off" value={value.phone} onChange={(e) => set({ phone: e.target.value })} />
    </div>
  );
}
