import { z } from '@hono/zod-openapi';
import type { PendingMessage } from '../records';
import { levelLabels, poorReasons, reasonLabels, verdictLabels, verdicts, ZRatingTarget } from './model';

/**
 * 短信评价: the SMS that tells an applicant their case is decided (or delivered, or not accepted)
 * invites a reply of one digit, 1 非常满意 … 5 非常不满意, the levels' own numbers. Once that SMS
 * has gone out, the number it went to holds an invitation for the case; a reply from that number
 * rates the case it was last invited for and not yet rated. A 差评 without reasons is asked for
 * them by a second SMS (the invitation then waits for the reasons). When the fix of a 差评 is
 * reported, the SMS telling the rater asks them to judge it the same way (fix-notice.ts), and
 * the next reply judges it.
 */

/** The notices after which a case may be rated (ratings/service.ts RATABLE). */
const INVITING_TOPICS: ReadonlySet<string> = new Set(['decided', 'delivered', 'notAccepted']);

/** How long a reply may rate the case it was invited for (the standard's 评价期: 办结后 15 日 for most channels; a month here, so a late reply still counts). */
export const INVITATION_DAYS = 30;

export const invitationText = [`回复数字评价本次服务：${levelLabels.map(([zh], i) => `${i + 1}${zh}`).join(' ')}`, `Reply 1–5 to rate: ${levelLabels.map(([, en], i) => `${i + 1} ${en.toLowerCase()}`).join(', ')}`] as const;

/** The judgement of a 差评's fix by number, the verdicts' own order. */
export const verdictText = [
  `请回复数字评价整改情况：${verdicts.map((v, i) => `${i + 1}${verdictLabels[v][0]}`).join(' ')}`,
  `Reply a number to judge the fix: ${verdicts.map((v, i) => `${i + 1} ${verdictLabels[v][1].toLowerCase()}`).join(', ')}`,
] as const;

/** The reasons a 差评 may give by number, 1 办理效率低 … 6 其他. */
export const reasonsText = [
  `请回复差评原因编号(可多个)，可附文字：${poorReasons.map((r, i) => `${i + 1}${reasonLabels[r][0]}`).join(' ')}`,
  `Reply the numbers of the reasons (one or more), with words if you like: ${poorReasons.map((r, i) => `${i + 1} ${reasonLabels[r][1].toLowerCase()}`).join(', ')}`,
] as const;

/**
 * The SMS to an applicant with the invitation added, when its notice makes the case ratable. For
 * an item case of a 一件事 the reply rates the whole application (sms-replies.ts), once all its
 * items are decided.
 */
export function withInvitation(m: PendingMessage): PendingMessage {
  if (m.channel !== 'sms' || !INVITING_TOPICS.has(m.topic) || !m.trackingNumber) return m;
  return { ...m, text: `${m.text}${invitationText[0]}`, ...(m.text_en ? { text_en: `${m.text_en} ${invitationText[1]}` } : {}), invites: 'rating' };
}

/** A number invited to rate a case, and where the conversation stands. */
export const ZSmsInvitation = z.object({
  phone: z.string(),
  jurisdiction: z.string(),
  trackingNumber: z.string(),
  invitedAt: z.string(),
  /** A 差评 level given without reasons: the next reply gives them. */
  awaiting: z.object({ level: z.number().int(), comment: z.string().optional(), messageId: z.string() }).optional(),
  /** The reply that rated the case; later replies are told it is rated. */
  ratedBy: z.string().optional(),
  /** When the rater was told of the fix of their 差评 and asked to judge it (verdictText), until a reply judges it. */
  judging: z.string().optional(),
  /** Which 差评's fix that is: the case's (also when absent, as recorded before the window's could be asked) or the window service's. */
  judgingTarget: ZRatingTarget.optional(),
  /** The reply that judged the fix. */
  judgedBy: z.string().optional(),
  revision: z.number().int(),
});
export type SmsInvitation = z.infer<typeof ZSmsInvitation>;

/** A reply as the SMS gateway hands it on (AWS End User Messaging's inbound message; sms-replies.ts). */
export const ZInboundSms = z
  .object({
    originationNumber: z.string().min(1).max(20).openapi({ description: '回复者号码 / the number the reply came from', example: '+8613812345678' }),
    destinationNumber: z.string().max(20).optional(),
    messageBody: z.string().max(1600).openapi({ description: '回复内容 / what was replied', example: '4 2 窗口人员态度不好' }),
    inboundMessageId: z.string().regex(/^[\w-]{1,100}$/).openapi({ description: '网关给出的消息编号，用于去重 / the gateway’s id of the reply' }),
  })
  .openapi('InboundSms');
export type InboundSms = z.infer<typeof ZInboundSms>;

export const ZSmsReplyOutcome = z
  .object({
    outcome: z
      .enum(['rated', 'askedReasons', 'judged', 'judgedAlready', 'notUnderstood', 'ratedAlready', 'notYet', 'notInvited'])
      .openapi({ description: 'rated 已评价 · askedReasons 已询问差评原因 · judged 已评价整改 · judgedAlready 整改此前已评价 · notUnderstood 未能识别 · ratedAlready 此前已评价 · notYet 一件事尚有事项未办结 · notInvited 无待评价办件' }),
    trackingNumber: z.string().optional(),
    reply: z.string().optional().openapi({ description: '回复给申请人的短信 / the SMS answered' }),
  })
  .openapi('SmsReplyOutcome');
export type SmsReplyOutcome = z.infer<typeof ZSmsReplyOutcome>;
