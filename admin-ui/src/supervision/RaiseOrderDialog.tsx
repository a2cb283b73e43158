import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { supervisionApi, type OrderDue } from './supervision-api';

interface Values {
  ask: string;
  by: 'workdays' | 'date';
  workdays?: number;
  date?: Dayjs;
}

/**
 * 发起督办 on a case: what is asked of the department holding it, and by when (working days from
 * today, counted on the jurisdiction's calendar by the server, or a date). The server refuses a
 * case that is neither overdue nor red, and says why.
 */
export function RaiseOrderDialog({ jurisdiction, trackingNumber, departmentName, onClose }: { jurisdiction: string; trackingNumber: string; departmentName: string; onClose: () => void }) {
  const { t, pick } = useI18n();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const by = Form.useWatch('by', form) ?? 'workdays';
  const [key] = useState(() => crypto.randomUUID());
  const raise = useMutation({
    mutationFn: (v: Values) => {
      const due: OrderDue = v.by === 'workdays' ? { workdays: v.workdays ?? 0 } : { date: v.date?.format('YYYY-MM-DD') ?? '' };
      return supervisionApi.raiseOrder(jurisdiction, { trackingNumber, ask: v.ask, due }, key);
    },
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['supervision-orders'] });
      void queries.invalidateQueries({ queryKey: ['case-orders', trackingNumber] });
      onClose();
    },
  });
  return (
    <Modal open title={t(`督办：${trackingNumber}`, `Supervision order on ${trackingNumber}`)} okText={t('发起督办', 'Raise')} cancelText={t('取消', 'Cancel')} confirmLoading={raise.isPending} onOk={() => form.submit()} onCancel={onClose}>
      <Typography.Paragraph>{t(`督办对象：${departmentName}`, `To: ${departmentName}`)}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" name="raise-order" initialValues={{ by: 'workdays', workdays: 3 }} onFinish={(v) => raise.mutate(v)}>
        <Form.Item name="ask" label={t('督办事项', 'What is asked')} rules={[{ required: true, whitespace: true, message: t('请写明要求部门做什么', 'Say what the department is asked to do') }]}>
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('如：请于期限内办结并书面说明超期原因', 'e.g. close the case and explain the delay in writing')} />
        </Form.Item>
        <Form.Item name="by" label={t('答复期限', 'Answer by')}>
          <Radio.Group
            options={[
              { value: 'workdays', label: t('工作日数', 'Working days') },
              { value: 'date', label: t('指定日期', 'A date') },
            ]}
          />
        </Form.Item>
        {by === 'workdays' ? (
          <Form.Item name="workdays" label={t('自今日起的工作日数', 'Working days from today')} rules={[{ required: true, message: t('请填写工作日数', 'How many working days?') }]}>
            <InputNumber min={1} max={60} precision={0} />
          </Form.Item>
        ) : (
          <Form.Item name="date" label={t('答复日期', 'Date')} rules={[{ required: true, message: t('请选择日期', 'Pick a date') }]}>
            <DatePicker />
          </Form.Item>
        )}
      </Form>
      {raise.error && <Alert type="error" showIcon message={raise.error instanceof ApiError ? pick(raise.error) : String(raise.error)} />}
    </Modal>
  );
}
