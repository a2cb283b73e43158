import { z } from 'zod';
import { ZLocalId, text } from '../model/common';
import { ZCondition, ZFieldPath } from '../model/condition';
import { ZIntakeForm } from '../model/form';
import { ZDepartment, ZItemId } from '../model/item';

/**
 * 一件事 (a bundle): one application for a chain of base items (国发〔2024〕3号 "高效办成一件事").
 * Each base item stays its own item, pinned to a published version; the bundle says which apply
 * (scenario questions), in what order (stages), which of their fields are one question
 * (canonical fields) and which of their materials are one document (equivalences).
 */

/** A top-level key of the merged form: a scenario question, a canonical field or a base item's group. */
export const ZFormKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, '标识须以字母开头，仅含字母、数字和 _ / a key starts with a letter and holds letters, digits or _')
  .meta({ title: '标识' });

export const ZBundleItem = z
  .object({
    /** The base item's name inside the bundle: its group in the merged form, its key in mappings. */
    key: ZFormKey,
    jurisdiction: z.string().min(1).max(50).meta({ title: '区划' }),
    itemId: ZItemId,
    version: z.number().int().min(1).meta({ title: '版本' }),
    /** Over the scenario answers; absent = always applies. */
    when: ZCondition.optional().meta({ title: '适用情形', description: '仅在满足条件时办理此事项' }),
  })
  .meta({ title: '基础事项' });
export type BundleItem = z.infer<typeof ZBundleItem>;

export const ZBundleStage = z
  .object({
    name: text(100).optional().meta({ title: '阶段名称' }),
    /** Keys of the base items run in parallel in this stage. */
    items: z.array(ZFormKey).min(1).max(20).meta({ title: '本阶段并联办理的事项' }),
  })
  .meta({ title: '办理阶段' });
export type BundleStage = z.infer<typeof ZBundleStage>;

export const ZCanonicalField = z
  .object({
    /** Its key in the merged form; the key of a scenario question when that question answers it. */
    key: ZFormKey,
    title: text(100).min(1).meta({ title: '字段名称' }),
    /** Base item key → that item's field path. */
    map: z.record(ZFormKey, ZFieldPath).meta({ title: '对应各事项的字段' }),
    /**
     * When this base item applies, the field is not asked: it is that item's result number (营业执照 →
     * 统一社会信用代码), filled in before the next stage starts.
     */
    fromResultOf: ZFormKey.optional().meta({ title: '由该事项的办理结果填入' }),
  })
  .meta({ title: '合并问题' });
export type CanonicalField = z.infer<typeof ZCanonicalField>;

export const ZMaterialEquivalence = z
  .object({
    key: ZLocalId,
    /** What the applicant is told it is called; the first base item's name when absent. */
    name: text(200).optional().meta({ title: '材料名称' }),
    /** Base item key → that item's material id. */
    map: z.record(ZFormKey, ZLocalId).meta({ title: '对应各事项的材料' }),
  })
  .meta({ title: '相同材料' });
export type MaterialEquivalence = z.infer<typeof ZMaterialEquivalence>;

export const deliveryRules = {
  together: ['全部办结后一次送达', 'all results delivered together'],
  asReady: ['各事项办结即送达', 'each result delivered as it is ready'],
} as const;

export const denialRules = {
  continue: ['其余事项继续办理', 'the other items go on'],
  stopAll: ['全部终止办理', 'all items stop'],
} as const;

const keysOf = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const ZBundleDefinition = z
  .object({
    kind: z.literal('bundle').default('bundle').meta({ title: '事项种类' }),
    id: ZItemId,
    name: text(200).min(1).meta({ title: '一件事名称' }),
    /** What people call it (开饭店): the portal's search finds it by these as by its name. */
    keywords: z.array(text(50).min(1)).max(20).default([]).meta({ title: '搜索关键词', description: '群众常用的叫法，如 开饭店' }),
    leadDepartment: ZDepartment.meta({ title: '牵头部门' }),
    cooperatingDepartments: z.array(ZDepartment).max(20).default([]).meta({ title: '配合部门' }),
    items: z.array(ZBundleItem).min(1).max(20).meta({ title: '基础事项' }),
    stages: z.array(ZBundleStage).min(1).max(10).meta({ title: '办理阶段', description: '同一阶段的事项并联办理；上一阶段全部准予后开始下一阶段' }),
    scenario: ZIntakeForm.pick({ schema: true, uiSchema: true, visibleWhen: true }).meta({ title: '情形问题' }),
    fields: z.array(ZCanonicalField).max(200).default([]).meta({ title: '字段合并' }),
    materials: z.array(ZMaterialEquivalence).max(200).default([]).meta({ title: '相同材料' }),
    delivery: z.enum(keysOf(deliveryRules)).default('together').meta({ title: '出件方式', labels: deliveryRules }),
    onChildDenied: z.enum(keysOf(denialRules)).default('continue').meta({ title: '某一事项不予办理时', labels: denialRules }),
  })
  .meta({ title: '一件事定义' });

/** A bundle as stored and used, defaults applied. */
export type BundleDefinition = z.infer<typeof ZBundleDefinition>;
/** A bundle as written in a file or sent by the editor. */
export type BundleDefinitionInput = z.input<typeof ZBundleDefinition>;
