import { Button, Card, Form, Input, Space, Switch, Tag, Typography } from 'antd';
import type { BundleIssue, Condition } from '@onevisit/item-schemas';
import { formFields } from '@onevisit/item-schemas';
import type { ItemHead } from '@onevisit/functions/records';
import { useMemo } from 'react';
import { fromForm, newFieldKey, toForm, type BuilderField } from '../form-builder/fields';
import { OptionsEditor } from '../form-builder/OptionsEditor';
import { useI18n } from '../i18n';
import { ConditionBuilder } from '../items/ConditionBuilder';
import type { BundleDraftDefinition } from './bundle-definition';

const blankScenario = { schema: { type: 'object', properties: {} }, uiSchema: {}, visibleWhen: {} };

/** The kinds a scenario question can be: it decides which items apply, so it is a choice. */
const kinds = [
  ['boolean', '是/否', 'Yes / no'],
  ['choice', '单选', 'Single choice'],
  ['multichoice', '多选', 'Multiple choice'],
] as const;

/**
 * 办理情形: the questions the applicant answers first (是否需要刻制公章, 经营项目 …) and, for
 * each item, the answers it applies on. An item without a condition always applies.
 */
export function ScenarioTab({ definition, heads, update, issues }: { definition: BundleDraftDefinition; heads: readonly ItemHead[]; update: (change: (d: BundleDraftDefinition) => BundleDraftDefinition) => void; issues: readonly BundleIssue[] }) {
  const { t, pick } = useI18n();
  const scenario = definition.scenario ?? blankScenario;
  const questions = useMemo(() => fromForm(scenario.schema as Record<string, unknown>, (scenario.uiSchema ?? {}) as Record<string, unknown>), [scenario.schema, scenario.uiSchema]);
  const answered = useMemo(() => formFields(scenario.schema as Record<string, unknown>), [scenario.schema]);
  const items = definition.items ?? [];
  const nameOf = (itemId: string) => heads.find((h) => h.itemId === itemId)?.published?.name ?? itemId;

  // Each edit applies to the draft as it is then, not as this render saw it: quick edits in a row all count.
  const write = (edit: (questions: BuilderField[]) => BuilderField[]) =>
    update((d) => {
      const now = d.scenario ?? blankScenario;
      const current = fromForm(now.schema as Record<string, unknown>, (now.uiSchema ?? {}) as Record<string, unknown>);
      return current ? { ...d, scenario: { ...now, ...toForm(edit(current)) } } : d;
    });
  // A question the builder keeps as written (a yes/no with a default answer, say) takes its new wording into what it keeps.
  const change = (index: number, patch: Partial<BuilderField>) =>
    write((all) => all.map((q, i) => (i !== index ? q : q.kind === 'advanced' && patch.label !== undefined && q.raw ? { ...q, ...patch, raw: { ...q.raw, schema: { ...q.raw.schema, title: patch.label } } } : { ...q, ...patch })));
  const kindOf = (q: BuilderField) => (q.kind === 'advanced' ? ({ boolean: 'boolean', array: 'multichoice', string: 'choice' } as const)[String(q.raw?.schema.type) as 'boolean'] : q.kind);
  const add = (kind: BuilderField['kind'], label: string) =>
    write((all) => {
      const question: BuilderField = { key: newFieldKey(all, kind), kind, label, required: true };
      if (kind !== 'boolean') question.options = [{ value: 'option1', label: '选项1' }, { value: 'option2', label: '选项2' }];
      return [...all, question];
    });
  const setWhen = (key: string, when: Condition | undefined) =>
    update((d) => ({ ...d, items: (d.items ?? []).map((i) => (i.key !== key ? i : when ? { ...i, when } : (({ when: _, ...rest }) => rest)(i))) }));
  const here = (prefix: string) => issues.filter((i) => i.path.startsWith(prefix));

  return (
    <Form layout="vertical" style={{ maxWidth: 880 }}>
      <Typography.Paragraph type="secondary">
        {t('申请人先回答这些问题，系统据此只办理适用的事项；问题和答案也会出现在申请表的最前面。', 'The applicant answers these first, and only the items that apply are handled; they open the application form.')}
      </Typography.Paragraph>
      <Card size="small" title={t('情形问题', 'Scenario questions')} style={{ marginBottom: 12 }}>
        {here('/scenario').map((i) => (
          <Typography.Paragraph key={i.path + i.code} type="danger">
            {pick(i)}
          </Typography.Paragraph>
        ))}
        {!questions ? (
          <Typography.Text type="secondary">{t('这些问题由专家以 JSON 编写，在此只读。', 'These questions were written as JSON by an expert and are read-only here.')}</Typography.Text>
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            {questions.length === 0 && <Typography.Text type="secondary">{t('还没有情形问题：所有事项都会办理。', 'No scenario questions: every item applies.')}</Typography.Text>}
            {questions.map((q, index) => (
              <Card key={index} size="small" type="inner" title={<Space>{q.label || t('(未命名)', '(untitled)')}<Tag>{t(...((kinds.find(([k]) => k === kindOf(q))?.slice(1) as [string, string] | undefined) ?? ['其他', 'Other']))}</Tag></Space>} extra={<Button size="small" danger onClick={() => write((all) => all.filter((_, i) => i !== index))} aria-label={t(`删除问题「${q.label}」`, `Remove the question "${q.label}"`)}>{t('删除', 'Remove')}</Button>}>
                <Space wrap align="start">
                  <Form.Item label={t('问题', 'Question')} htmlFor={`scenario-${index}-label`} style={{ marginBottom: 8, minWidth: 360 }}>
                    <Input id={`scenario-${index}-label`} value={q.label} onChange={(e) => change(index, { label: e.target.value })} />
                  </Form.Item>
                  <Form.Item label={t('必答', 'Required')} htmlFor={`scenario-${index}-required`} style={{ marginBottom: 8 }}>
                    <Switch id={`scenario-${index}-required`} checked={q.required} onChange={(required) => change(index, { required })} />
                  </Form.Item>
                </Space>
                {(q.kind === 'choice' || q.kind === 'multichoice') && <OptionsEditor id={`scenario-${index}`} options={q.options ?? []} onChange={(options) => change(index, { options })} />}
              </Card>
            ))}
            <Space wrap role="toolbar" aria-label={t('添加情形问题', 'Add a scenario question')}>
              <Typography.Text strong>{t('添加问题：', 'Add a question:')}</Typography.Text>
              {kinds.map(([kind, zh, en]) => (
                <Button key={kind} size="small" onClick={() => add(kind, t('新问题', 'New question'))}>
                  {t(zh, en)}
                </Button>
              ))}
            </Space>
          </Space>
        )}
      </Card>
      <Card size="small" title={t('各事项的适用情形(不设置则总是办理)', 'When each item applies (always, if none)')}>
        {items.map((item, n) => (
          <Form.Item key={item.key} label={nameOf(item.itemId)} style={{ marginBottom: 12 }}>
            <ConditionBuilder
              path={`/items/${n}/when`}
              issues={here(`/items/${n}/when`)}
              label={t(`「${nameOf(item.itemId)}」的适用情形`, `When "${nameOf(item.itemId)}" applies`)}
              addLabel={[t('添加适用条件', 'Add a condition'), t('还没有情形问题：先在上方添加', 'No scenario question yet: add one above')]}
              fields={answered}
              value={item.when}
              onChange={(when) => setWhen(item.key, when)}
            />
          </Form.Item>
        ))}
      </Card>
    </Form>
  );
}
