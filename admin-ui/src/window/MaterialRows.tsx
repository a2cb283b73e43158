import { Checkbox, Input, InputNumber, Tag, Typography } from 'antd';
import type { Material } from '@onevisit/item-schemas';
import type { FileInfo } from '@onevisit/functions/records';
import { useState } from 'react';
import { useI18n } from '../i18n';

/** How the desk took one material; `none` is not received (容缺 where allowed, else on the 补正 list). */
export interface Taken {
  how: 'paper' | 'scan' | 'online' | 'none';
  original: boolean;
  copies: number;
  files: FileInfo[];
  reference: string;
}
export const paperOriginal = (): Taken => ({ how: 'paper', original: true, copies: 0, files: [], reference: '' });

export interface Needed {
  material: Material;
  /** required, deferrable (容缺 allowed) or optional. */
  status: 'required' | 'deferrable' | 'optional';
}

const hows = {
  paper: ['纸质材料', 'On paper'],
  scan: ['扫描上传', 'Scanned'],
  online: ['网上已提交', 'Supplied online'],
  none: ['未收到', 'Not received'],
} as const;

/** Why an upload was refused, in both languages. */
export type Refusal = { message: string; message_en: string };

/**
 * One row per material the answers ask for: how it was received, 原件 sighted and 复印件 份数, the
 * scan, or the online reference. `onScan` stores a scan and answers why it was refused, if it was:
 * the row then shows no file (not even the picker's name for it) and says why, until the next scan.
 * `online`: whether the item takes applications online, so a material can have been supplied there.
 */
export function MaterialRows({ needed, taken, online, onChange, onScan }: { needed: Needed[]; taken: Record<string, Taken>; online: boolean; onChange: (id: string, next: Taken) => void; onScan: (id: string, file: File) => Promise<Refusal | undefined> }) {
  const { t, pick } = useI18n();
  const [refused, setRefused] = useState<Record<string, Refusal | undefined>>({});
  const scan = async (id: string, picker: HTMLInputElement) => {
    const file = picker.files?.[0];
    if (!file) return;
    const refusal = await onScan(id, file);
    if (refusal) picker.value = '';
    setRefused((all) => ({ ...all, [id]: refusal }));
  };
  return (
    <table className="desk-materials">
      <thead>
        <tr>
          <th scope="col">{t('材料', 'Material')}</th>
          <th scope="col">{t('收取方式', 'Received')}</th>
          <th scope="col">{t('核验与份数', 'Checked and copies')}</th>
        </tr>
      </thead>
      <tbody>
        {needed.map(({ material, status }) => {
          const row = taken[material.id] ?? paperOriginal();
          const set = (patch: Partial<Taken>) => onChange(material.id, { ...row, ...patch });
          const id = `material-${material.id}`;
          return (
            <tr key={material.id}>
              <th scope="row">
                <label htmlFor={id}>{material.name}</label>{' '}
                {status === 'deferrable' && <Tag color="orange">{t('可容缺', '容缺 allowed')}</Tag>}
                {status === 'optional' && <Tag>{t('选交', 'Optional')}</Tag>}
                {row.how === 'none' && status === 'required' && <Tag color="red">{t('须补正', 'To bring')}</Tag>}
              </th>
              <td>
                <select id={id} className="desk-select" value={row.how} onChange={(e) => set({ how: e.target.value as Taken['how'] })}>
                  {Object.entries(hows)
                    .filter(([how]) => online || how !== 'online')
                    .map(([how, words]) => (
                      <option key={how} value={how}>
                        {t(how === 'none' && status === 'deferrable' ? '未收到(容缺后补)' : words[0], how === 'none' && status === 'deferrable' ? 'Not received (容缺, later)' : words[1])}
                      </option>
                    ))}
                </select>
              </td>
              <td>
                {row.how === 'paper' && (
                  <span className="desk-inline">
                    <Checkbox checked={row.original} onChange={(e) => set({ original: e.target.checked })}>
                      {t('原件已核验', 'Original sighted')}
                    </Checkbox>
                    <label htmlFor={`${id}-copies`}>{t('复印件份数', 'Copies')}</label>
                    <InputNumber id={`${id}-copies`} min={0} max={99} precision={0} value={row.copies} onChange={(n) => set({ copies: n ?? 0 })} style={{ width: 72 }} />
                  </span>
                )}
                {row.how === 'scan' && (
                  <span className="desk-inline">
                    <input type="file" accept={material.acceptedTypes.join(',')} aria-label={t(`${material.name}的扫描件`, `Scan of ${material.name}`)} aria-describedby={refused[material.id] ? `${id}-refused` : undefined} onChange={(e) => void scan(material.id, e.target)} />
                    {row.files.map((f) => (
                      <Typography.Text key={f.key}>{f.name}</Typography.Text>
                    ))}
                    {refused[material.id] && (
                      <Typography.Text id={`${id}-refused`} type="danger" role="alert">
                        {t('未上传：', 'Not uploaded: ')}
                        {pick(refused[material.id]!)}
                      </Typography.Text>
                    )}
                  </span>
                )}
                {row.how === 'online' && <Input aria-label={t(`${material.name}的网上编号(如网签备案号)`, `Reference of ${material.name} online`)} placeholder={t('如网签备案号、电子证照编号', 'e.g. filing or licence number')} value={row.reference} onChange={(e) => set({ reference: e.target.value })} />}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** What the API takes for the rows: the received ones by id, the scans' file names. */
export function receivedOf(needed: Needed[], taken: Record<string, Taken>) {
  const materials: Record<string, unknown> = {};
  const fileNames: Record<string, string> = {};
  for (const { material } of needed) {
    const row = taken[material.id] ?? paperOriginal();
    if (row.how === 'paper') materials[material.id] = { form: 'paper', original: row.original, copies: row.copies };
    if (row.how === 'online') materials[material.id] = { form: 'online', ...(row.reference.trim() ? { reference: row.reference.trim() } : {}) };
    if (row.how === 'scan' && row.files.length) {
      materials[material.id] = { form: 'scan', files: row.files.map((f) => f.key) };
      for (const f of row.files) fileNames[f.key] = f.name;
    }
  }
  return { materials, fileNames };
}

/** Required materials not received: the one-time 补正 list. A scan chosen but not uploaded counts as not received. */
export const toBring = (needed: Needed[], taken: Record<string, Taken>) =>
  needed.filter(({ material, status }) => {
    const row = taken[material.id] ?? paperOriginal();
    return status === 'required' && (row.how === 'none' || (row.how === 'scan' && row.files.length === 0));
  });
