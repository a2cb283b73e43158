import { Alert, Button, Card, Collapse, Drawer, Form, Input, InputNumber, Select, Space, Switch, Tag, Typography } from 'antd';
import { applicantFieldPaths, checkFormSchema, checkFormSupport, formFields, type ApplicantFieldPaths, type CheckIssue, type Condition } from '@onevisit/item-schemas';
import { useMemo, useState } from 'react';
import { fromForm, newFieldKey, toForm, type BuilderField, type FieldKind } from '../form-builder/fields';
import { OptionsEditor } from '../form-builder/OptionsEditor';
import { useI18n } from '../i18n';
import { ConditionBuilder } from './ConditionBuilder';
import type { Definition } from './definition';
import { FieldRow } from './FieldRow';
import { fieldId } from './paths';
import { moved } from './reorder';
import type { TabProps } from './tab-props';

type FormValue = NonNullable<Definition['form']>;

const palette: Array<[Exclude<FieldKind, 'advanced'>, string, string]> = [
  ['text', '单行文本', 'Text'],
  ['textarea', '多行文本', 'Long text'],
  ['number', '数字', 'Number'],
  ['date', '日期', 'Date'],
  ['choice', '单选', 'Single choice'],
  ['multichoice', '多选', 'Multiple choice'],
  ['boolean', '是/否', 'Yes / no'],
  ['idcard', '身份证号', 'ID card number'],
  ['uscc', '统一社会信用代码', 'Credit code'],
  ['mobile', '手机号码', 'Mobile'],
  ['email', '电子邮箱', 'E-mail'],
  ['address', '地址', 'Address'],
  ['group', '字段组', 'Group'],
  ['repeat', '可重复组', 'Repeating group'],
];
const kindLabel = (kind: FieldKind): [string, string] => {
  const found = palette.find(([k]) => k === kind);
  return found ? [found[1], found[2]] : ['高级(JSON)', 'Advanced (JSON)'];
};

/** A new field asks for an answer unless the official says otherwise: most intake questions must be answered. */
function blankField(fields: readonly BuilderField[], kind: FieldKind, zh: string): BuilderField {
  const base: BuilderField = { key: newFieldKey(fields, kind), kind, label: zh, required: kind !== 'group' };
  if (kind === 'choice' || kind === 'multichoice') base.options = [{ value: 'option1', label: '选项1' }, { value: 'option2', label: '选项2' }];
  if (kind === 'group' || kind === 'repeat') base.children = [{ key: 'text1', kind: 'text', label: '单行文本', required: true }];
  return base;
}

/** Build the intake form from a palette; it becomes JSON Schema + uiSchema. */
export function FormTab({ definition, update, issues }: TabProps) {
  const { t } = useI18n();
  const form = definition.form ?? {};
  const schema = form.schema ?? { type: 'object', properties: {} };
  const fields = useMemo(() => fromForm(schema, form.uiSchema ?? {}), [schema, form.uiSchema]);
  const [expert, setExpert] = useState(false);
  const visibleWhen = form.visibleWhen ?? {};
  const atBuilder = (path: string) => (fields ?? []).some((f) => path === `/form/visibleWhen/${f.key}` || path.startsWith(`/form/visibleWhen/${f.key}/`));
  const formIssues = issues.filter((i) => i.path.startsWith('/form') && !atBuilder(i.path));

  const write = (next: BuilderField[], nextVisible = visibleWhen) => {
    const built = toForm(next);
    update((d) => ({ ...d, form: { ...built, visibleWhen: nextVisible, ...(form.applicantFields ? { applicantFields: form.applicantFields } : {}) } }));
  };

  return (
    <section aria-label={t('申请表单', 'Form')}>
      <Space wrap style={{ marginBottom: 12 }} role="toolbar" aria-label={t('添加字段', 'Add a field')}>
        <Typography.Text strong>{t('添加字段：', 'Add a field:')}</Typography.Text>
        {palette.map(([kind, zh, en]) => (
          <Button key={kind} size="small" disabled={!fields} onClick={() => fields && write([...fields, blankField(fields, kind, zh)])}>
            {t(zh, en)}
          </Button>
        ))}
        <Button size="small" onClick={() => setExpert(true)}>
          {t('JSON 视图(专家)', 'JSON view (experts)')}
        </Button>
      </Space>
      {/* The form's issues at the top, but a top-level field's display condition has them at its own builder. */}
      {formIssues.length > 0 && (
        <FieldRow path="/form" label="" issues={formIssues} exact={false}>
          <span />
        </FieldRow>
      )}
      {fields ? (
        <FieldList
          fields={fields}
          onChange={(next, renamed) => {
            const nextVisible = { ...visibleWhen };
            if (renamed && nextVisible[renamed.from]) {
              nextVisible[renamed.to] = nextVisible[renamed.from]!;
              delete nextVisible[renamed.from];
            }
            write(next, nextVisible);
          }}
          visibleWhen={visibleWhen}
          onVisibleWhen={(key, condition) => {
            const next = { ...visibleWhen };
            if (condition) next[key] = condition;
            else delete next[key];
            write(fields, next);
          }}
          allFields={formFields(schema)}
          issues={issues}
        />
      ) : (
        <Alert type="warning" showIcon message={t('此表单的根不是字段组，请在 JSON 视图中编辑。', 'This form’s root is not a group of fields: edit it in the JSON view.')} />
      )}
      <ApplicantFields form={form} onChange={(applicantFields) => update((d) => ({ ...d, form: { ...d.form, applicantFields } }))} />
      <ExpertView open={expert} onClose={() => setExpert(false)} value={form} onApply={(next) => update((d) => ({ ...d, form: next }))} />
    </section>
  );
}

function FieldList({
  fields,
  onChange,
  visibleWhen,
  onVisibleWhen,
  allFields,
  issues = [],
  prefix = '',
}: {
  fields: BuilderField[];
  onChange: (next: BuilderField[], renamed?: { from: string; to: string }) => void;
  visibleWhen?: Record<string, Condition>;
  onVisibleWhen?: (key: string, condition: Condition | undefined) => void;
  allFields: ReturnType<typeof formFields>;
  /** The item's issues, for the display conditions (top-level fields only). */
  issues?: readonly CheckIssue[];
  prefix?: string;
}) {
  const { t } = useI18n();
  const change = (index: number, patch: Partial<BuilderField>) => {
    const renamed = patch.key !== undefined && patch.key !== fields[index]!.key ? { from: fields[index]!.key, to: patch.key } : undefined;
    onChange(fields.map((f, i) => (i === index ? { ...f, ...patch } : f)), renamed);
  };
  const move = (index: number, by: number) => onChange(moved(fields, index, by));
  if (fields.length === 0) return <Typography.Paragraph type="secondary">{t('还没有字段：从上方添加。', 'No fields yet: add one above.')}</Typography.Paragraph>;
  return (
    <Collapse
      items={fields.map((field, index) => {
        const path = prefix ? `${prefix}.${field.key}` : field.key;
        const id = fieldId(`/form/field/${path}`);
        const earlier = allFields.filter((f) => fields.slice(0, index).some((e) => f.path === (prefix ? `${prefix}.${e.key}` : e.key) || f.path.startsWith(`${prefix ? `${prefix}.` : ''}${e.key}.`)));
        return {
          // Keyed by position, so renaming a field keeps its panel open.
          key: String(index),
          label: (
            <Space wrap>
              <span>{field.label || field.key}</span>
              <Tag>{t(...kindLabel(field.kind))}</Tag>
              {field.required && <Tag color="red">{t('必填', 'Required')}</Tag>}
              {visibleWhen?.[field.key] && <Tag color="purple">{t('按条件显示', 'Conditional')}</Tag>}
            </Space>
          ),
          children: (
            <Form layout="vertical" component={false}>
              <Space style={{ marginBottom: 8, display: 'flex' }}>
              <Button size="small" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t(`上移「${field.label}」`, `Move "${field.label}" up`)}>↑</Button>
              <Button size="small" disabled={index === fields.length - 1} onClick={() => move(index, 1)} aria-label={t(`下移「${field.label}」`, `Move "${field.label}" down`)}>↓</Button>
              <Button size="small" danger onClick={() => onChange(fields.filter((_, i) => i !== index))} aria-label={t(`删除「${field.label}」`, `Remove "${field.label}"`)}>{t('删除', 'Remove')}</Button>
              </Space>
              <Space wrap align="start">
                <Form.Item label={t('标题', 'Label')} htmlFor={`${id}-label`} style={{ marginBottom: 12 }}>
                  <Input id={`${id}-label`} value={field.label} onChange={(e) => change(index, { label: e.target.value })} />
                </Form.Item>
                <Form.Item label={t('必填', 'Required')} htmlFor={`${id}-required`} style={{ marginBottom: 12 }}>
                  <Switch id={`${id}-required`} checked={field.required} onChange={(required) => change(index, { required })} />
                </Form.Item>
              </Space>
              <Form.Item label={t('填写说明', 'Help')} htmlFor={`${id}-help`} style={{ marginBottom: 12 }}>
                <Input id={`${id}-help`} value={field.help ?? ''} onChange={(e) => change(index, { help: e.target.value || undefined })} />
              </Form.Item>
              {(field.kind === 'text' || field.kind === 'textarea' || field.kind === 'address') && (
                <Space wrap>
                  <Form.Item label={t('最少字数', 'Min length')} htmlFor={`${id}-min`}><InputNumber id={`${id}-min`} min={0} value={field.minLength} onChange={(n) => change(index, { minLength: n ?? undefined })} /></Form.Item>
                  <Form.Item label={t('最多字数', 'Max length')} htmlFor={`${id}-max`}><InputNumber id={`${id}-max`} min={1} value={field.maxLength} onChange={(n) => change(index, { maxLength: n ?? undefined })} /></Form.Item>
                </Space>
              )}
              {field.kind === 'number' && (
                <Space wrap>
                  <Form.Item label={t('最小值', 'Minimum')} htmlFor={`${id}-minimum`}><InputNumber id={`${id}-minimum`} value={field.minimum} onChange={(n) => change(index, { minimum: n ?? undefined })} /></Form.Item>
                  <Form.Item label={t('最大值', 'Maximum')} htmlFor={`${id}-maximum`}><InputNumber id={`${id}-maximum`} value={field.maximum} onChange={(n) => change(index, { maximum: n ?? undefined })} /></Form.Item>
                  <Form.Item label={t('只能填整数', 'Whole numbers only')} htmlFor={`${id}-integer`}><Switch id={`${id}-integer`} checked={!!field.integer} onChange={(integer) => change(index, { integer })} /></Form.Item>
                </Space>
              )}
              {(field.kind === 'choice' || field.kind === 'multichoice') && <OptionsEditor id={id} options={field.options ?? []} onChange={(options) => change(index, { options })} />}
              {(field.kind === 'group' || field.kind === 'repeat') && (
                <Card size="small" title={field.kind === 'group' ? t('组内字段', 'Fields in the group') : t('每一组的字段', 'Fields of each entry')}>
                  <Space wrap style={{ marginBottom: 8 }}>
                    {palette.filter(([k]) => k !== 'group' && k !== 'repeat').map(([kind, zh, en]) => (
                      <Button key={kind} size="small" onClick={() => change(index, { children: [...(field.children ?? []), blankField(field.children ?? [], kind, zh)] })}>
                        + {t(zh, en)}
                      </Button>
                    ))}
                  </Space>
                  <FieldList fields={field.children ?? []} onChange={(children) => change(index, { children })} allFields={allFields} prefix={path} />
                </Card>
              )}
              {field.kind === 'advanced' && <Typography.Text code>{JSON.stringify(field.raw?.schema)}</Typography.Text>}
              {onVisibleWhen && (
                <FieldRow path={`/form/visibleWhen/${field.key}`} label={t('显示条件(不设置则总是显示)', 'Shown when (always, if none)')} issues={issues}>
                  <ConditionBuilder path={`/form/visibleWhen/${field.key}`} issues={issues} addLabel={[t('添加显示条件', 'Add a condition'), t('前面没有可作为条件的字段：条件只能引用排在前面的字段', 'No earlier field to base it on: a condition can only name fields above this one')]} label={t(`「${field.label}」的显示条件`, `When "${field.label}" shows`)} fields={earlier} value={visibleWhen?.[field.key]} onChange={(c) => onVisibleWhen(field.key, c)} />
                </FieldRow>
              )}
              <FieldKey id={id} value={field.key} onChange={(key) => change(index, { key })} />
            </Form>
          ),
        };
      })}
    />
  );
}

/**
 * The field's key in the stored answers, behind 高级: keys are made for new fields, so an
 * official never has to invent one; those who export data or call the API may set their own.
 */
function FieldKey({ id, value, onChange }: { id: string; value: string; onChange: (key: string) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Button type="link" size="small" style={{ padding: 0 }} aria-expanded={open} aria-controls={`${id}-advanced`} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} {t('高级', 'Advanced')}
      </Button>
      {open && (
        <div id={`${id}-advanced`}>
          <Form.Item label={t('字段标识', 'Field key')} htmlFor={`${id}-key`} style={{ marginBottom: 12 }} extra={t('系统已自动生成，一般无需修改；用于数据导出和接口。字母开头，仅含字母、数字、_', 'made for you and rarely changed; used in data exports and the API. A letter, then letters, digits or _')}>
            <Input id={`${id}-key`} style={{ maxWidth: 240 }} value={value} onChange={(e) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(e.target.value) && onChange(e.target.value)} />
          </Form.Item>
        </div>
      )}
    </div>
  );
}

/**
 * Which fields name the applicant, their ID number and mobile: notices, documents and the case
 * search use them. Each is found by kind and title unless the official picks it.
 */
function ApplicantFields({ form, onChange }: { form: FormValue; onChange: (next: ApplicantFieldPaths) => void }) {
  const { t } = useI18n();
  const schema = form.schema ?? { type: 'object', properties: {} };
  const all = formFields(schema).filter((f) => f.type === 'string');
  const marked = form.applicantFields ?? {};
  const found = applicantFieldPaths({ schema, applicantFields: {} });
  const roles: Array<[keyof ApplicantFieldPaths, string, string, (f: (typeof all)[number]) => boolean]> = [
    ['name', '申请人姓名(名称)', 'Applicant’s name', (f) => !f.format && !f.options],
    ['idNumber', '申请人证件号', 'Applicant’s ID number', (f) => f.format === 'cn-id-card' || f.format === 'cn-uscc' || !f.format],
    ['mobile', '申请人手机号', 'Applicant’s mobile', (f) => f.format === 'cn-mobile' || !f.format],
  ];
  const title = (path: string | undefined) => all.find((f) => f.path === path)?.title ?? path;
  return (
    <Card size="small" title={t('申请人信息字段', 'Fields that name the applicant')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('受理通知书、决定书和办件查询中的“申请人”取自这些字段。', 'The "applicant" on notices, decisions and the case search comes from these fields.')}</Typography.Paragraph>
      <Space wrap size="large">
        {roles.map(([role, zh, en, fits]) => (
          <label key={role} style={{ display: 'inline-flex', flexDirection: 'column', gap: 4 }}>
            {t(zh, en)}
            <Select
              style={{ minWidth: 220 }}
              aria-label={t(zh, en)}
              value={marked[role] ?? ''}
              onChange={(value: string) => {
                const next = { ...marked };
                if (value) next[role] = value;
                else delete next[role];
                onChange(next);
              }}
              options={[
                { value: '', label: found[role] ? t(`自动：${title(found[role])}`, `Automatic: ${title(found[role])}`) : t('自动(未找到合适字段)', 'Automatic (none found)') },
                ...all.filter(fits).map((f) => ({ value: f.path, label: f.title })),
              ]}
            />
          </label>
        ))}
      </Space>
    </Card>
  );
}

/** The form as JSON, for experts: parse errors and unsupported constructs show as they type. */
function ExpertView({ open, onClose, value, onApply }: { open: boolean; onClose: () => void; value: FormValue; onApply: (next: FormValue) => void }) {
  const { t, pick } = useI18n();
  const [text, setText] = useState<string>();
  const current = text ?? JSON.stringify(value, null, 2);
  const parsed = useMemo(() => {
    try {
      const json = JSON.parse(current) as FormValue;
      if (typeof json !== 'object' || json === null || typeof json.schema !== 'object') return { error: t('需要 {"schema": {...}, "uiSchema": {...}}', 'expected {"schema": {...}, "uiSchema": {...}}') };
      const unsafe = checkFormSchema(json.schema);
      return { json, issues: unsafe.length > 0 ? unsafe : checkFormSupport(json.schema, json.uiSchema ?? {}) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }, [current, t]);
  return (
    <Drawer open={open} onClose={() => { setText(undefined); onClose(); }} title={t('表单 JSON', 'Form JSON')} width={Math.min(720, window.innerWidth)} extra={
      <Button type="primary" disabled={!parsed.json || (parsed.issues?.length ?? 0) > 0} onClick={() => { onApply(parsed.json!); setText(undefined); onClose(); }}>
        {t('应用', 'Apply')}
      </Button>
    }>
      <label htmlFor="form-json">{t('JSON Schema 与 uiSchema', 'JSON Schema and uiSchema')}</label>
      <Input.TextArea id="form-json" value={current} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 16, maxRows: 40 }} style={{ fontFamily: 'monospace' }} />
      <div role="status" aria-live="polite" style={{ marginTop: 8 }}>
        {parsed.error && <Alert type="error" showIcon message={t(`JSON 无法解析：${parsed.error}`, `Not valid JSON: ${parsed.error}`)} />}
        {parsed.issues?.map((issue, i) => <Alert key={i} type="error" showIcon message={`${issue.path || '/'}: ${pick(issue)}`} />)}
      </div>
    </Drawer>
  );
}
