import { Button, Card, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { countsAsTold, formFields, materialSources, necessities } from '@onevisit/item-schemas';
import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { AcceptedTypesField } from './AcceptedTypesField';
import { ConditionBuilder } from './ConditionBuilder';
import type { Definition } from './definition';
import { FieldRow } from './FieldRow';
import { FileSlot } from './FileSlot';
import { MaterialMoreFields } from './MaterialMoreFields';
import { fieldId } from './paths';
import { moved } from './reorder';
import type { TabProps } from './tab-props';

type Material = NonNullable<Definition['materials']>[number];

/** The materials an applicant brings: what each is, when it applies, whether it may come later or is obtained by sharing. */
export function MaterialsTab({ definition, update, issues }: TabProps) {
  const { t, language } = useI18n();
  const materials = definition.materials ?? [];
  const fields = useMemo(() => formFields(definition.form?.schema ?? {}), [definition.form]);
  const set = (next: Material[]) => update((d) => ({ ...d, materials: next }));
  const change = (index: number, patch: Material) => set(materials.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  const move = (index: number, by: number) => set(moved(materials, index, by));
  const label = (pair: readonly [string, string, ...string[]]) => (language === 'zh' ? pair[0] : pair[1]);
  const add = () => {
    const used = new Set(materials.map((m) => m.id));
    let n = materials.length + 1;
    while (used.has(`material${n}`)) n++;
    set([...materials, { id: `material${n}`, name: '', kind: 'original', form: 'electronic', source: '10', necessity: 'required' }]);
  };
  const deficiency = definition.deficiencyAcceptance?.enabled;

  return (
    <section aria-label={t('申请材料', 'Materials')}>
      <Typography.Paragraph type="secondary">
        {t('逐项列出申请人需要提交的材料。可通过部门共享获取的材料设为“共享免交”，不会向申请人索要。', 'List what applicants bring. Mark materials obtainable from other departments as shared: applicants are never asked for them.')}
      </Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        {materials.map((m, index) => {
          const at = `/materials/${index}`;
          const title = m.name || t(`材料 ${index + 1}`, `Material ${index + 1}`);
          return (
            <Card key={index} size="small" title={title} extra={
              <Space>
                <Button size="small" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t(`上移「${title}」`, `Move "${title}" up`)}>↑</Button>
                <Button size="small" disabled={index === materials.length - 1} onClick={() => move(index, 1)} aria-label={t(`下移「${title}」`, `Move "${title}" down`)}>↓</Button>
                <Button size="small" danger onClick={() => set(materials.filter((_, i) => i !== index))} aria-label={t(`删除「${title}」`, `Remove "${title}"`)}>
                  {t('删除', 'Remove')}
                </Button>
              </Space>
            }>
              <Form layout="vertical" component={false}>
                <FieldRow path={`${at}/name`} label={t('材料名称', 'Name')} issues={issues}>
                  <Input id={fieldId(`${at}/name`)} value={m.name} maxLength={200} onChange={(e) => change(index, { name: e.target.value })} />
                </FieldRow>
                <Space wrap align="start">
                  <FieldRow path={`${at}/kind`} label={t('材料类型', 'Kind')} issues={issues}>
                    <Select id={fieldId(`${at}/kind`)} style={{ width: 150 }} value={m.kind} onChange={(kind) => change(index, { kind })} options={[{ value: 'original', label: t('原件', 'Original') }, { value: 'copy', label: t('复印件', 'Copy') }, { value: 'originalOrCopy', label: t('原件或复印件', 'Original or copy') }]} />
                  </FieldRow>
                  <FieldRow path={`${at}/form`} label={t('材料形式', 'Form')} issues={issues}>
                    <Select id={fieldId(`${at}/form`)} style={{ width: 140 }} value={m.form} onChange={(form) => change(index, { form })} options={[{ value: 'paper', label: t('纸质', 'Paper') }, { value: 'electronic', label: t('电子', 'Electronic') }, { value: 'both', label: t('纸质和电子', 'Both') }]} />
                  </FieldRow>
                  <FieldRow path={`${at}/source`} label={t('来源渠道', 'Source')} issues={issues}>
                    <Select id={fieldId(`${at}/source`)} style={{ width: 170 }} value={m.source ?? '10'} onChange={(source) => change(index, { source })} options={Object.entries(materialSources).map(([value, pair]) => ({ value, label: label(pair) }))} />
                  </FieldRow>
                  <FieldRow path={`${at}/copies`} label={t('份数', 'Copies')} issues={issues}>
                    <InputNumber id={fieldId(`${at}/copies`)} min={0} max={100} value={countsAsTold({ kind: 'original', ...m })[m.kind === 'copy' ? 'copies' : 'originals']} onChange={(n) => change(index, m.kind === 'copy' ? { copies: n ?? 0 } : { originals: n ?? 0 })} />
                  </FieldRow>
                </Space>
                <FieldRow path={`${at}/necessity`} label={t('必要性', 'Necessity')} issues={issues} extra={m.necessity === 'deferrable' && !deficiency ? t('需在“环节与时限”中开启容缺受理', 'Turn on 容缺 acceptance under Steps & deadlines') : undefined}>
                  <Radio.Group id={fieldId(`${at}/necessity`)} value={m.necessity} onChange={(e) => change(index, { necessity: e.target.value })} options={Object.entries(necessities).map(([value, pair]) => ({ value, label: label(pair) }))} />
                </FieldRow>
                <Space wrap>
                  <FieldRow path={`${at}/key`} label={t('关键材料', 'Key material')} issues={issues}>
                    <Switch id={fieldId(`${at}/key`)} checked={!!m.key} onChange={(key) => change(index, { key })} />
                  </FieldRow>
                  {/* Only issues about sharing itself: the source's show once, at the source field below. */}
                  <FieldRow path={`${at}/shared`} label={t('信息共享免交', 'Shared (never asked)')} issues={issues}>
                    <Switch id={fieldId(`${at}/shared`)} checked={!!m.shared} onChange={(on) => change(index, { shared: on ? { provider: '' } : undefined })} />
                  </FieldRow>
                  <FieldRow path={`${at}/promiseReplaceable`} label={t('可告知承诺替代', 'A promise may replace it')} issues={issues}>
                    <Switch id={fieldId(`${at}/promiseReplaceable`)} checked={!!m.promiseReplaceable} onChange={(promiseReplaceable) => change(index, { promiseReplaceable })} />
                  </FieldRow>
                </Space>
                {m.shared && (
                  <FieldRow path={`${at}/shared/provider`} label={t('共享来源(部门或电子证照)', 'Obtained from (department or e-licence)')} issues={issues}>
                    <Input id={fieldId(`${at}/shared/provider`)} value={m.shared.provider} onChange={(e) => change(index, { shared: { provider: e.target.value } })} />
                  </FieldRow>
                )}
                {/* The builder shows each condition's issues at its row; the row here, those about the whole. */}
                <FieldRow path={`${at}/when`} label={t('适用情形(不设置则总是需要)', 'When it applies (always, if none)')} issues={issues}>
                  <ConditionBuilder path={`${at}/when`} issues={issues} label={t(`「${title}」的适用情形`, `When "${title}" applies`)} fields={fields} value={m.when} onChange={(when) => change(index, { when })} />
                </FieldRow>
                {/* A shared material is never uploaded, so it has no file types to choose. */}
                {!m.shared && <AcceptedTypesField at={at} value={m.acceptedTypes} issues={issues} onChange={(acceptedTypes) => change(index, { acceptedTypes })} />}
                <Space wrap size="large">
                  <FieldRow path={`${at}/blankForm`} label={t('空白表格', 'Blank form')} issues={issues} exact={false}>
                    <FileSlot id={fieldId(`${at}/blankForm`)} label={t('空白表格', 'blank form')} value={m.blankForm} onChange={(blankForm) => change(index, { blankForm })} />
                  </FieldRow>
                  <FieldRow path={`${at}/sample`} label={t('示例样表', 'Sample')} issues={issues} exact={false}>
                    <FileSlot id={fieldId(`${at}/sample`)} label={t('示例样表', 'sample')} value={m.sample} onChange={(sample) => change(index, { sample })} />
                  </FieldRow>
                </Space>
                <FieldRow path={`${at}/guide`} label={t('填报须知', 'Guidance')} issues={issues}>
                  <Input.TextArea id={fieldId(`${at}/guide`)} rows={2} maxLength={2000} value={m.guide ?? ''} onChange={(e) => change(index, { guide: e.target.value || undefined })} />
                </FieldRow>
                {!m.shared && <MaterialMoreFields at={at} material={m} issues={issues} onChange={(patch) => change(index, patch)} />}
              </Form>
            </Card>
          );
        })}
        <Button type="dashed" block onClick={add}>
          {t('添加材料', 'Add a material')}
        </Button>
      </Space>
    </section>
  );
}
