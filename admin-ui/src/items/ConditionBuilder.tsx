import { Button, InputNumber, Input, Radio, Select, Space, Typography } from 'antd';
import { operators, type CheckIssue, type Comparison, type Condition, type FormField, type Operator, type Scalar } from '@onevisit/item-schemas';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { useIssuesAsked } from './issues-asked';
import { fieldId } from './paths';

/**
 * "需要此材料的情形": conditions built with pickers — a field, a comparison, a value from the
 * field's choices — combined with all or any. Nested combinations made elsewhere are shown, not edited.
 * Each row shows the publish-time issues about it, except a row just added and not yet touched:
 * an error before anything is picked only scolds; it shows once the official picks something
 * or comes from the issues list.
 */

interface Rows {
  mode: 'all' | 'any';
  rows: Comparison[];
}

function toRows(condition: Condition | undefined): Rows | undefined {
  if (!condition) return { mode: 'all', rows: [] };
  if ('field' in condition) return { mode: 'all', rows: [condition] };
  if ('all' in condition && condition.all.every((c) => 'field' in c)) return { mode: 'all', rows: condition.all as Comparison[] };
  if ('any' in condition && condition.any.every((c) => 'field' in c)) return { mode: 'any', rows: condition.any as Comparison[] };
  return undefined;
}

function fromRows({ mode, rows }: Rows): Condition | undefined {
  if (rows.length === 0) return undefined;
  if (rows.length === 1) return rows[0];
  return mode === 'all' ? { all: rows } : { any: rows };
}

function operatorsFor(field: FormField | undefined): Operator[] {
  if (!field) return ['eq'];
  if (field.type === 'array') return ['contains', 'isSet', 'isNotSet'];
  if (field.type === 'boolean') return ['eq', 'isSet', 'isNotSet'];
  if (field.options) return ['eq', 'ne', 'in', 'notIn', 'isSet', 'isNotSet'];
  if (field.type === 'number' || field.type === 'integer') return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'isSet', 'isNotSet'];
  return ['eq', 'ne', 'isSet', 'isNotSet'];
}

export function ConditionBuilder({
  fields,
  value,
  onChange,
  label,
  path,
  issues,
  addLabel,
}: {
  fields: FormField[];
  value: Condition | undefined;
  onChange: (next: Condition | undefined) => void;
  label: string;
  /** JSON Pointer of the condition in the item, e.g. /materials/0/when. */
  path: string;
  /** Issues of the item or the 一件事 it sits in: only where they point and what they say are read. */
  issues: readonly Pick<CheckIssue, 'path' | 'message' | 'message_en'>[];
  /** The add button's words and what to say when no field can be picked, if not a material's. */
  addLabel?: [add: string, none: string];
}) {
  const { t, language, pick } = useI18n();
  const asked = useIssuesAsked();
  // Rows added and not touched since, as of the number of visits from the issues list.
  const [fresh, setFresh] = useState<{ rows: number[]; asked: number }>({ rows: [], asked });
  const untouched = fresh.asked === asked ? fresh.rows : [];
  const touch = (index: number) => setFresh({ rows: untouched.filter((i) => i !== index), asked });
  const state = toRows(value);
  const idPrefix = fieldId(path);
  if (!state) {
    const inside = issues.filter((i) => i.path.startsWith(`${path}/`));
    return (
      <Space direction="vertical" size={2}>
        <Typography.Text code aria-label={label}>
          {JSON.stringify(value)}
        </Typography.Text>
        {inside.length > 0 && <Typography.Text type="danger">{inside.map(pick).join('；')}</Typography.Text>}
      </Space>
    );
  }
  const set = (rows: Comparison[], mode = state.mode) => onChange(fromRows({ mode, rows }));
  const choices = fields.filter((f) => f.type !== 'object');
  // Where each row sits in the stored condition: a lone comparison, or an element of all/any.
  const single = !!value && 'field' in value;
  const rowPath = (index: number) => (single ? path : `${path}/${state.mode}/${index}`);
  return (
    <Space direction="vertical" style={{ width: '100%' }} role="group" aria-label={label} id={idPrefix}>
      {state.rows.length > 1 && (
        <Radio.Group
          size="small"
          value={state.mode}
          onChange={(e) => set(state.rows, e.target.value)}
          options={[
            { value: 'all', label: t('同时满足以下条件', 'All of these') },
            { value: 'any', label: t('满足任一条件', 'Any of these') },
          ]}
        />
      )}
      {state.rows.map((row, index) => {
        const field = fields.find((f) => f.path === row.field);
        const ops = operatorsFor(field);
        const replace = (next: Comparison) => {
          touch(index);
          set(state.rows.map((r, i) => (i === index ? next : r)));
        };
        const at = rowPath(index);
        const here = untouched.includes(index) ? [] : issues.filter((i) => i.path.startsWith(`${at}/`));
        const status = (part: 'field' | 'op' | 'value') => (here.some((i) => i.path === `${at}/${part}`) ? 'error' : undefined);
        const valueChoices = (row.op === 'contains' ? field?.itemOptions : field?.options) ?? (field?.type === 'boolean' ? [true, false] : undefined);
        const optionLabel = (v: Scalar, i: number) => (v === true ? t('是', 'Yes') : v === false ? t('否', 'No') : (field?.optionTitles?.[i] ?? String(v)));
        const n = index + 1;
        return (
          <Space key={index} direction="vertical" size={2}>
            <Space wrap>
              <Select
                id={fieldId(`${at}/field`)}
                status={status('field')}
                aria-label={t(`条件${n}：字段`, `Condition ${n}: field`)}
                style={{ minWidth: 160 }}
                value={row.field || undefined}
                placeholder={t('选择字段', 'Choose a field')}
                options={choices.map((f) => ({ value: f.path, label: f.title }))}
                onChange={(path: string) => {
                  const next = fields.find((f) => f.path === path);
                  replace({ field: path, op: operatorsFor(next)[0]! });
                }}
              />
              <Select
                status={status('op')}
                aria-label={t(`条件${n}：比较`, `Condition ${n}: comparison`)}
                style={{ minWidth: 110 }}
                value={row.op}
                options={ops.map((op) => ({ value: op, label: language === 'zh' ? operators[op][0] : operators[op][1] }))}
                onChange={(op: Operator) => replace({ field: row.field, op })}
              />
              {row.op === 'isSet' || row.op === 'isNotSet' ? null : valueChoices ? (
                <Select
                  id={fieldId(`${at}/value`)}
                  status={status('value')}
                  aria-label={t(`条件${n}：值`, `Condition ${n}: value`)}
                  style={{ minWidth: 140 }}
                  mode={row.op === 'in' || row.op === 'notIn' ? 'multiple' : undefined}
                  value={row.value as never}
                  options={valueChoices.map((v, i) => ({ value: v as never, label: optionLabel(v, i) }))}
                  onChange={(v: Scalar | Scalar[]) => replace({ ...row, value: v })}
                />
              ) : field?.type === 'number' || field?.type === 'integer' ? (
                <InputNumber id={fieldId(`${at}/value`)} status={status('value')} aria-label={t(`条件${n}：值`, `Condition ${n}: value`)} value={typeof row.value === 'number' ? row.value : undefined} onChange={(v) => replace({ ...row, value: v ?? 0 })} />
              ) : (
                <Input id={fieldId(`${at}/value`)} status={status('value')} aria-label={t(`条件${n}：值`, `Condition ${n}: value`)} style={{ width: 160 }} value={typeof row.value === 'string' ? row.value : ''} onChange={(e) => replace({ ...row, value: e.target.value })} />
              )}
              <Button
                size="small"
                onClick={() => {
                  setFresh({ rows: untouched.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i)), asked });
                  set(state.rows.filter((_, i) => i !== index));
                }}
              >
                {t('删除条件', 'Remove')}
              </Button>
            </Space>
            {here.length > 0 && (
              <Typography.Text type="danger" role="alert">
                {here.map(pick).join('；')}
              </Typography.Text>
            )}
          </Space>
        );
      })}
      <Button
        size="small"
        disabled={choices.length === 0}
        onClick={() => {
          setFresh({ rows: [...untouched, state.rows.length], asked });
          set([...state.rows, { field: '', op: 'eq' }]);
        }}
      >
        {state.rows.length === 0 ? (addLabel?.[0] ?? t('添加适用条件', 'Add a condition')) : t('再加一个条件', 'Add another condition')}
      </Button>
      {choices.length === 0 && <Typography.Text type="secondary">{addLabel?.[1] ?? t('申请表单中还没有可作为条件的字段', 'The form has no field to base a condition on yet')}</Typography.Text>}
    </Space>
  );
}
