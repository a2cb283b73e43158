import { App, Form, Input, Modal, Radio, Select, type FormInstance } from 'antd';
import { idNumberProblem, idTypes, type IdType } from '@onevisit/functions/window';
import { useState } from 'react';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { deliveryApi, type AssistanceView } from './delivery-api';
import { useOpeningFocus } from './opening-focus';

/** Recording a 帮办代办 request (the 委托书 uploaded for 代办), and its 回访. */

/** A refusal said beside the field it is about, else as a message. */
type FieldOf = (error: ApiError) => string | undefined;

function useSend(onDone: () => void, form: FormInstance, fieldOf: FieldOf = () => undefined) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const [key] = useState(() => crypto.randomUUID());
  const [sending, setSending] = useState(false);
  const send = async (work: (key: string) => Promise<unknown>, done: string) => {
    setSending(true);
    try {
      await work(key);
      message.success(done);
      onDone();
    } catch (error) {
      const field = error instanceof ApiError ? fieldOf(error) : undefined;
      if (field) form.setFields([{ name: field, errors: [pick(error as ApiError)] }]);
      else message.error(error instanceof ApiError ? pick(error) : String(error));
    } finally {
      setSending(false);
    }
  };
  return { send, sending };
}

export function NewAssistanceDialog({ jurisdiction, onClose, onDone }: { jurisdiction: string; onClose: () => void; onDone: () => void }) {
  const { t, language } = useI18n();
  const [form] = Form.useForm();
  const [letter, setLetter] = useState<File>();
  const kind = Form.useWatch('kind', form) as 'help' | 'proxy' | undefined;
  const { send, sending } = useSend(onDone, form, (error) => (error.code === 'CASES_UNKNOWN' ? 'cases' : undefined));
  const opening = useOpeningFocus();
  // Checked as the field is left, once something is in it; an empty one only when sending (the cursor starts there).
  const checkNumber = async (_: unknown, value: string) => {
    const number = String(value ?? '').trim().toUpperCase();
    if (!number) return;
    const type = form.getFieldValue('idType') as IdType;
    if (idNumberProblem(type, number)) throw new Error(t(`${idTypes[type].zh}号码不正确，请核对证件`, `Not a valid ${idTypes[type].en} number`));
  };
  const submit = (v: Record<string, any>) =>
    send(async (key) => {
      const uploaded = v.kind === 'proxy' && letter ? await deliveryApi.uploadLetter(jurisdiction, letter) : undefined;
      const cases = String(v.cases ?? '').split(/[\s,，、]+/).filter(Boolean);
      await deliveryApi.record(
        jurisdiction,
        {
          kind: v.kind,
          requester: { idType: v.idType, idNumber: String(v.idNumber).trim().toUpperCase(), name: String(v.name).trim(), ...(v.phone ? { phone: String(v.phone).trim() } : {}) },
          ...(v.helper?.trim() ? { helper: { name: v.helper.trim() } } : {}),
          ...(uploaded ? { letter: uploaded.key } : {}),
          cases,
          ...(v.note ? { note: v.note } : {}),
        },
        key,
      );
    }, t('已登记', 'Recorded'));

  return (
    <Modal open title={t('登记帮办代办', 'Record a request for help')} onCancel={onClose} okText={t('登记', 'Record')} cancelText={t('取消', 'Cancel')} okButtonProps={{ loading: sending }} onOk={() => form.submit()} {...opening.modal} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'help', idType: '111' }}>
        <Form.Item name="kind" label={t('类型', 'Kind')}>
          <Radio.Group options={[{ value: 'help', label: t('帮办(协助申请人办理)', 'Help (with the applicant)') }, { value: 'proxy', label: t('代办(凭委托书代为办理)', 'Delegated (with a letter of authorisation)') }]} />
        </Form.Item>
        <Form.Item name="idType" label={t('申请人证件类型', 'Applicant’s document')}>
          <Select options={Object.entries(idTypes).map(([code, words]) => ({ value: code, label: `${code} ${language === 'zh' ? words.zh : words.en}` }))} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('申请人证件号码', 'Applicant’s document number')}
          rules={[{ required: true, whitespace: true, message: t('请输入或刷证件号码', 'Type or read the document number'), validateTrigger: [] }, { validator: checkNumber }]}
          validateTrigger="onBlur"
        >
          <Input ref={opening.ref} autoComplete="off" spellCheck={false} autoFocus />
        </Form.Item>
        <Form.Item name="name" label={t('申请人姓名', 'Applicant’s name')} rules={[{ required: true, whitespace: true, message: t('请输入申请人姓名', 'Enter the name') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('联系电话', 'Phone')}>
          <Input type="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item name="cases" label={t('所涉办件受理编号(多个用空格或逗号分隔)', 'Tracking numbers of the cases (separated by spaces or commas)')} rules={[{ required: true, whitespace: true, message: t('请输入受理编号', 'Enter a tracking number') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="helper" label={t('帮办代办员(默认为本人)', 'Who helps (you, if left empty)')}>
          <Input autoComplete="off" />
        </Form.Item>
        {kind === 'proxy' && (
          <Form.Item label={t('委托书(PDF 或图片)', 'Letter of authorisation (PDF or image)')} htmlFor="assistance-letter" required>
            <input id="assistance-letter" type="file" accept="application/pdf,image/png,image/jpeg" onChange={(e) => setLetter(e.target.files?.[0])} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('备注', 'Note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function FollowUpDialog({ record, jurisdiction, onClose, onDone }: { record: AssistanceView; jurisdiction: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const reached = Form.useWatch('reached', form) as boolean | undefined;
  const { send, sending } = useSend(onDone, form);
  const submit = (v: Record<string, any>) =>
    send((key) => deliveryApi.followUp(jurisdiction, record.id, { expectedRevision: record.revision, reached: v.reached, ...(v.reached ? { satisfied: v.satisfied } : {}), ...(v.note ? { note: v.note } : {}) }, key), t('已记录回访', 'Follow-up recorded'));
  const yesNo = (yes: string, no: string) => [
    { value: true, label: yes },
    { value: false, label: no },
  ];
  return (
    <Modal open title={t(`回访 · ${record.requester.name}`, `Follow-up · ${record.requester.name}`)} onCancel={onClose} okText={t('记录', 'Record')} cancelText={t('取消', 'Cancel')} okButtonProps={{ loading: sending }} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ reached: true }}>
        <Form.Item name="reached" label={t('是否联系上申请人', 'Was the applicant reached?')}>
          <Radio.Group options={yesNo(t('已联系上', 'Reached'), t('未联系上', 'Not reached'))} />
        </Form.Item>
        {reached !== false && (
          <Form.Item name="satisfied" label={t('是否满意', 'Satisfied?')} rules={[{ required: true, message: t('请选择是否满意', 'Choose whether they were satisfied') }]}>
            <Radio.Group options={yesNo(t('满意', 'Satisfied'), t('不满意', 'Not satisfied'))} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('回访记录', 'Notes')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
