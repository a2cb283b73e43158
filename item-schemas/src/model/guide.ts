import { z } from 'zod';
import { isUscc } from '../formats';
import { businessKinds, codeList, corporateThemes, crossRegionScopes, personalThemes, resultTypes } from './codes';
import { ZFileRef, text } from './common';

/**
 * The national elements of an item beyond identity, limits and materials (GB/T 39046-2020 表4,
 * DOMAIN.md §6): who else takes part, what the applicant receives, where the item sits in the
 * national tree, and how it is served.
 */

const creditCode = z
  .string()
  .refine(isUscc, '统一社会信用代码不正确 / invalid unified social credit code')
  .meta({ title: '统一社会信用代码' });

/** A body named by an item that is not its 实施主体: 联办机构, 承办机构, 委托部门. */
export const ZOrganisation = z
  .object({
    name: text(200).min(1).meta({ title: '机构名称' }),
    creditCode: creditCode.optional(),
  })
  .meta({ title: '机构' });
export type Organisation = z.infer<typeof ZOrganisation>;

/** 结果: what the applicant receives when the item is granted. */
export const ZItemResult = z
  .object({
    name: text(200).min(1).meta({ title: '结果名称', description: '如 食品经营许可证' }),
    type: codeList(resultTypes).meta({ title: '结果类型' }),
    sample: ZFileRef.optional().meta({ title: '结果样本' }),
    validity: text(200).optional().meta({ title: '有效期', description: '如 5 年；长期有效' }),
  })
  .meta({ title: '办理结果' });

/**
 * 主项 → 子项 → 业务办理项: an item is a 业务办理项 (what is applied for), coded at that level by its
 * 基本编码; the tree names what it belongs to.
 */
export const ZItemTree = z
  .object({
    mainItem: z.object({ code: text(64).min(1).meta({ title: '主项编码' }), name: text(200).min(1).meta({ title: '主项名称' }) }).meta({ title: '主项' }),
    subItem: z
      .object({ code: text(64).min(1).meta({ title: '子项编码' }), name: text(200).min(1).meta({ title: '子项名称' }) })
      .optional()
      .meta({ title: '子项' }),
    businessKind: codeList(businessKinds).meta({ title: '业务办理项类型' }),
  })
  .meta({ title: '事项层级(主项、子项、业务办理项)' });

export const ZThemes = z
  .object({
    personal: z.array(codeList(personalThemes)).max(10).default([]).meta({ title: '自然人主题' }),
    corporate: z.array(codeList(corporateThemes)).max(10).default([]).meta({ title: '法人主题' }),
  })
  .meta({ title: '服务主题' });

const webAddress = text(500)
  .regex(/^https?:\/\/\S+$/, '请填写以 http:// 或 https:// 开头的网址 / a web address starting with http:// or https://')
  .optional();

/** How the item is served beyond its channels: booking, payment, post, addresses, the hall. */
export const ZServiceOptions = z
  .object({
    appointment: z.boolean().default(false).meta({ title: '支持预约办理' }),
    onlinePayment: z.boolean().default(false).meta({ title: '支持网上支付' }),
    logistics: z.boolean().default(false).meta({ title: '支持物流快递' }),
    inServiceHall: z.boolean().default(true).meta({ title: '进驻政务服务大厅' }),
    onlineUrl: webAddress.meta({ title: '电脑端办理地址' }),
    mobileUrl: webAddress.meta({ title: '移动端办理地址' }),
  })
  .meta({ title: '办理方式' });

export const ZCrossRegion = codeList(crossRegionScopes).meta({ title: '通办范围', description: '不通办时留空' });
