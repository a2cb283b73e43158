import type { StoredCase } from '../cases/record';
import type { AppDeps } from '../deps';
import type { RatingTarget, Verdict } from './model';
import { actOnPoor, ratingOf } from './service';

/** The rater judges the fix reported (满意 / 基本满意 / 不满意): their case's code is their name. */
export async function judgeFix(deps: AppDeps, found: StoredCase, target: RatingTarget, judgement: { verdict: Verdict; comment?: string }, key?: string) {
  const r = await ratingOf(deps, found.jurisdiction, found.trackingNumber, target);
  return actOnPoor(deps, r, { type: 'judge', by: 'rater', ...judgement }, { actor: { id: 'applicant' }, ...(key ? { key } : {}) });
}
