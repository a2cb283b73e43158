import { z } from '@hono/zod-openapi';
import { onConflict } from '../conflicts';
import type { StoredCase } from '../cases/record';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import { phoneKey } from '../notifier';
import type { PendingMessage } from '../records';
import { isPoor, levelLabels, poorReasons, type PoorReason } from './model';
import { rate } from './service';
import { INVITATION_DAYS, invitationText, reasonsText, type SmsInvitation } from './sms-invitations';

/**
 * A reply to a rating invitation (sms-invitations.ts), as the SMS gateway hands it on: in AWS the
 * two-way number publishes it to a topic (aws/sms-replies.ts), locally it is posted to
 * /api/dev/sms-replies. The reply rates the case its number was last invited for and has not
 * rated; the applicant is answered by SMS through that case's outbox. Handling the same reply
 * twice (the gateway retries) does and sends nothing more.
 */
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
    outcome: z.enum(['rated', 'askedReasons', 'notUnderstood', 'ratedAlready', 'notInvited']).openapi({ description: 'rated 已评价 · askedReasons 已询问差评原因 · notUnderstood 未能识别 · ratedAlready 此前已评价 · notInvited 无待评价办件' }),
    trackingNumber: z.string().optional(),
    reply: z.string().optional().openapi({ description: '回复给申请人的短信 / the SMS answered' }),
  })
  .openapi('SmsReplyOutcome');
export type SmsReplyOutcome = z.infer<typeof ZSmsReplyOutcome>;

const SEPARATORS = String.raw`[\s,，、.。;；:：]*`;

/** Full-width digits (a phone's Chinese keyboard types them) as digits; the words as written. */
const digits = (text: string) => text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** A level as its digit (full-width digits too), and what follows it. */
function levelOf(body: string): { level: number; rest: string } | undefined {
  const m = new RegExp(`^\\s*([1-5])(?![0-9])${SEPARATORS}([\\s\\S]*)$`).exec(digits(body));
  return m ? { level: Number(m[1]), rest: m[2]!.trim() } : undefined;
}

/** Reason numbers at the start (1 办理效率低 … 6 其他) and the words after them; words alone are 其他. */
function reasonsOf(text: string): { reasons: PoorReason[]; comment: string } {
  const m = new RegExp(`^((?:[1-${poorReasons.length}](?![0-9])${SEPARATORS})*)([\\s\\S]*)$`).exec(digits(text).trim())!;
  const picked = [...new Set([...m[1]!].filter((ch) => /\d/.test(ch)).map((d) => poorReasons[Number(d) - 1]!))];
  const comment = m[2]!.trim().slice(0, 500);
  return { reasons: picked.length ? picked : comment ? ['other'] : [], comment };
}

/** The invitation a reply answers: the newest still open, or the one this very reply settled. */
function answered(invitations: readonly SmsInvitation[], id: string, now: Date): SmsInvitation | undefined {
  const since = new Date(now.getTime() - INVITATION_DAYS * 86_400_000).toISOString();
  const live = invitations.filter((i) => i.invitedAt >= since).sort((a, b) => b.invitedAt.localeCompare(a.invitedAt));
  return live.find((i) => i.ratedBy === id) ?? live.find((i) => !i.ratedBy) ?? live[0];
}

export async function replyBySms(deps: AppDeps, inbound: InboundSms): Promise<SmsReplyOutcome> {
  const phone = phoneKey(inbound.originationNumber);
  const id = inbound.inboundMessageId;
  const invitation = /^1\d{10}$/.test(phone) ? answered(await deps.store.smsInvitations(phone), id, deps.clock()) : undefined;
  const found = invitation && (await deps.store.getCase(invitation.jurisdiction, invitation.trackingNumber));
  // A number never invited (or long ago) is not answered: the service texts only those it invited.
  if (!invitation || !found) return { outcome: 'notInvited' };

  const answer = async (outcome: SmsReplyOutcome['outcome'], text: readonly [string, string]): Promise<SmsReplyOutcome> => {
    const message: PendingMessage = { id: `sms-reply-${id}`, jurisdiction: found.jurisdiction, at: deps.clock().toISOString(), channel: 'sms', to: phone, topic: 'ratingReply', text: text[0], text_en: text[1], trackingNumber: found.trackingNumber };
    deps.outbox?.written(await deps.store.addMessages(found, [message]));
    return { outcome, trackingNumber: found.trackingNumber, reply: text[0] };
  };
  const about = [`「${found.itemName}」(${found.trackingNumber})`, `${found.trackingNumber}`] as const;

  if (invitation.ratedBy && invitation.ratedBy !== id) return answer('ratedAlready', [`您已对${about[0]}作出评价，感谢您的参与。`, `You have rated ${about[1]} already. Thank you.`]);

  let rating: { level: number; reasons: PoorReason[]; comment: string };
  if (invitation.awaiting && invitation.awaiting.messageId !== id) {
    const { reasons, comment } = reasonsOf(inbound.messageBody);
    if (reasons.length === 0) return answer('notUnderstood', reasonsText);
    rating = { level: invitation.awaiting.level, reasons, comment: [invitation.awaiting.comment, comment].filter(Boolean).join('；') };
  } else {
    const given = levelOf(inbound.messageBody);
    if (!given) return answer('notUnderstood', [`未能识别您的回复。${invitationText[0]}`, `Your reply was not understood. ${invitationText[1]}`]);
    const poor = isPoor(given.level) ? reasonsOf(given.rest) : { reasons: [], comment: given.rest.slice(0, 500) };
    if (isPoor(given.level) && poor.reasons.length === 0) {
      const awaiting = { level: given.level, ...(poor.comment ? { comment: poor.comment } : {}), messageId: id };
      await onConflict(deps.store.saveSmsInvitation({ ...invitation, awaiting, revision: invitation.revision + 1 }, invitation.revision), () => undefined);
      return answer('askedReasons', reasonsText);
    }
    rating = { level: given.level, ...poor };
  }
  return rated(deps, found, invitation, rating, id, answer, about);
}

async function rated(
  deps: AppDeps,
  found: StoredCase,
  invitation: SmsInvitation,
  rating: { level: number; reasons: PoorReason[]; comment: string },
  id: string,
  answer: (outcome: SmsReplyOutcome['outcome'], text: readonly [string, string]) => Promise<SmsReplyOutcome>,
  about: readonly [string, string],
): Promise<SmsReplyOutcome> {
  try {
    const { comment, ...rest } = rating;
    await rate(deps, found, { target: 'case', ...rest, ...(comment ? { comment } : {}) }, { channel: 'sms', realName: true, actor: { id: 'applicant' }, key: `sms-${id}` });
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'RATED_ALREADY') throw error;
    await settle(deps, invitation, id);
    return answer('ratedAlready', [`您已对${about[0]}作出评价，感谢您的参与。`, `You have rated ${about[1]} already. Thank you.`]);
  }
  await settle(deps, invitation, id);
  const [zh, en] = levelLabels[rating.level - 1]!;
  return isPoor(rating.level)
    ? answer('rated', [`已收到您对${about[0]}的评价：${zh}。我们将核实整改，并把结果告诉您。`, `Your rating of ${about[1]} was received: ${en.toLowerCase()}. It will be looked into and you will be told what was done.`])
    : answer('rated', [`已收到您对${about[0]}的评价：${zh}。感谢您的参与。`, `Your rating of ${about[1]} was received: ${en.toLowerCase()}. Thank you.`]);
}

/** The invitation answered by this reply; a reply that raced it there first settled it the same way. */
async function settle(deps: AppDeps, invitation: SmsInvitation, id: string): Promise<void> {
  if (invitation.ratedBy) return;
  const { awaiting: _done, ...rest } = invitation;
  await onConflict(deps.store.saveSmsInvitation({ ...rest, ratedBy: id, revision: invitation.revision + 1 }, invitation.revision), () => undefined);
}
