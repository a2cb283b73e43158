import { shanghaiDateOf } from '@onevisit/item-schemas';
import { onConflict } from '../conflicts';
import type { AppDeps } from '../deps';
import type { Actor } from '../cases/lifecycle';
import { loadCase, rulesFor, settle, withEntry } from '../cases/service';
import { countMove } from '../supervision/counting';
import type { RatingRecord } from './model';

/**
 * A case's own rating, when its 差评 is voided on 复核 (申诉成立): the case's rating is marked
 * voided, and its follow-up closed if still open (nothing is left to follow up), in one write
 * over the revision read, followed by what that changes in the supervision counters, as every
 * case move is: the voided 差评 leaves the 差评 and rating counts for its own (poorVoided), and
 * a rebuild from the cases finds the same. Asked again when the 复核 is retried, so a process
 * stopped between the 差评's write and the case's is made up for; a case changed meanwhile is
 * read again.
 */
export async function voidCaseRating(deps: AppDeps, r: RatingRecord, actor: Actor): Promise<void> {
  if (r.target !== 'case' || r.poor?.closed?.outcome !== 'voided') return;
  for (let attempt = 0; attempt < 3; attempt++) {
    const c = await loadCase(deps, r.jurisdiction, r.trackingNumber);
    if (!c.rating || c.rating.voided) return;
    const now = deps.clock();
    const today = shanghaiDateOf(now);
    const rules = await rulesFor(deps, c);
    const open = c.rating.followUp && !c.rating.followUp.closedOn;
    const rating = { ...c.rating, voided: { on: today }, ...(open ? { followUp: { closedOn: today, response: '申诉成立，不计差评' } } : {}) };
    const settled = settle({ ...c, rating }, rules, today);
    const next = withEntry(settled.case, { at: now.toISOString(), actor: actor.id, ...(actor.name ? { actorName: actor.name } : {}), action: 'ratingVoided', note: '不计为差评' });
    const written = await onConflict(deps.store.saveCase(next, c.revision, settled).then(() => true), () => false);
    if (!written) continue;
    await countMove(deps, c, next, rules);
    return;
  }
}
