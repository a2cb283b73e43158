import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Tag, Typography } from 'antd';
import type { CaseDetail } from '@onevisit/functions/cases';
import { useState } from 'react';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { canConfigure } from '../session';
import { useSignedIn } from '../session-context';
import { RaiseOrderDialog } from './RaiseOrderDialog';
import { orderStatusColours, orderStatusNames, supervisionApi, type Order } from './supervision-api';

/**
 * 督办 on the case page: each order as an alert saying what is asked and by when; the asked
 * department's officers answer an open one in place; administrators raise one on an overdue
 * or red-warning case.
 */
export function CaseOrders({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const c = detail.case;
  const [raising, setRaising] = useState(false);
  const orders = useQuery({ queryKey: ['case-orders', c.trackingNumber], queryFn: () => supervisionApi.caseOrders(c.trackingNumber) });
  const admin = canConfigure(session);
  const open = orders.data?.some((o) => o.status !== 'answered');
  const mayRaise = admin && !open && (detail.warning === 'red' || detail.warning === 'overdue');
  if (!orders.data?.length && !mayRaise) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {orders.data?.map((o) => <OrderAlert key={o.seq} order={o} mayAnswer={session.user.role === 'officer' && session.user.department === o.departmentId} />)}
      {mayRaise && (
        <Button danger onClick={() => setRaising(true)}>
          {t('发起督办', 'Raise a supervision order')}
        </Button>
      )}
      {raising && <RaiseOrderDialog jurisdiction={session.jurisdiction} trackingNumber={c.trackingNumber} departmentName={detail.departmentName} onClose={() => setRaising(false)} />}
    </Space>
  );
}

function OrderAlert({ order: o, mayAnswer }: { order: Order; mayAnswer: boolean }) {
  const { t, pick } = useI18n();
  const queries = useQueryClient();
  const [key] = useState(() => crypto.randomUUID());
  const answer = useMutation({
    mutationFn: (v: { answer: string }) => supervisionApi.answerOrder(o.trackingNumber, o.seq, v.answer, key),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['case-orders', o.trackingNumber] }),
  });
  const who = o.raisedBy.name ?? o.raisedBy.id;
  return (
    <Alert
      type={o.status === 'answered' ? 'success' : o.status === 'overdue' ? 'error' : 'warning'}
      showIcon
      message={
        <Space wrap>
          <strong>{t(`督办(第 ${o.seq} 次)`, `Supervision order no. ${o.seq}`)}</strong>
          <Tag color={orderStatusColours[o.status]}>{t(...orderStatusNames[o.status])}</Tag>
          <span>{t(`${who} 于 ${o.raisedOn} 督办${o.departmentName}，限 ${o.dueOn} 前答复`, `raised by ${who} on ${o.raisedOn} to ${o.departmentName}, answer by ${o.dueOn}`)}</span>
        </Space>
      }
      description={
        <>
          <Typography.Paragraph style={{ margin: 0 }}>{t(`督办事项：${o.ask}`, `Asked: ${o.ask}`)}</Typography.Paragraph>
          {o.answer && (
            <Typography.Paragraph style={{ margin: '4px 0 0' }}>
              {t(`答复(${o.answer.by.name ?? o.answer.by.id}，${o.answer.on}${o.answeredLate ? '，逾期' : ''})：`, `Answer (${o.answer.by.name ?? o.answer.by.id}, ${o.answer.on}${o.answeredLate ? ', late' : ''}): `)}
              {o.answer.text}
            </Typography.Paragraph>
          )}
          {mayAnswer && !o.answer && (
            <Form<{ answer: string }> name={`answer-order-${o.seq}`} layout="vertical" style={{ marginTop: 8 }} onFinish={(v) => answer.mutate(v)}>
              <Form.Item name="answer" label={t('答复督办', 'Answer')} rules={[{ required: true, whitespace: true, message: t('请写明已采取的措施和办结安排', 'Say what was done and when the case will be closed') }]}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={answer.isPending}>
                {t('提交答复', 'Send the answer')}
              </Button>
              {answer.error && <Alert style={{ marginTop: 8 }} type="error" showIcon message={answer.error instanceof ApiError ? pick(answer.error) : String(answer.error)} />}
            </Form>
          )}
        </>
      }
    />
  );
}
