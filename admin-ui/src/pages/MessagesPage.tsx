import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, InputNumber, Space, Switch, Table, Tag, Typography } from 'antd';
import type { CaseSettings } from '@onevisit/functions/case-settings';
import type { OutboxMessage } from '@onevisit/functions/records';
import dayjs from 'dayjs';
import { shanghaiToday } from '../shanghai-today';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../api';
import { shanghaiTime } from '../cases/format';
import { useI18n } from '../i18n';
import { canConfigure } from '../session';
import { useSignedIn } from '../session-context';

const channelNames: Record<OutboxMessage['channel'], readonly [string, string]> = { sms: ['短信', 'SMS'], email: ['邮件', 'E-mail'], inSite: ['站内', 'In-site'] };

/** For administrators: the jurisdiction's warning settings, and every message sent on a day (the outbox). */
export function MessagesPage() {
  const { t, language } = useI18n();
  const { session } = useSignedIn();
  const j = session.jurisdiction;
  const [day, setDay] = useState(() => shanghaiToday().format('YYYY-MM-DD'));
  const outbox = useQuery({ queryKey: ['outbox', j, day], queryFn: () => api.outbox(j, day), enabled: canConfigure(session) });
  const departments = useQuery({ queryKey: ['departments', j], queryFn: () => api.departments(j), enabled: canConfigure(session) });
  // In-site messages go to a department (`dept:{id}`) or to the administrators: named as people know them.
  const recipient = (to: string) => {
    if (to === 'admins') return t('管理员', 'Administrators');
    if (!to.startsWith('dept:')) return to;
    const id = to.slice('dept:'.length);
    return departments.data?.find((d) => d.id === id)?.name ?? id;
  };
  if (!canConfigure(session)) return null;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('预警与消息', 'Warnings and messages')}
      </Typography.Title>
      <SettingsCard jurisdiction={j} />
      <Card
        size="small"
        title={t('消息发件箱', 'Outbox')}
        extra={
          <Space>
            <label htmlFor="outbox-day">{t('日期', 'Day')}</label>
            <DatePicker id="outbox-day" allowClear={false} value={dayjs(day)} onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))} />
          </Space>
        }
      >
        <Table<OutboxMessage>
          rowKey="id"
          size="small"
          loading={outbox.isLoading}
          dataSource={outbox.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 800 }}
          columns={[
            { title: t('时间', 'Time'), dataIndex: 'at', width: 150, render: (at: string) => shanghaiTime(at) },
            { title: t('渠道', 'Channel'), dataIndex: 'channel', width: 80, render: (c: OutboxMessage['channel']) => t(...channelNames[c]) },
            { title: t('收件人', 'To'), dataIndex: 'to', width: 170, render: recipient },
            { title: t('办件', 'Case'), dataIndex: 'trackingNumber', width: 200, render: (n?: string) => (n ? <Link to={`/cases/${n}`}>{n}</Link> : '—') },
            { title: t('内容', 'Text'), key: 'text', render: (_, m) => (language === 'en' && m.text_en ? m.text_en : m.text) },
            {
              title: t('发送结果', 'Delivery'),
              dataIndex: 'status',
              width: 150,
              render: (s: OutboxMessage['status'], m) =>
                s === 'delivered' ? (
                  <Tag color="green">{t('已发送', 'sent')}</Tag>
                ) : s === 'sending' ? (
                  <Tag color="blue">{t('发送中', 'sending')}</Tag>
                ) : s === 'withheld' ? (
                  // Held back by the daily cap on SMS to one number: nothing went wrong, so not in red.
                  <Tag title={m.error}>{t('未发送(今日已达上限)', 'not sent (daily limit reached)')}</Tag>
                ) : (
                  <Tag color="red" title={m.error}>
                    {t('发送失败', 'failed')}
                  </Tag>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}

function SettingsCard({ jurisdiction }: { jurisdiction: string }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const settings = useQuery({ queryKey: ['case-settings', jurisdiction], queryFn: () => api.caseSettings(jurisdiction) });
  const save = useMutation({
    mutationFn: (values: CaseSettings) => api.saveCaseSettings(jurisdiction, values),
    onSuccess: () => {
      message.success(t('预警设置已保存', 'Settings saved'));
      return queries.invalidateQueries({ queryKey: ['case-settings', jurisdiction] });
    },
    onError: (error) => message.error(error instanceof ApiError ? pick(error) : String(error)),
  });
  if (!settings.data) return <Card loading size="small" style={{ marginBottom: 16 }} />;
  const percent = (share: number) => Math.round(share * 100);
  return (
    <Card size="small" title={t('办件预警设置', 'Case warning settings')} style={{ marginBottom: 16 }}>
      <Form
        layout="inline"
        initialValues={{ yellow: percent(settings.data.warnings.yellow), red: percent(settings.data.warnings.red), followUpDays: settings.data.followUpDays, correctionPausesClock: settings.data.correctionPausesClock }}
        onFinish={(v: { yellow: number; red: number; followUpDays: number; correctionPausesClock: boolean }) =>
          save.mutate({ warnings: { yellow: v.yellow / 100, red: v.red / 100 }, followUpDays: v.followUpDays, correctionPausesClock: v.correctionPausesClock })
        }
      >
        <Form.Item name="yellow" label={t('黄牌：已用时限达(%)', 'Yellow at (% used)')} rules={[{ required: true }]}>
          <InputNumber min={5} max={99} />
        </Form.Item>
        <Form.Item name="red" label={t('红牌：已用时限达(%)', 'Red at (% used)')} rules={[{ required: true }]}>
          <InputNumber min={6} max={100} />
        </Form.Item>
        <Form.Item name="followUpDays" label={t('差评回访期限(工作日)', 'Follow-up days for poor ratings')} rules={[{ required: true }]}>
          <InputNumber min={1} max={60} />
        </Form.Item>
        <Form.Item name="correctionPausesClock" label={t('受理后补正期间暂停计时', 'Corrections after acceptance pause the clock')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('保存', 'Save')}
        </Button>
      </Form>
    </Card>
  );
}
