import { z } from 'zod';
import { ZTimeLimit } from '../deadlines';
import { isUscc } from '../formats';
import { channels, codeList, itemTypes, levels, onlineDepths, targets } from './codes';
import { ZLegalBasis, text } from './common';
import { ZIntakeForm } from './form';
import { ZMaterial } from './material';
import { ZStep } from './step';
import { ZDeficiencyAcceptance, ZDelivery, ZFaq, ZFee, ZIntermediary, ZNotifyPromise, ZServiceWindow, ZSpecialProcedure } from './terms';

export const ZItemId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, '事项标识仅含小写字母、数字和 - / an item id holds lowercase letters, digits and -')
  .meta({ title: '事项标识' });

export const ZDepartment = z
  .object({
    name: text(200).min(1).meta({ title: '实施主体名称' }),
    creditCode: z
      .string()
      .refine(isUscc, '统一社会信用代码不正确 / invalid unified social credit code')
      .meta({ title: '实施主体统一社会信用代码' }),
    nature: codeList({
      '1': ['法定机关', 'Statutory body'],
      '2': ['授权组织', 'Authorised organisation'],
      '3': ['受委托组织', 'Entrusted organisation'],
    })
      .default('1')
      .meta({ title: '实施主体性质' }),
  })
  .meta({ title: '实施主体' });

/** Where a county clone came from: the upstream item and the version it was taken from. */
export const ZUpstreamLink = z
  .object({
    jurisdiction: z.string().min(1).max(50).meta({ title: '上级区划' }),
    itemId: ZItemId,
    version: z.number().int().min(1).meta({ title: '上级版本' }),
  })
  .meta({ title: '上级事项' });

export const ZVersionMeta = z
  .object({
    version: z.number().int().min(1).optional().meta({ title: '版本号' }),
    changeNote: text(1000).optional().meta({ title: '变更说明' }),
    publishedAt: z.string().max(40).optional().meta({ title: '发布时间' }),
    publishedBy: z.string().max(100).optional().meta({ title: '发布人' }),
    // The name as it was when publishing: ids mean nothing to the officials reading the history.
    publishedByName: z.string().max(100).optional().meta({ title: '发布人姓名' }),
  })
  .meta({ title: '版本信息' });

export const ZItemDefinition = z
  .object({
    id: ZItemId,
    // Identity and catalogue
    name: text(200).min(1).meta({ title: '事项名称' }),
    catalogCode: text(64).min(1).meta({ title: '基本编码' }),
    taskCode: text(64).optional().meta({ title: '实施编码' }),
    itemType: codeList(itemTypes).meta({ title: '事项类型' }),
    levels: z.array(codeList(levels)).min(1).meta({ title: '行使层级' }),
    department: ZDepartment,
    legalBasis: z.array(ZLegalBasis).max(50).default([]).meta({ title: '设定依据' }),
    powerSource: codeList({
      own: ['本级', 'Own level'],
      delegated: ['上级下放', 'Delegated from above'],
      authorised: ['授权', 'Authorised'],
      entrusted: ['委托', 'Entrusted'],
    })
      .default('own')
      .meta({ title: '权力来源' }),
    // Service terms (办事指南)
    targets: z.array(codeList(targets)).min(1).meta({ title: '服务对象' }),
    caseType: codeList({
      immediate: ['即办件', 'Decided on the spot'],
      promised: ['承诺件', 'Decided within a promised time'],
    }).meta({ title: '办件类型' }),
    channels: z.array(codeList(channels)).min(1).meta({ title: '办理形式' }),
    legalLimit: ZTimeLimit.nullable().meta({ title: '法定办结时限', description: '法律未规定时留空' }),
    promisedLimit: ZTimeLimit.meta({ title: '承诺办结时限', description: '不得超过法定时限；即办件为 0' }),
    maxVisits: z.number().int().min(0).max(10).meta({ title: '到办事现场次数', description: '0 为零跑动' }),
    visitReason: text(500).optional().meta({ title: '必须到现场的原因' }),
    onlineDepth: codeList(onlineDepths).meta({ title: '网办深度' }),
    fees: z.array(ZFee).max(50).default([]).meta({ title: '收费' }),
    delivery: z.array(ZDelivery).max(10).default([]).meta({ title: '送达方式' }),
    windows: z.array(ZServiceWindow).max(50).default([]).meta({ title: '办理地点和时间' }),
    intermediaries: z.array(ZIntermediary).max(20).default([]).meta({ title: '中介服务' }),
    specialProcedures: z.array(ZSpecialProcedure).max(20).default([]).meta({ title: '特别程序' }),
    deficiencyAcceptance: ZDeficiencyAcceptance.default({ enabled: false, supplementDays: 0, onMissed: 'reject' }),
    autoApproveOnTimeout: z
      .boolean()
      .default(false)
      .meta({ title: '实行超时默认', description: '环节超时未办理的，视为同意' }),
    notifyPromise: ZNotifyPromise.default({ enabled: false }),
    faqs: z.array(ZFaq).max(100).default([]).meta({ title: '常见问题' }),
    uploadLimitMb: z.number().int().min(1).max(200).default(20).meta({ title: '单个文件大小上限(MB)' }),
    // What the applicant brings, what the office does, what the applicant fills in
    materials: z.array(ZMaterial).max(200).default([]).meta({ title: '申请材料' }),
    steps: z.array(ZStep).min(1).max(50).meta({ title: '办理环节' }),
    form: ZIntakeForm,
    meta: ZVersionMeta.optional(),
    upstream: ZUpstreamLink.optional(),
  })
  .meta({ title: '事项定义' });

/** An item definition as stored and used, defaults applied. */
export type ItemDefinition = z.infer<typeof ZItemDefinition>;
/** An item definition as written in a file or sent by the editor. */
export type ItemDefinitionInput = z.input<typeof ZItemDefinition>;
