import { z } from 'zod';
import { codeList, materialFileTypes, materialSources } from './codes';
import { ZFileRef, ZLegalBasis, ZLocalId, text } from './common';
import { ZCondition } from './condition';

export const necessities = {
  required: ['必要', 'Required'],
  optional: ['非必要', 'Optional'],
  deferrable: ['容缺(可后补)', 'May be supplied later (容缺)'],
} as const;

export const ZMaterial = z
  .object({
    id: ZLocalId,
    name: text(200).min(1).meta({ title: '材料名称' }),
    kind: codeList({
      original: ['原件', 'Original'],
      copy: ['复印件', 'Copy'],
      originalOrCopy: ['原件或复印件', 'Original or copy'],
    }).meta({ title: '材料类型' }),
    originals: z.number().int().min(0).max(100).default(0).meta({ title: '原件份数' }),
    copies: z.number().int().min(0).max(100).default(0).meta({ title: '复印件份数' }),
    form: codeList({
      paper: ['纸质', 'Paper'],
      electronic: ['电子', 'Electronic'],
      both: ['纸质和电子', 'Paper and electronic'],
    }).meta({ title: '材料形式' }),
    source: codeList(materialSources).default('10').meta({ title: '来源渠道' }),
    sourceDescription: text(200).optional().meta({ title: '来源说明' }),
    necessity: codeList(necessities).meta({ title: '必要性' }),
    /** 关键材料: without it the case cannot be accepted; 容缺 applies only to non-key materials. */
    key: z.boolean().default(false).meta({ title: '关键材料' }),
    when: ZCondition.optional().meta({ title: '适用情形', description: '仅在满足条件时需要此材料' }),
    shared: z
      .object({
        provider: text(200).min(1).meta({ title: '共享来源', description: '出具部门或电子证照名称' }),
      })
      .optional()
      .meta({ title: '信息共享免交', description: '可通过部门共享或电子证照获取，不向申请人索要' }),
    promiseReplaceable: z.boolean().default(false).meta({ title: '可告知承诺替代' }),
    guide: text(2000).optional().meta({ title: '填报须知' }),
    blankForm: ZFileRef.optional().meta({ title: '空白表格' }),
    sample: ZFileRef.optional().meta({ title: '示例样表' }),
    legalBasis: z.array(ZLegalBasis).max(20).default([]).meta({ title: '材料依据' }),
    /** Accepted upload types, checked against the file's content, not its name: only types an officer can open safely. */
    acceptedTypes: z
      .array(codeList(materialFileTypes))
      .max(20)
      .default(['application/pdf', 'image/jpeg', 'image/png'])
      .meta({ title: '允许的文件类型' }),
  })
  .meta({ title: '申请材料' });
export type Material = z.infer<typeof ZMaterial>;
/** A material as written in a draft, before defaults. */
export type MaterialInput = z.input<typeof ZMaterial>;
