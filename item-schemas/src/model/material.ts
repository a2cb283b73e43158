import { z } from 'zod';
import { codeList, materialFileTypes, materialForms, materialKinds, materialSources, necessities } from './codes';
import { ZFileRef, ZLegalBasis, ZLocalId, text } from './common';
import { ZCondition } from './condition';

export const ZMaterial = z
  .object({
    id: ZLocalId,
    name: text(200).min(1).meta({ title: '材料名称' }),
    kind: codeList(materialKinds).meta({ title: '材料类型' }),
    originals: z.number().int().min(0).max(100).default(0).meta({ title: '原件份数' }),
    copies: z.number().int().min(0).max(100).default(0).meta({ title: '复印件份数' }),
    form: codeList(materialForms).meta({ title: '材料形式' }),
    source: codeList(materialSources).default('10').meta({ title: '来源渠道' }),
    sourceDescription: text(200).optional().meta({ title: '来源说明' }),
    issuer: text(200).optional().meta({ title: '出具机构' }),
    issueTime: text(200).optional().meta({ title: '出具时间要求', description: '如 申请前三个月内出具' }),
    acceptanceStandard: text(2000).optional().meta({ title: '受理标准', description: '窗口收件时核对的要点' }),
    specification: text(200).optional().meta({ title: '页数/规格', description: '如 A4 纸，1 页' }),
    signature: text(500).optional().meta({ title: '签字要求', description: '如 法定代表人签字并加盖公章' }),
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
