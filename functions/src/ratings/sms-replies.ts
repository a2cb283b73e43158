import { onConflict } from '../conflicts';
import type { StoredCase } from '../cases/record';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import { phoneKey, SMS_ANSWER_TOPIC } from '../notifier';
import type { PendingMessage } from '../records';
import { isPoor, levelLabels, poorReasons, type PoorReason } from './model';
import { rateBundle } from '../bundles/outcome';
import { rate } from './service';
import { INVITATION_DAYS, invitationText, reasonsText, type InboundSms, type SmsInvitation, type SmsReplyOutcome } from './sms-invitations';
import { digits, judgeBySms, SEPARATORS } from './sms-judgements';

/**
 * A reply to a rating invitation (sms-invitations.ts), as the SMS gateway hands it on: in AWS the
 * two-way number publishes it to a topic (aws/sms-replies.ts), locally it is posted to
 * /api/dev/sms-replies. The reply rates the case its number was last invited for and has not
 * rated, or judges the fix it was last told of (sms-judgements.ts); the applicant is answered by
 * SMS through that case's outbox. Handling the same reply twice (the gateway retries) does and
 * sends nothing more.
 */

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

/** The invitation a reply answers: the one this very reply settled, else the newest asking to judge a fix, else the newest not rated. */
function answered(invitations: readonly SmsInvitation[], id: string, now: Date): SmsInvitation | undefined {
  const since = new Date(now.getTime() - INVITATION_DAYS * 86_400_000).toISOString();
  const live = invitations.filter((i) => i.invitedAt >= since).sort((a, b) => b.invitedAt.localeCompare(a.invitedAt));
  return live.find((i) => i.ratedBy === id || i.judgedBy === id) ?? live.find((i) => i.judging) ?? live.find((i) => !i.ratedBy) ?? live[0];
}

export async function replyBySms(deps: AppDeps, inbound: InboundSms): Promise<SmsReplyOutcome> {
  const phone = phoneKey(inbound.originationNumber);
  const id = inbound.inboundMessageId;
  const invitation = /^1\d{10}$/.test(phone) ? answered(await deps.store.smsInvitations(phone), id, deps.clock()) : undefined;
  const found = invitation && (await deps.store.getCase(invitation.jurisdiction, invitation.trackingNumber));
  // A number never invited (or long ago) is not answered: the service texts only those it invited.
  if (!invitation || !found) return { outcome: 'notInvited' };

  const answer = async (outcome: SmsReplyOutcome['outcome'], text: readonly [string, string]): Promise<SmsReplyOutcome> => {
    const message: PendingMessage = { id: `sms-reply-${id}`, jurisdiction: found.jurisdiction, at: deps.clock().toISOString(), channel: 'sms', to: phone, topic: SMS_ANSWER_TOPIC, text: text[0], text_en: text[1], trackingNumber: found.trackingNumber };
    deps.outbox?.written(await deps.store.addMessages(found, [message]));
    return { outcome, trackingNumber: found.trackingNumber, reply: text[0] };
  };
  // An item case of a 一件事 is rated with the whole application, under its number.
  const bundle = found.bundle && (await deps.store.getBundleCase(found.jurisdiction, found.bundle.trackingNumber));
  const about = bundle ? ([`「${bundle.bundleName}」(${bundle.trackingNumber})`, `${bundle.trackingNumber}`] as const) : ([`「${found.itemName}」(${found.trackingNumber})`, `${found.trackingNumber}`] as const);
  if (invitation.judging || invitation.judgedBy === id) return judgeBySms(deps, found, invitation, inbound.messageBody, id, answer);

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
  const { comment, ...rest } = rating;
  const given = { ...rest, ...(comment ? { comment } : {}) };
  const rateIt = bundle
    ? () => rateBundle(deps, bundle, given, 'sms')
    : () => rate(deps, found, { target: 'case', ...given }, { channel: 'sms', realName: true, actor: { id: 'applicant' }, key: `sms-${id}` });
  return rated(deps, rateIt, invitation, rating, id, answer, about);
}

async function rated(
  deps: AppDeps,
  rateIt: () => Promise<unknown>,
  invitation: SmsInvitation,
  rating: { level: number },
  id: string,
  answer: (outcome: SmsReplyOutcome['outcome'], text: readonly [string, string]) => Promise<SmsReplyOutcome>,
  about: readonly [string, string],
): Promise<SmsReplyOutcome> {
  try {
    await rateIt();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // A 一件事 with an item still open: the invitation waits for a reply once all are decided.
    if (error.code === 'NOT_RATABLE') return answer('notYet', [`${about[0]}还有事项在办理，全部办结后请再回复数字评价。`, `${about[1]} still has items open: reply again once all are decided.`]);
    if (error.code !== 'RATED_ALREADY') throw error;
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
