import { z } from 'zod';
import { ZTimeLimit } from '../deadlines';
import { ZIsoDate } from '../dates';
import { isUscc } from '../formats';
import { MODEL_VERSION } from './model-version';
import { caseTypes, channels, codeList, departmentNatures, itemTypes, levels, onlineServices, powerSources, targets } from './codes';
import { ZCrossRegion, ZItemResult, ZItemTree, ZOrganisation, ZServiceOptions, ZThemes } from './guide';
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
    nature: codeList(departmentNatures)
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
    modelVersion: z.literal(MODEL_VERSION).default(MODEL_VERSION).meta({ title: '模型版本' }),
    id: ZItemId,
    // Identity and catalogue
    name: text(200).min(1).meta({ title: '事项名称' }),
    // Both are optional and local (no national element): a definition without them reads as before, so no migration.
    shortName: text(50).optional().meta({ title: '简称', description: '群众常用的叫法，如「食品证」；办事大厅按简称及其拼音首字母查找' }),
    keywords: z
      .array(text(20).min(1).meta({ title: '关键词' }))
      .max(30)
      .default([])
      .meta({ title: '搜索关键词', description: '群众搜索时可能输入的说法，如「开饭店」「餐馆执照」' }),
    catalogCode: text(64).min(1).meta({ title: '基本编码' }),
    taskCode: text(64).optional().meta({ title: '实施编码' }),
    itemType: codeList(itemTypes).meta({ title: '事项类型' }),
    levels: z.array(codeList(levels)).min(1).meta({ title: '行使层级' }),
    department: ZDepartment,
    legalBasis: z.array(ZLegalBasis).max(50).default([]).meta({ title: '设定依据' }),
    powerSource: codeList(powerSources).default('own').meta({ title: '权力来源' }),
    tree: ZItemTree.optional(),
    authorityDivision: text(2000).optional().meta({ title: '权限划分' }),
    exerciseContent: text(2000).optional().meta({ title: '行使内容' }),
    jurisdictionNote: text(1000).optional().meta({ title: '行政管辖', description: '本事项由哪一级、哪一地的机关管辖' }),
    jointDepartments: z.array(ZOrganisation).max(20).default([]).meta({ title: '联办机构(共同实施部门)' }),
    handlingUnit: ZOrganisation.optional().meta({ title: '承办机构', description: '实施主体内具体办理的机构' }),
    entrustingDepartment: ZOrganisation.optional().meta({ title: '委托部门', description: '实施主体为受委托组织时必填' }),
    effectiveFrom: ZIsoDate.optional().meta({ title: '计划生效日期' }),
    plannedCancelOn: ZIsoDate.optional().meta({ title: '计划取消日期' }),
    // Service terms (办事指南)
    targets: z.array(codeList(targets)).min(1).meta({ title: '服务对象' }),
    acceptanceConditions: text(4000).optional().meta({ title: '受理条件' }),
    quantityLimit: text(1000).optional().meta({ title: '数量限制', description: '无数量限制时留空' }),
    caseType: codeList(caseTypes).meta({ title: '办件类型' }),
    channels: z.array(codeList(channels)).min(1).meta({ title: '办理形式' }),
    legalLimit: ZTimeLimit.nullable().meta({ title: '法定办结时限', description: '法律未规定时留空' }),
    legalLimitNote: text(1000).optional().meta({ title: '法定时限说明' }),
    promisedLimit: ZTimeLimit.meta({ title: '承诺办结时限', description: '不得超过法定时限；即办件为 0' }),
    promisedLimitNote: text(1000).optional().meta({ title: '承诺时限说明' }),
    maxVisits: z.number().int().min(0).max(10).meta({ title: '到办事现场次数', description: '0 为零跑动' }),
    visitReason: text(500).optional().meta({ title: '必须到现场的原因' }),
    onlineDepth: z.array(codeList(onlineServices)).max(7).default([]).meta({ title: '网上办理深度', description: '可在网上办理的环节' }),
    crossRegion: ZCrossRegion.optional(),
    themes: ZThemes.default({ personal: [], corporate: [] }),
    serviceOptions: ZServiceOptions.default({ appointment: false, onlinePayment: false, logistics: false, inServiceHall: true }),
    consultation: text(1000).optional().meta({ title: '咨询方式', description: '电话、地址、网址' }),
    complaintPhone: text(200).optional().meta({ title: '监督投诉电话' }),
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
    result: ZItemResult.optional(),
    rightsNotice: text(1000).optional().meta({ title: '救济途径(复议、诉讼)', description: '留空时告知：六十日内申请行政复议或六个月内提起行政诉讼' }),
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
