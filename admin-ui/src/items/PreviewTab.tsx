import { Alert, Card, Col, DatePicker, List, Row, Space, Tag, Typography } from 'antd';
import { shanghaiToday } from '../shanghai-today';
import { dueDate, fileTypeWords, formFields, materialNeeds, materialWords, nationalCalendar, needMark, needsSummary, runPublishChecks, visibleAnswers } from '@onevisit/item-schemas';
import { CitizenForm, citizenCss } from '@onevisit/functions/citizen-form';
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n';
import type { Definition } from './definition';

/**
 * The citizen form as citizens get it (react-jsonschema-form's own renderer), the 一次告知 list
 * in the citizen page's own words — every material with its condition, marked as the sample
 * answers decide it — and the due date for a sample acceptance date.
 */
export function PreviewTab({ definition }: { definition: Definition }) {
  const { t, language } = useI18n();
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [accepted, setAccepted] = useState(() => shanghaiToday());
  const item = useMemo(() => runPublishChecks(definition).item, [definition]);
  if (!item) return <Alert type="info" showIcon message={t('先修正“发布前检查”中的问题，才能预览。', 'Fix the publish-time issues above to see the preview.')} />;

  const hidden = visibleAnswers(item.form, answers).hidden;
  const needs = materialNeeds(item, answers);
  const fields = formFields(item.form.schema);
  const due = (() => {
    try {
      return dueDate(nationalCalendar(), { from: accepted.format('YYYY-MM-DD'), limit: item.promisedLimit });
    } catch {
      return undefined;
    }
  })();

  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('申请人看到的表单', 'The form applicants see')}>
          <style>{citizenCss}</style>
          <div className="citizen">
            <CitizenForm schema={item.form.schema} uiSchema={item.form.uiSchema} answers={answers} hidden={hidden} onChange={setAnswers} />
          </div>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('一次告知：需要的材料', 'Told at once: the materials')} style={{ marginBottom: 12 }}>
          <div aria-live="polite" data-testid="checklist">
            <Typography.Paragraph>{needsSummary(needs, language)}</Typography.Paragraph>
            <List
              size="small"
              dataSource={needs}
              renderItem={(need) => {
                const words = materialWords(item, need.material, fields, language);
                const mark = needMark(need, language);
                // As the citizen page says it under the material's upload.
                const types = fileTypeWords(need.material.acceptedTypes, language);
                const upload = t(`上传 ${types} 格式，单个文件不超过 ${item.uploadLimitMb} MB`, `Upload ${types}, at most ${item.uploadLimitMb} MB each`);
                return (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <Space wrap>
                        <Typography.Text strong>{need.material.name}</Typography.Text>
                        {mark && <Tag color={mark.applies ? 'blue' : 'default'}>{mark.text}</Tag>}
                        {words.shared && <Tag color="green">{t('免交', 'Not asked')}</Tag>}
                      </Space>
                      <Typography.Text type="secondary">{words.shared ?? [words.when, `${words.copies}(${words.form})`, words.source, words.later, words.promise, upload].filter(Boolean).join('；')}</Typography.Text>
                    </Space>
                  </List.Item>
                );
              }}
            />
          </div>
        </Card>
        <Card size="small" title={t('办结日期', 'Due date')}>
          <Space direction="vertical">
            <label htmlFor="preview-accepted">{t('假设受理日期', 'If accepted on')}</label>
            <DatePicker id="preview-accepted" value={accepted} allowClear={false} onChange={(d) => d && setAccepted(d)} />
            {due && (
              <Typography.Text data-testid="preview-due">
                {t(`承诺办结日期：${due.due}`, `Promised by: ${due.due}`)}
                {due.provisional && <Tag color="orange" style={{ marginLeft: 8 }}>{t('暂定(次年放假安排未公布)', 'Provisional')}</Tag>}
              </Typography.Text>
            )}
          </Space>
        </Card>
      </Col>
    </Row>
  );
}
