import { templates } from '@onevisit/item-schemas/templates';

/**
 * A large item for the benchmarks: text, numbers and choices, with materials that depend on the
 * answers, so the checklist is recomputed as people type.
 */
export function itemWithFields(count: number): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    properties[`f${i}`] =
      kind === 0
        ? { type: 'string', title: `文本字段${i}`, maxLength: 100 }
        : kind === 1
          ? { type: 'number', title: `数字字段${i}`, minimum: 0 }
          : { type: 'string', title: `选择字段${i}`, oneOf: [{ const: 'a', title: '甲' }, { const: 'b', title: '乙' }] };
  }
  const base = structuredClone(templates.find((t) => t.id === 'labour-dispatch-licence')!) as Record<string, unknown>;
  return {
    ...base,
    form: { schema: { type: 'object', properties, required: ['f0'] }, uiSchema: {}, visibleWhen: { f4: { field: 'f2', op: 'eq', value: 'a' } } },
    materials: Array.from({ length: 30 }, (_, i) => ({
      id: `m${i}`,
      name: `材料${i}`,
      kind: 'original',
      form: 'electronic',
      necessity: 'required',
      when: { field: `f${i * 9}`, op: 'isSet' },
    })),
  };
}
