import { App, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { idNumberProblem, idTypes, type IdType } from '@onevisit/functions/window';
import { useState } from 'react';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { deliveryApi, type WindowQueueEntry } from './delivery-api';
import { useOpeningFocus } from './opening-focus';

/**
 * The window's three acts on a case in the 出件 queue, each a dialog sent on the revision shown
 * with a key made when it opens: 窗口领取 (who collects it, their 证件 checked), 邮寄 (the EMS
 * waybill), and taking in a 补正.
 */

export type DeskAct = 'handover' | 'posting' | 'correction';

export function DeskDialog({ act, entry, jurisdiction, onClose, onDone }: { act: DeskAct; entry: WindowQueueEntry; jurisdiction: string; onClose: () => void; onDone: () => void }) {
  const { t, pick, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [key] = useState(() => crypto.randomUUID());
  const [sending, setSending] = useState(false);
  const opening = useOpeningFocus();
  const agentCollects = Form.useWatch('agent', form) as boolean | undefined;
  const title = { handover: t('窗口领取', 'Hand over'), posting: t('邮寄(EMS)', 'Post by EMS'), correction: t('收取补正材料', 'Take in the corrections') }[act];

  async function send(values: Record<string, any>) {
    setSending(true);
    const { trackingNumber: n, revision: expectedRevision } = entry;
    try {
      if (act === 'handover') await deliveryApi.handOver(jurisdiction, n, { expectedRevision, recipient: { idType: values.idType, idNumber: String(values.idNumber).trim().toUpperCase(), name: String(values.name).trim(), agent: Boolean(values.agent) }, ...(values.note ? { note: values.note } : {}) }, key);
      else if (act === 'posting') await deliveryApi.post(jurisdiction, n, { expectedRevision, waybill: values.waybill, ...(values.note ? { note: values.note } : {}) }, key);
      else await deliveryApi.takeCorrection(jurisdiction, n, { expectedRevision, paper: values.paper ?? [], ...(values.response ? { response: values.response } : {}) }, key);
      message.success(t(`${title}：已办理`, `${title}: done`));
      onDone();
    } catch (error) {
      message.error(error instanceof ApiError ? pick(error) : String(error));
      if (error instanceof ApiError && error.status === 409) onDone();
    } finally {
      setSending(false);
    }
  }

  // The recipient starts as the applicant; choosing 代领 starts from the 代理人 recorded at intake.
  const person = (agent: boolean) => (agent ? entry.agent : { ...entry.applicant, idType: entry.applicant.idType ?? '111' });
  const initial = act === 'handover' ? { agent: false, idType: person(false)?.idType ?? '111', name: person(false)?.name ?? '' } : {};
  // Checked as the field is left, once something is in it; an empty one only when sending (the cursor starts there).
  const checkNumber = async (_: unknown, value: string) => {
    const number = String(value ?? '').trim().toUpperCase();
    if (!number) return;
    const type = form.getFieldValue('idType') as IdType;
    const problem = idNumberProblem(type, number);
    if (problem === 'checkDigit') throw new Error(t(`${idTypes[type].zh}号码校验位不符，请核对证件`, `The ${idTypes[type].en} number fails its check digit`));
    if (problem === 'shape') throw new Error(t(`${idTypes[type].zh}号码格式不符`, `Not a ${idTypes[type].en} number`));
  };

  return (
    <Modal open title={`${title} · ${entry.trackingNumber}`} onCancel={onClose} okText={t('确定', 'Confirm')} cancelText={t('取消', 'Cancel')} okButtonProps={{ loading: sending }} onOk={() => form.submit()} {...opening.modal} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={send} initialValues={initial}>
        {act === 'handover' && (
          <>
            <Form.Item name="agent" label={t('领取人', 'Collected by')}>
              <Radio.Group
                onChange={(e) => {
                  const p = person(e.target.value as boolean);
                  form.setFieldsValue({ idType: p?.idType ?? '111', name: p?.name ?? '', idNumber: '' });
                }}
                options={[
                  { value: false, label: t('申请人本人', 'The applicant') },
                  { value: true, label: t('代领(核验委托书)', 'Someone for them (letter checked)') },
                ]}
              />
            </Form.Item>
            <Form.Item name="idType" label={t('证件类型', 'Document')} rules={[{ required: true }]}>
              <Select options={Object.entries(idTypes).map(([code, words]) => ({ value: code, label: `${code} ${language === 'zh' ? words.zh : words.en}` }))} />
            </Form.Item>
            <Form.Item name="idNumber" label={t('证件号码(刷证或输入)', 'Document number (read or typed)')} rules={[{ required: true, whitespace: true, message: t('请输入或刷证件号码', 'Type or read the document number'), validateTrigger: [] }, { validator: checkNumber }]} validateTrigger="onBlur" extra={!agentCollects && entry.applicant.idNumber ? t('须与申请人证件号码一致', 'must be the applicant’s number') : undefined}>
              <Input ref={opening.ref} autoComplete="off" spellCheck={false} autoFocus />
            </Form.Item>
            <Form.Item name="name" label={t('领取人姓名', 'Name')} rules={[{ required: true, whitespace: true, message: t('请输入领取人姓名', 'Enter the name') }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </>
        )}
        {act === 'posting' && (
          <Form.Item name="waybill" label={t('EMS 运单号', 'EMS waybill number')} rules={[{ required: true, whitespace: true, message: t('请输入或扫描运单号', 'Type or scan the waybill number') }]} extra={entry.collection.address ? t(`寄往：${entry.collection.address}`, `To: ${entry.collection.address}`) : undefined}>
            <Input ref={opening.ref} autoComplete="off" spellCheck={false} autoFocus />
          </Form.Item>
        )}
        {act === 'correction' && (
          <>
            <Form.Item name="paper" label={t('已收到的纸质补正材料', 'Corrections received on paper')}>
              <Checkbox.Group options={(entry.corrections ?? []).filter((c) => c.materialId).map((c) => ({ value: c.materialId!, label: `${c.name ?? c.materialId}：${c.note}` }))} />
            </Form.Item>
            <Form.Item name="response" label={t('补正说明', 'What was corrected')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        {act !== 'correction' && (
          <Form.Item name="note" label={t('备注', 'Note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
