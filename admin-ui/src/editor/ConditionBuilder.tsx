import { Button, InputNumber, Input, Radio, Select, Space, Typography } from 'antd';
import { operators, type Comparison, type Condition, type FormField, type Operator, type Scalar } from '@onevisit/item-schemas';
import { useI18n } from '../i18n';

/**
 * "需要此材料的情形": conditions built with pickers — a field, a comparison, a value from the
 * field's choices — combined with all or any. Nested combinations made elsewhere are shown, not edited.
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

export function ConditionBuilder({ fields, value, onChange, label, idPrefix }: { fields: FormField[]; value: Condition | undefined; onChange: (next: Condition | undefined) => void; label: string; idPrefix: string }) {
  const { t, language } = useI18n();
  const state = toRows(value);
  if (!state) {
    return (
      <Typography.Text code aria-label={label}>
        {JSON.stringify(value)}
      </Typography.Text>
    );
  }
  const set = (rows: Comparison[], mode = state.mode) => onChange(fromRows({ mode, rows }));
  const choices = fields.filter((f) => f.type !== 'object');
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
        const replace = (next: Comparison) => set(state.rows.map((r, i) => (i === index ? next : r)));
        const valueChoices = (row.op === 'contains' ? field?.itemOptions : field?.options) ?? (field?.type === 'boolean' ? [true, false] : undefined);
        const optionLabel = (v: Scalar, i: number) => (v === true ? t('是', 'Yes') : v === false ? t('否', 'No') : (field?.optionTitles?.[i] ?? String(v)));
        const n = index + 1;
        return (
          <Space key={index} wrap>
            <Select
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
              aria-label={t(`条件${n}：比较`, `Condition ${n}: comparison`)}
              style={{ minWidth: 110 }}
              value={row.op}
              options={ops.map((op) => ({ value: op, label: language === 'zh' ? operators[op][0] : operators[op][1] }))}
              onChange={(op: Operator) => replace({ field: row.field, op })}
            />
            {row.op === 'isSet' || row.op === 'isNotSet' ? null : valueChoices ? (
              <Select
                aria-label={t(`条件${n}：值`, `Condition ${n}: value`)}
                style={{ minWidth: 140 }}
                mode={row.op === 'in' || row.op === 'notIn' ? 'multiple' : undefined}
                value={row.value as never}
                options={valueChoices.map((v, i) => ({ value: v as never, label: optionLabel(v, i) }))}
                onChange={(v: Scalar | Scalar[]) => replace({ ...row, value: v })}
              />
            ) : field?.type === 'number' || field?.type === 'integer' ? (
              <InputNumber aria-label={t(`条件${n}：值`, `Condition ${n}: value`)} value={typeof row.value === 'number' ? row.value : undefined} onChange={(v) => replace({ ...row, value: v ?? 0 })} />
            ) : (
              <Input aria-label={t(`条件${n}：值`, `Condition ${n}: value`)} style={{ width: 160 }} value={typeof row.value === 'string' ? row.value : ''} onChange={(e) => replace({ ...row, value: e.target.value })} />
            )}
            <Button size="small" onClick={() => set(state.rows.filter((_, i) => i !== index))}>
              {t('删除条件', 'Remove')}
            </Button>
          </Space>
        );
      })}
      <Button size="small" disabled={choices.length === 0} onClick={() => set([...state.rows, { field: '', op: 'eq' }])}>
        {state.rows.length === 0 ? t('添加适用条件', 'Add a condition') : t('再加一个条件', 'Add another condition')}
      </Button>
    </Space>
  );
}
