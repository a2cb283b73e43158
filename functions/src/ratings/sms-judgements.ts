import { onConflict } from '../conflicts';
import type { StoredCase } from '../cases/record';
import type { AppDeps } from '../deps';
import { judgeFix } from './applicant';
import { verdictLabels, verdicts } from './model';
import { verdictText, type SmsInvitation, type SmsReplyOutcome } from './sms-invitations';

/** A reply's answer: what it came to, and the SMS that tells the applicant (Chinese, English). */
export type Answer = (outcome: SmsReplyOutcome['outcome'], text: readonly [string, string]) => Promise<SmsReplyOutcome>;

/** Full-width digits (a phone's Chinese keyboard types them) as digits; the words as written. */
export const digits = (text: string) => text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
export const SEPARATORS = String.raw`[\s,，、.。;；:：]*`;

/**
 * A reply to the SMS telling the rater of their 差评's fix (fix-notice.ts): 1 满意, 2 基本满意 or
 * 3 不满意, words after it kept as the rater's comment; judged as on the tracking page.
 */
export async function judgeBySms(deps: AppDeps, found: StoredCase, invitation: SmsInvitation, body: string, id: string, answer: Answer): Promise<SmsReplyOutcome> {
  const target = invitation.judgingTarget ?? 'case';
  const about = `「${found.itemName}」(${found.trackingNumber})${target === 'window' ? '窗口服务' : ''}`;
  const m = new RegExp(`^\\s*([1-${verdicts.length}])(?![0-9])${SEPARATORS}([\\s\\S]*)$`).exec(digits(body));
  if (!m) return answer('notUnderstood', [`未能识别您的回复。${verdictText[0]}`, `Your reply was not understood. ${verdictText[1]}`]);
  const verdict = verdicts[Number(m[1]) - 1]!;
  const comment = m[2]!.trim().slice(0, 500);
  const r = await deps.store.getRating(found.jurisdiction, found.trackingNumber, target);
  const settled = async () => {
    const { judging: _asked, judgingTarget: _which, ...rest } = invitation;
    if (invitation.judging) await onConflict(deps.store.saveSmsInvitation({ ...rest, judgedBy: id, revision: invitation.revision + 1 }, invitation.revision), () => undefined);
  };
  if (r?.poor?.status !== 'fedBack' && invitation.judgedBy !== id) {
    await settled();
    return answer('judgedAlready', [`您对${about}差评整改的评价已收到，无需再次评价。`, `Your judgement of the fix for ${found.trackingNumber} was received already.`]);
  }
  await judgeFix(deps, found, target, { verdict, ...(comment ? { comment } : {}) }, `sms-${id}`);
  await settled();
  const [zh, en] = verdictLabels[verdict];
  return verdict === 'dissatisfied'
    ? answer('judged', [`已收到您对${about}整改的评价：${zh}。办理部门将继续整改，并再次反馈。`, `Your judgement of the fix for ${found.trackingNumber} was received: ${en.toLowerCase()}. The department will act again and report back.`])
    : answer('judged', [`已收到您对${about}整改的评价：${zh}。感谢您的参与。`, `Your judgement of the fix for ${found.trackingNumber} was received: ${en.toLowerCase()}. Thank you.`]);
}
