import { Collapse, Input } from 'antd';
import type { CheckIssue } from '@onevisit/item-schemas';
import { useState } from 'react';
import { useI18n } from '../i18n';
import type { Definition } from './definition';
import { FieldRow } from './FieldRow';
import { fieldId, issuesAt } from './paths';

type Material = NonNullable<Definition['materials']>[number];
type More = 'issuer' | 'issueTime' | 'acceptanceStandard' | 'specification' | 'signature';

/** The national elements of a material beyond what most need, with what each is for. */
const MORE: ReadonlyArray<{ key: More; label: [string, string]; hint: [string, string]; max: number }> = [
  { key: 'issuer', label: ['出具机构', 'Issued by'], hint: ['如 公安机关、不动产登记机构；申请人自备的可不填', 'e.g. the police; leave empty for what applicants write themselves'], max: 200 },
  { key: 'issueTime', label: ['出具时间要求', 'When issued'], hint: ['如 申请前三个月内出具', 'e.g. within three months before applying'], max: 200 },
  { key: 'acceptanceStandard', label: ['受理标准', 'Acceptance standard'], hint: ['窗口收件时核对的要点，如 原件与复印件一致、在有效期内', 'What the window checks on receipt'], max: 2000 },
  { key: 'specification', label: ['页数/规格', 'Pages and format'], hint: ['如 A4 纸，1 页', 'e.g. A4, one page'], max: 200 },
  { key: 'signature', label: ['签字要求', 'Signatures'], hint: ['如 法定代表人签字并加盖公章', 'e.g. signed by the legal representative and sealed'], max: 500 },
];

/**
 * 出具机构, 出具时间要求, 受理标准, 页数/规格 and 签字要求, folded away under 更多要素 so a material's
 * card stays short; the fold says how many are filled and opens by itself on a problem inside.
 */
export function MaterialMoreFields({ at, material, issues, onChange }: { at: string; material: Material; issues: readonly CheckIssue[]; onChange: (patch: Material) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const filled = MORE.filter(({ key }) => material[key]).length;
  const troubled = MORE.some(({ key }) => issuesAt(issues, `${at}/${key}`).length > 0);
  return (
    <Collapse
      size="small"
      ghost
      activeKey={open || troubled ? ['more'] : []}
      onChange={(keys) => setOpen(keys.length > 0)}
      items={[
        {
          key: 'more',
          label: filled ? t(`更多要素(已填 ${filled} 项)`, `More elements (${filled} filled)`) : t('更多要素(出具机构、出具时间、受理标准、页数/规格、签字要求)', 'More elements (issuer, date, acceptance standard, pages, signatures)'),
          children: MORE.map(({ key, label, hint, max }) => (
            <FieldRow key={key} path={`${at}/${key}`} label={t(...label)} extra={t(...hint)} issues={issues}>
              {key === 'acceptanceStandard' ? (
                <Input.TextArea id={fieldId(`${at}/${key}`)} rows={2} maxLength={max} value={material[key] ?? ''} onChange={(e) => onChange({ [key]: e.target.value || undefined })} />
              ) : (
                <Input id={fieldId(`${at}/${key}`)} maxLength={max} value={material[key] ?? ''} onChange={(e) => onChange({ [key]: e.target.value || undefined })} />
              )}
            </FieldRow>
          )),
        },
      ]}
    />
  );
}
