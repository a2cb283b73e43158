import { Card, Descriptions } from 'antd';
import type { CaseRecord } from '@onevisit/functions/cases';
import { idTypes, postingAddress, type WindowIntake } from '@onevisit/functions/window';
import { useI18n } from '../i18n';

type Received = Pick<WindowIntake['materials'][number], 'form' | 'original' | 'copies' | 'reference'>;

/**
 * 窗口收件记录 on the case page of a case taken at a service window: the window and officer, the
 * applicant's 证件 (by name), any 代理人 and the 委托书, how each material was received, and the
 * 领取方式 chosen there.
 */
export function WindowRecord({ record }: { record: CaseRecord }) {
  const { t, language } = useI18n();
  const desk = record.window;
  if (!desk) return null;
  const how = (r: Received) => {
    if (r.form === 'scan') return t('扫描件', 'Scanned');
    if (r.form === 'online') return t(`网上已提交${r.reference ? `(${r.reference})` : ''}`, `Supplied online${r.reference ? ` (${r.reference})` : ''}`);
    const parts = [r.original ? t('原件已核验', 'Original sighted') : '', r.copies ? t(`复印件 ${r.copies} 份`, `${r.copies} ${r.copies === 1 ? 'copy' : 'copies'}`) : ''].filter(Boolean);
    return parts.join(t('，', ', ')) || t('纸质', 'On paper');
  };
  const person = (p: NonNullable<WindowIntake['agent']>) => {
    const type = idTypes[p.idType];
    return `${p.name}，${language === 'zh' ? type.zh : type.en} ${p.idNumber}${p.phone ? t(`，电话 ${p.phone}`, `, phone ${p.phone}`) : ''}`;
  };
  const named = (id: string) => record.materials.find((m) => m.materialId === id)?.name ?? id;
  const collection = desk.collection;
  return (
    <Card size="small" title={t('窗口收件记录', 'Taken at the window')} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('收件窗口', 'Window')}>{t(`${desk.window.name} ${desk.window.number} 号窗口`, `${desk.window.name}, window ${desk.window.number}`)}</Descriptions.Item>
        <Descriptions.Item label={t('收件人员', 'Taken by')}>{desk.officer.name}</Descriptions.Item>
        <Descriptions.Item label={t('申请人', 'Applicant')}>{person(desk.applicant)}</Descriptions.Item>
        {desk.agent && <Descriptions.Item label={t('代理人', 'Agent')}>{person(desk.agent)}</Descriptions.Item>}
        {desk.authorization && <Descriptions.Item label={t('授权委托书', 'Letter of authorization')}>{how(desk.authorization)}</Descriptions.Item>}
        {desk.materials.map((m) => (
          <Descriptions.Item key={m.materialId} label={named(m.materialId)}>
            {how(m)}
          </Descriptions.Item>
        ))}
        {collection && (
          <Descriptions.Item label={t('领取方式', 'Collection')}>{collection.method === 'post' ? t(`邮寄至 ${postingAddress(collection)}`, `By post to ${postingAddress(collection)}`) : t('窗口领取', 'At the window')}</Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
