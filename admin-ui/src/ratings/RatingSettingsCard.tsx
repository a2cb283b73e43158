import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Space } from 'antd';
import type { RatingSettings } from '@onevisit/functions/ratings';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { ratingsApi } from './ratings-api';

const fields: Array<[keyof RatingSettings, readonly [string, string]]> = [
  ['verifyDays', ['核实期限', 'To verify']],
  ['rectifyDays', ['整改反馈期限', 'To fix and report']],
  ['judgeDays', ['评价人评价整改期限', 'For the rater to judge the fix']],
  ['reviewDays', ['申诉复核期限', 'To review an appeal']],
  ['revisitDays', ['实名差评回访期限', 'To revisit a real-name rater']],
];

/** The jurisdiction's 差评 limits in working days, for its administrators. */
export function RatingSettingsCard({ jurisdiction }: { jurisdiction: string }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['rating-settings', jurisdiction], queryFn: () => ratingsApi.settings(jurisdiction) });
  const save = useMutation({
    mutationFn: (values: RatingSettings) => ratingsApi.saveSettings(jurisdiction, values),
    onSuccess: () => {
      message.success(t('已保存，此后的差评按新期限计算', 'Saved: poor ratings from now on are due by these'));
      void client.invalidateQueries({ queryKey: ['rating-settings', jurisdiction] });
    },
    onError: (error) => message.error(error instanceof ApiError ? pick(error) : String(error)),
  });
  if (!settings.data) return null;
  return (
    <Card title={t('差评处理期限(工作日)', 'Limits of poor ratings (working days)')} size="small">
      <Form<RatingSettings> layout="inline" initialValues={settings.data} onFinish={(values) => save.mutate(values)}>
        <Space wrap>
          {fields.map(([name, label]) => (
            <Form.Item key={name} name={name} label={t(...label)} rules={[{ required: true, message: t('请填写天数', 'Give the days') }]}>
              <InputNumber min={1} max={60} precision={0} style={{ width: 80 }} />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('保存', 'Save')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
