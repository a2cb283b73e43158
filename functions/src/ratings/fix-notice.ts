import { messagesFor } from '../cases/messages';
import { rulesFor } from '../cases/service';
import type { AppDeps } from '../deps';
import { FIX_REPORTED_TOPIC } from '../notifier';
import type { RatingRecord } from './model';
import { targetLabels } from './model';
import { verdictText } from './sms-invitations';

/**
 * The rater told that the fix of their 差评 was reported, with what was done, and asked to judge
 * it (满意 / 基本满意 / 不满意): by replying to the SMS (the next reply judges the fix told last, of
 * the case or of the window's service), or on the tracking page. An anonymous rater cannot be reached. The
 * messages go out with the case, under ids of this feedback, so telling again sends nothing twice.
 */
export async function tellRaterOfFix(deps: AppDeps, r: RatingRecord): Promise<void> {
  const feedback = r.poor?.feedback;
  if (!feedback || !r.realName) return;
  const c = await deps.store.getCase(r.jurisdiction, r.trackingNumber);
  if (!c) return;
  const { item } = await rulesFor(deps, c);
  const what = r.target === 'case' ? '' : `(${targetLabels[r.target][0]})`;
  const told = `您对「${c.itemName}」(${c.trackingNumber})${what}的差评，办理部门已整改并反馈：${feedback.text}。`;
  const toldEn = `The poor rating you gave ${c.trackingNumber}${r.target === 'case' ? '' : ` (${targetLabels[r.target][1].toLowerCase()})`} was acted on: ${feedback.text}.`;
  const onPage = ['请在办件查询页评价整改情况(满意、基本满意或不满意)。', 'Judge the fix on the tracking page (satisfied, fairly satisfied or dissatisfied).'] as const;
  const notice = { to: 'applicant' as const, topic: FIX_REPORTED_TOPIC, text: `${told}${onPage[0]}`, text_en: `${toldEn} ${onPage[1]}` };
  const round = r.poor!.history.length;
  const messages = messagesFor(c, item, [notice], deps.clock()).map((m, i) => {
    const id = `${c.trackingNumber}-${r.target}-fix-${round}-${i}`;
    if (m.channel !== 'sms') return { ...m, id };
    return { ...m, id, text: `${told}${verdictText[0]}；也可在办件查询页评价。`, text_en: `${toldEn} ${verdictText[1]}, or on the tracking page.`, invites: r.target === 'case' ? ('judgement' as const) : ('windowJudgement' as const) };
  });
  if (messages.length > 0) deps.outbox?.written(await deps.store.addMessages(c, messages));
}
