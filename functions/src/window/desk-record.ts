import { z } from '@hono/zod-openapi';
import { isChineseIdCard } from '@onevisit/item-schemas';

/**
 * What a service window (综合窗口) records when it takes a walk-in application: who applied, in
 * person or through a 代理人, and how each material was received. Kept on the case (record.ts),
 * so this module imports nothing of the cases'.
 */

/**
 * 证件类型, the common ones of GA/T 2000.156 (公安信息代码 常用证件代码), with the number's shape
 * where the document has a fixed one. 111's number is checked with its GB 11643 check digit.
 */
export const idTypes = {
  '111': { zh: '居民身份证', en: 'Resident identity card', pattern: /^\d{17}[\dX]$/ },
  '112': { zh: '临时居民身份证', en: 'Temporary resident identity card', pattern: /^\d{17}[\dX]$/ },
  '113': { zh: '户口簿', en: 'Household register', pattern: undefined },
  '114': { zh: '中国人民解放军军官证', en: 'PLA officer’s card', pattern: undefined },
  '115': { zh: '中国人民武装警察部队警官证', en: 'PAP officer’s card', pattern: undefined },
  '335': { zh: '机动车驾驶证', en: 'Driving licence', pattern: /^\d{17}[\dX]$|^\d{12}$/ },
  '414': { zh: '普通护照', en: 'Passport', pattern: /^[A-Z0-9]{5,17}$/ },
  '511': { zh: '台湾居民来往大陆通行证', en: 'Mainland travel permit for Taiwan residents', pattern: /^\d{8}(\d{2})?$/ },
  '516': { zh: '港澳居民来往内地通行证', en: 'Mainland travel permit for Hong Kong and Macao residents', pattern: /^[HM]\d{8}(\d{2})?$/ },
  '553': { zh: '外国人永久居留身份证', en: 'Foreign permanent resident ID card', pattern: /^[A-Z]{3}\d{12}$|^9\d{17}$/ },
  '990': { zh: '其他证件', en: 'Other document', pattern: undefined },
} as const;
export type IdType = keyof typeof idTypes;
export const ZIdType = z.enum(Object.keys(idTypes) as [IdType, ...IdType[]]).openapi({ description: '证件类型(GA/T 2000.156)，如 111 居民身份证 / document type code, e.g. 111 resident ID card' });

/** Whether a number fits its document: the shape, and for 居民身份证 the date of birth and check digit. */
export function idNumberProblem(type: IdType, number: string): 'shape' | 'checkDigit' | undefined {
  const pattern = idTypes[type].pattern;
  if (pattern && !pattern.test(number)) return 'shape';
  if ((type === '111' || type === '112') && !isChineseIdCard(number)) return 'checkDigit';
  return undefined;
}

/** A person at the window: the applicant or the 代理人. Numbers are taken upper-case, as the card reader types them. */
export const ZDeskPerson = z.object({
  idType: ZIdType,
  idNumber: z.string().trim().min(1).max(40).transform((v) => v.toUpperCase()),
  name: z.string().trim().min(1).max(100),
  phone: z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/).optional().openapi({ description: '手机或固定电话 / mobile or landline' }),
});
export type DeskPerson = z.infer<typeof ZDeskPerson>;

/** How one material reached the window: on paper (原件 sighted, 复印件 N 份), scanned (an upload), or supplied online (网签、电子证照). */
export const ZMaterialReceipt = z.discriminatedUnion('form', [
  z.object({ form: z.literal('paper'), original: z.boolean().default(false), copies: z.number().int().min(0).max(99).default(0) }),
  z.object({ form: z.literal('scan'), files: z.array(z.string().max(300)).min(1).max(20) }),
  z.object({ form: z.literal('online'), reference: z.string().trim().max(100).optional().openapi({ description: '如网签备案号、电子证照编号 / e.g. the contract’s filing number' }) }),
]);
export type MaterialReceipt = z.infer<typeof ZMaterialReceipt>;

/** The window itself: its name and number in the 政务服务中心. */
export const ZServiceWindow = z.object({
  name: z.string().trim().min(1).max(60).openapi({ description: '窗口名称，如 市民中心综合窗口' }),
  number: z.string().trim().min(1).max(10).openapi({ description: '窗口号，如 3' }),
});

/**
 * 领取方式 the applicant chose at the window: collect the result there, or have it posted to
 * the recipient, phone and address given (邮政速递). Offered as far as the item's 送达方式 allow.
 */
export const ZCollection = z
  .discriminatedUnion('method', [
    z.object({ method: z.literal('window') }),
    z.object({
      method: z.literal('post'),
      recipient: z.string().trim().min(1).max(50).openapi({ description: '收件人 / recipient' }),
      phone: z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/).openapi({ description: '收件人电话 / the recipient’s phone' }),
      address: z.string().trim().min(5).max(200).openapi({ description: '邮寄地址 / postal address' }),
    }),
  ])
  .openapi('WindowCollection', { description: '领取方式：窗口领取，或邮寄(收件人、电话、地址) / collect at the window, or post to the recipient at the address' });
export type Collection = z.infer<typeof ZCollection>;

/** The posting address as the 出件 queue and the waybill show it. */
export const postingAddress = (c: Extract<Collection, { method: 'post' }>) => `${c.address}(${c.recipient} 收，${c.phone})`;

/** What the case keeps of its window intake: no file keys (the case's materials hold the files). */
export const ZWindowIntake = z
  .object({
    window: ZServiceWindow,
    officer: z.object({ id: z.string(), name: z.string() }),
    applicant: ZDeskPerson,
    agent: ZDeskPerson.optional(),
    /** The 委托书, as received; present whenever an agent is. */
    authorization: z.object({ form: z.enum(['paper', 'scan', 'online']), original: z.boolean().optional(), copies: z.number().int().optional(), files: z.number().int().optional() }).optional(),
    /** 领取方式 as chosen at the window (the case's resultDelivery follows it). */
    collection: ZCollection.optional(),
    materials: z.array(z.object({ materialId: z.string(), form: z.enum(['paper', 'scan', 'online']), original: z.boolean().optional(), copies: z.number().int().optional(), reference: z.string().optional() })),
  })
  .openapi('WindowIntake');
export type WindowIntake = z.infer<typeof ZWindowIntake>;
