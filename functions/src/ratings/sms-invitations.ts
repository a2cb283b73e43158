import { z } from '@hono/zod-openapi';
import type { PendingMessage } from '../records';
import { levelLabels, poorReasons, reasonLabels } from './model';

/**
 * 短信评价: the SMS that tells an applicant their case is decided (or delivered, or not accepted)
 * invites a reply of one digit, 1 非常满意 … 5 非常不满意, the levels' own numbers. Once that SMS
 * has gone out, the number it went to holds an invitation for the case; a reply from that number
 * rates the case it was last invited for and not yet rated. A 差评 without reasons is asked for
 * them by a second SMS (the invitation then waits for the reasons).
 */

/** The notices after which a case may be rated (ratings/service.ts RATABLE). */
const INVITING_TOPICS: ReadonlySet<string> = new Set(['decided', 'delivered', 'notAccepted']);

/** How long a reply may rate the case it was invited for (the standard's 评价期: 办结后 15 日 for most channels; a month here, so a late reply still counts). */
export const INVITATION_DAYS = 30;

export const invitationText = [`回复数字评价本次服务：${levelLabels.map(([zh], i) => `${i + 1}${zh}`).join(' ')}`, `Reply 1–5 to rate: ${levelLabels.map(([, en], i) => `${i + 1} ${en.toLowerCase()}`).join(', ')}`] as const;

/** The reasons a 差评 may give by number, 1 办理效率低 … 6 其他. */
export const reasonsText = [
  `请回复差评原因编号(可多个)，可附文字：${poorReasons.map((r, i) => `${i + 1}${reasonLabels[r][0]}`).join(' ')}`,
  `Reply the numbers of the reasons (one or more), with words if you like: ${poorReasons.map((r, i) => `${i + 1} ${reasonLabels[r][1].toLowerCase()}`).join(', ')}`,
] as const;

/**
 * The SMS to an applicant with the invitation added, when its notice makes the case ratable. A
 * 一件事's item cases are rated together, on the application's page, not item by item.
 */
export function withInvitation(m: PendingMessage, inBundle: boolean): PendingMessage {
  if (m.channel !== 'sms' || !INVITING_TOPICS.has(m.topic) || !m.trackingNumber || inBundle) return m;
  return { ...m, text: `${m.text}${invitationText[0]}`, ...(m.text_en ? { text_en: `${m.text_en} ${invitationText[1]}` } : {}), invitesRating: true };
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
  revision: z.number().int(),
});
export type SmsInvitation = z.infer<typeof ZSmsInvitation>;
