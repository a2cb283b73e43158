import { Form, Input, Radio } from 'antd';
import { verdictLabels, verdicts, type PoorAction } from '@onevisit/functions/ratings';
import type { PoorDetail } from '@onevisit/functions/rating-views';
import { FormDialog } from '../FormDialog';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';
import { ratingsApi } from './ratings-api';

type ActionType = PoorAction['type'];
type Field = { name: string; label: readonly [string, string]; kind: 'text' | 'line' | 'verdict' | 'upheld'; optional?: boolean };

/** What each step asks for, and how it is named (a label, never a key). */
export const poorActionForms: Record<ActionType, { label: readonly [string, string]; fields: Field[]; danger?: boolean }> = {
  verify: { label: ['核实属实，开始整改', 'Verified: start the fix'], fields: [{ name: 'finding', label: ['核实情况', 'What was found'], kind: 'text' }] },
  appeal: { label: ['申诉(评价有误)', 'Appeal (the rating is mistaken)'], fields: [{ name: 'reason', label: ['申诉理由', 'Why it is mistaken'], kind: 'text' }], danger: true },
  review: {
    label: ['复核申诉', 'Review the appeal'],
    fields: [
      { name: 'upheld', label: ['复核结论', 'Finding'], kind: 'upheld' },
      { name: 'note', label: ['复核意见', 'Reasons'], kind: 'text' },
    ],
  },
  feedback: { label: ['反馈整改情况', 'Report the fix'], fields: [{ name: 'text', label: ['整改情况', 'What was fixed'], kind: 'text' }] },
  revisit: {
    label: ['记录回访', 'Record the revisit'],
    fields: [
      { name: 'method', label: ['回访方式(如 电话)', 'How (e.g. phone)'], kind: 'line' },
      { name: 'result', label: ['回访情况', 'What the rater said'], kind: 'text' },
      { name: 'verdict', label: ['评价人对整改的评价(回访时问到的)', 'The rater’s judgement of the fix, if asked'], kind: 'verdict', optional: true },
    ],
  },
  close: { label: ['关闭差评', 'Close'], fields: [] },
};

/** One step of the 差评, sent on the revision shown, once. */
export function PoorActionDialog({ type, detail, onClose, onDone }: { type: ActionType; detail: PoorDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const spec = poorActionForms[type];
  const r = detail.rating;
  const send = (values: Record<string, unknown>, key: string) => {
    const clean = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
    return ratingsApi.act(session.jurisdiction, r.trackingNumber, r.target, { type, expectedRevision: r.revision, ...clean } as PoorAction, key);
  };

  return (
    <FormDialog label={spec.label} danger={spec.danger} send={send} onClose={onClose} onDone={onDone}>
      {spec.fields.length === 0 && <p>{t('关闭后不能再处理。', 'Once closed, it cannot be worked again.')}</p>}
      {type === 'revisit' && detail.contact && (
        <p data-testid="revisit-contact">
          {t('联系申请人：', 'Call the applicant: ')}
          {detail.contact.name} {detail.contact.mobile && <a href={`tel:${detail.contact.mobile}`}>{detail.contact.mobile}</a>}
        </p>
      )}
      {spec.fields.map((f) => (
        <Form.Item key={f.name} name={f.name} label={t(...f.label)} rules={f.optional ? [] : [{ required: true, message: t(`请填写${f.label[0]}`, `${f.label[1]} is needed`) }]}>
          {f.kind === 'text' ? (
            <Input.TextArea rows={3} maxLength={1000} />
          ) : f.kind === 'line' ? (
            <Input maxLength={50} />
          ) : f.kind === 'verdict' ? (
            <Radio.Group options={verdicts.map((v) => ({ value: v, label: t(...verdictLabels[v]) }))} />
          ) : (
            <Radio.Group
              options={[
                { value: true, label: t('申诉成立，不计差评', 'Upheld: not counted') },
                { value: false, label: t('申诉不成立，继续整改', 'Rejected: the fix goes on') },
              ]}
            />
          )}
        </Form.Item>
      ))}
    </FormDialog>
  );
}
