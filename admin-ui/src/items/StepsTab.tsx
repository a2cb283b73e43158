import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Statistic, Switch, Typography } from 'antd';
import { caseTypes, orderedCodes, timeoutPolicies } from '@onevisit/item-schemas';
import { useI18n } from '../i18n';
import type { Definition } from './definition';
import { FieldRow } from './FieldRow';
import { fieldId } from './paths';
import { moved } from './reorder';
import type { TabProps } from './tab-props';

/**
 * A limit as the draft holds it while being filled in: absent until the official types a number
 * (a blank item shows empty boxes, not a 0 nobody entered); a missing unit is the model's 工作日.
 */
type Limit = NonNullable<Definition['promisedLimit']>;
type Step = NonNullable<Definition['steps']>[number];

/** The steps with their limits, the legal and promised limits, 容缺 and 超时默认. */
export function StepsTab({ definition, update, issues }: TabProps) {
  const { t, language } = useI18n();
  const steps = definition.steps ?? [];
  // undefined: not said yet (asks for a value); null: the law sets none (the box is ticked).
  const legal = definition.legalLimit;
  const promised = definition.promisedLimit;
  const promisedUnit = promised?.unit ?? 'workday';
  const deficiency = definition.deficiencyAcceptance ?? { enabled: false };
  const set = (patch: Definition) => update((d) => ({ ...d, ...patch }));
  const setSteps = (next: Step[]) => set({ steps: next });
  const change = (index: number, patch: Step) => setSteps(steps.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const move = (index: number, by: number) => setSteps(moved(steps, index, by));
  const groups = new Map<string, number>();
  steps.forEach((s, i) => groups.set(s.parallelGroup || `#${i}`, Math.max(groups.get(s.parallelGroup || `#${i}`) ?? 0, s.limitDays ?? 0)));
  const total = [...groups.values()].reduce((a, b) => a + b, 0);
  const compression =
    legal?.value && promised?.value !== undefined && (legal.unit ?? 'workday') === promisedUnit ? Math.round(((legal.value - promised.value) / legal.value) * 100) : undefined;
  const unitOptions = [
    { value: 'workday', label: t('工作日', 'working days') },
    { value: 'natural', label: t('自然日', 'calendar days') },
  ];
  // Emptying the number empties the limit (keeping a chosen 自然日), so the check asks for it.
  const limitInput = (path: string, limit: Limit | undefined, onChange: (next: Limit | undefined) => void, name: string) => (
    <Space.Compact>
      <InputNumber
        id={fieldId(path)}
        aria-label={name}
        min={0}
        max={3650}
        placeholder={t('天数', 'days')}
        value={limit?.value ?? null}
        onChange={(value) => onChange(value === null ? (limit?.unit === 'natural' ? { unit: 'natural' } : undefined) : { unit: limit?.unit ?? 'workday', value })}
      />
      <Select aria-label={`${name} ${t('单位', 'unit')}`} style={{ width: language === 'zh' ? 110 : 160 }} value={limit?.unit ?? 'workday'} options={unitOptions} onChange={(unit) => onChange({ ...limit, unit })} />
    </Space.Compact>
  );
  const days = (zh: string, en: string) => (promised?.value === undefined ? t('承诺时限尚未填写', 'the promise is not set yet') : t(zh, en));

  return (
    <section aria-label={t('环节与时限', 'Steps & deadlines')}>
      <Form layout="vertical" component={false}>
        <Card size="small" title={t('办结时限', 'Limits')} style={{ marginBottom: 12 }}>
          <Space wrap align="start" size="large">
            <FieldRow path="/legalLimit" label={t('法定办结时限', 'Legal limit')} issues={issues} exact={false}>
              <Space direction="vertical">
                {legal === null ? <Typography.Text type="secondary">{t('法律未规定', 'None set by law')}</Typography.Text> : limitInput('/legalLimit', legal, (next) => set({ legalLimit: next }), t('法定办结时限', 'Legal limit'))}
                <Checkbox id={legal === null ? fieldId('/legalLimit') : undefined} checked={legal === null} onChange={(e) => set({ legalLimit: e.target.checked ? null : undefined })}>
                  {t('法律未规定时限', 'No legal limit')}
                </Checkbox>
              </Space>
            </FieldRow>
            <FieldRow path="/promisedLimit" label={t('承诺办结时限', 'Promised limit')} issues={issues} exact={false}>
              {limitInput('/promisedLimit', promised, (next) => set({ promisedLimit: next }), t('承诺办结时限', 'Promised limit'))}
            </FieldRow>
            <FieldRow path="/caseType" label={t('办件类型', 'Case type')} issues={issues}>
              <Radio.Group id={fieldId('/caseType')} value={definition.caseType} onChange={(e) => set({ caseType: e.target.value })} options={orderedCodes(caseTypes).map((value) => ({ value, label: t(caseTypes[value][0], caseTypes[value][1]) }))} />
            </FieldRow>
            {compression !== undefined && <Statistic title={t('承诺提速(压缩比)', 'Promised vs legal: faster by')} value={compression} suffix="%" />}
          </Space>
        </Card>

        <Card size="small" title={t('办理环节', 'Steps')} style={{ marginBottom: 12 }}>
          <Alert
            style={{ marginBottom: 12 }}
            type={promised?.value !== undefined && total > promised.value && promisedUnit === 'workday' ? 'error' : 'info'}
            showIcon
            message={`${t(`各环节合计 ${total} 个工作日，`, `Steps add up to ${total} working days; `)}${days(`承诺时限 ${promised?.value} 个${promisedUnit === 'workday' ? '工作日' : '自然日'}`, `the promise is ${promised?.value} ${promisedUnit === 'workday' ? 'working' : 'calendar'} days`)}`}
          />
          {/* "请填写" for an item with no step yet; the sum's own issue is the alert above. */}
          {issues
            .filter((i) => i.path === '/steps' && i.code !== 'STEPS_EXCEED_PROMISED')
            .map((i) => (
              <Typography.Paragraph key={i.message} type="danger">
                {t(i.message, i.message_en)}
              </Typography.Paragraph>
            ))}
          <Space direction="vertical" style={{ width: '100%' }}>
            {steps.map((step, index) => {
              const at = `/steps/${index}`;
              const title = step.name || t(`环节 ${index + 1}`, `Step ${index + 1}`);
              return (
                <Card key={index} size="small" type="inner" title={`${index + 1}. ${title}`} extra={
                  <Space>
                    <Button size="small" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t(`上移「${title}」`, `Move "${title}" up`)}>↑</Button>
                    <Button size="small" disabled={index === steps.length - 1} onClick={() => move(index, 1)} aria-label={t(`下移「${title}」`, `Move "${title}" down`)}>↓</Button>
                    <Button size="small" danger onClick={() => setSteps(steps.filter((_, i) => i !== index))} aria-label={t(`删除「${title}」`, `Remove "${title}"`)}>{t('删除', 'Remove')}</Button>
                  </Space>
                }>
                  <Space wrap align="start">
                    <FieldRow path={`${at}/name`} label={t('环节名称', 'Name')} issues={issues}>
                      <Input id={fieldId(`${at}/name`)} value={step.name} maxLength={50} onChange={(e) => change(index, { name: e.target.value })} />
                    </FieldRow>
                    <FieldRow path={`${at}/role`} label={t('办理岗位或部门', 'Role or department')} issues={issues}>
                      <Input id={fieldId(`${at}/role`)} value={step.role} maxLength={100} onChange={(e) => change(index, { role: e.target.value })} />
                    </FieldRow>
                    <FieldRow path={`${at}/limitDays`} label={t('时限(工作日)', 'Limit (working days)')} issues={issues}>
                      <InputNumber id={fieldId(`${at}/limitDays`)} min={0} max={3650} value={step.limitDays} onChange={(n) => change(index, { limitDays: n ?? 0 })} />
                    </FieldRow>
                    <FieldRow path={`${at}/onTimeout`} label={t('超时处理', 'On timeout')} issues={issues}>
                      <Select id={fieldId(`${at}/onTimeout`)} style={{ width: 170 }} value={step.onTimeout ?? 'warn'} onChange={(onTimeout) => change(index, { onTimeout })} options={Object.entries(timeoutPolicies).map(([value, pair]) => ({ value, label: language === 'zh' ? pair[0] : pair[1] }))} />
                    </FieldRow>
                    <FieldRow path={`${at}/parallelGroup`} label={t('并联组(同组并行办理)', 'Parallel group')} issues={issues}>
                      <Input id={fieldId(`${at}/parallelGroup`)} style={{ width: 120 }} value={step.parallelGroup ?? ''} onChange={(e) => change(index, { parallelGroup: e.target.value || undefined })} />
                    </FieldRow>
                  </Space>
                </Card>
              );
            })}
            <Button id={fieldId('/steps')} type="dashed" block onClick={() => setSteps([...steps, { id: `step${Date.now().toString(36)}`, name: '', role: '', limitDays: 1 }])}>
              {t('添加环节', 'Add a step')}
            </Button>
          </Space>
        </Card>

        <Card size="small" title={t('容缺受理与超时默认', '容缺 acceptance and deemed approval')}>
          <Space wrap align="start" size="large">
            <FieldRow path="/deficiencyAcceptance/enabled" label={t('实行容缺受理', 'Accept with non-key materials missing')} issues={issues}>
              <Switch id={fieldId('/deficiencyAcceptance/enabled')} checked={!!deficiency.enabled} onChange={(enabled) => set({ deficiencyAcceptance: { ...deficiency, enabled, supplementDays: deficiency.supplementDays || undefined } })} />
            </FieldRow>
            {deficiency.enabled && (
              <FieldRow path="/deficiencyAcceptance/supplementDays" label={t('补交期限(工作日)', 'Supplement within (working days)')} issues={issues}>
                {/* Empty until typed: a 0 nobody entered would be no time at all to supply later. */}
                <InputNumber
                  id={fieldId('/deficiencyAcceptance/supplementDays')}
                  min={0}
                  max={3650}
                  placeholder={t('天数', 'days')}
                  value={deficiency.supplementDays ?? null}
                  onChange={(n) => set({ deficiencyAcceptance: { ...deficiency, supplementDays: n ?? undefined } })}
                />
              </FieldRow>
            )}
            <FieldRow path="/autoApproveOnTimeout" label={t('实行超时默认(环节超时视为同意)', 'Deemed approved when a step times out')} issues={issues}>
              <Switch id={fieldId('/autoApproveOnTimeout')} checked={!!definition.autoApproveOnTimeout} onChange={(on) => set({ autoApproveOnTimeout: on })} />
            </FieldRow>
          </Space>
        </Card>
      </Form>
    </section>
  );
}
