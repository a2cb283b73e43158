import { z } from 'zod';
import { ZTimeLimit } from '../deadlines';
import { text } from './common';
import { codeList, deliveryMethods, missedSupplementPolicies, specialProcedureKinds } from './codes';

/** Parts of the 办事指南 beyond limits and visits. */

export const ZFee = z
  .object({
    name: text(200).min(1).meta({ title: '收费项目' }),
    // Absent means free: an editor that leaves the choice alone shows 不收费, so that is what is stored.
    charged: z.boolean().default(false).meta({ title: '是否收费' }),
    standard: text(500).optional().meta({ title: '收费标准' }),
    basis: text(500).optional().meta({ title: '收费依据' }),
    reducible: z.boolean().default(false).meta({ title: '可减免' }),
  })
  .meta({ title: '收费' });

export const ZDelivery = z
  .object({
    method: codeList(deliveryMethods).meta({ title: '送达方式' }),
    note: text(500).optional().meta({ title: '说明' }),
  })
  .meta({ title: '送达' });

export const ZServiceWindow = z
  .object({
    name: text(200).min(1).meta({ title: '窗口名称' }),
    address: text(300).min(1).meta({ title: '办理地点' }),
    hours: text(300).min(1).meta({ title: '办理时间' }),
    phone: text(50).optional().meta({ title: '咨询电话' }),
  })
  .meta({ title: '办理窗口' });

export const ZIntermediary = z
  .object({
    name: text(200).min(1).meta({ title: '中介服务名称' }),
    provider: text(200).optional().meta({ title: '服务机构' }),
    limit: ZTimeLimit.optional().meta({ title: '中介服务时限' }),
  })
  .meta({ title: '中介服务' });

export const ZSpecialProcedure = z
  .object({
    kind: codeList(specialProcedureKinds).meta({ title: '特别程序种类' }),
    limit: ZTimeLimit.optional().meta({ title: '特别程序时限', description: '不计入办理时限' }),
    note: text(500).optional().meta({ title: '说明' }),
  })
  .meta({ title: '特别程序' });

export const ZDeficiencyAcceptance = z
  .object({
    enabled: z.boolean().default(false).meta({ title: '实行容缺受理' }),
    supplementDays: z
      .number()
      .int()
      .min(0)
      .max(3650)
      .default(0)
      .meta({ title: '补交期限(工作日)', description: '不得超过承诺时限' }),
    onMissed: codeList(missedSupplementPolicies)
      .default('reject')
      .meta({ title: '逾期未补交的处理' }),
  })
  .meta({ title: '容缺受理' });

export const ZNotifyPromise = z
  .object({
    enabled: z.boolean().default(false).meta({ title: '实行告知承诺制' }),
    verification: text(1000).optional().meta({ title: '事后核查方式' }),
  })
  .meta({ title: '告知承诺' });

export const ZFaq = z
  .object({
    question: text(500).min(1).meta({ title: '问题' }),
    answer: text(5000).min(1).meta({ title: '解答' }),
  })
  .meta({ title: '常见问题' });
