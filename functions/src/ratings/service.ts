import { shanghaiDateOf } from '@onevisit/item-schemas';
import { onConflict } from '../conflicts';
import type { AppDeps } from '../deps';
import { ApiError, notFound } from '../errors';
import { lineage } from '../per-jurisdiction/cache';
import type { StoredCase } from '../cases/record';
import { act, loadCase } from '../cases/service';
import { addendumGiven, notRatableYet, noWindowService, poorChanged, ratedAlready, reasonsRequired } from './errors';
import { defaultRatingSettings, isPoor, WINDOW_DEPARTMENT, type RatingChannel, type RatingInput, type RatingRecord, type RatingSettings, type RatingTarget } from './model';
import { voidCaseRating } from './case-rating';
import { tellRaterOfFix } from './fix-notice';
import { applyPoor, startPoor, type WorkflowAction, type WorkflowContext } from './workflow';

/**
 * Ratings stored: a rater's rating of one service of a case (the case's own rating also goes on
 * the case, where the supervision counters count it), the 追评, and the 差评 workflow's steps,
 * each a conditional write over the revision read, retried safely with an idempotency key.
 */

const RATABLE: ReadonlyArray<StoredCase['status']> = ['decided', 'delivered', 'notAccepted'];

export async function ratingSettingsFor(deps: AppDeps, jurisdiction: string): Promise<RatingSettings> {
  for (const id of await lineage(deps.store, jurisdiction)) {
    const own = await deps.store.getRatingSettings(id);
    if (own) return own;
  }
  return defaultRatingSettings;
}

async function contextFor(deps: AppDeps, jurisdiction: string, actor: WorkflowContext['actor'], key?: string): Promise<WorkflowContext> {
  const now = deps.clock();
  const [calendar, settings] = await Promise.all([deps.calendars.forJurisdiction(jurisdiction), ratingSettingsFor(deps, jurisdiction)]);
  return { today: shanghaiDateOf(now), at: now.toISOString(), actor, calendar, settings, ...(key ? { key } : {}) };
}

export interface RateOptions {
  channel: RatingChannel;
  realName: boolean;
  actor: WorkflowContext['actor'];
  key?: string;
}

/** A rater rates one service of a decided case: once per service (a retry with the same key answers the first). */
export async function rate(deps: AppDeps, found: StoredCase, input: RatingInput, options: RateOptions): Promise<RatingRecord> {
  if (!RATABLE.includes(found.status)) throw notRatableYet();
  if (input.target === 'window' && found.channel !== 'window') throw noWindowService();
  if (isPoor(input.level) && input.reasons.length === 0) throw reasonsRequired();
  const existing = await deps.store.getRating(found.jurisdiction, found.trackingNumber, input.target);
  if (existing) {
    if (options.key && existing.key === options.key) return existing;
    throw ratedAlready(input.target);
  }
  const comment = input.comment || undefined;
  if (input.target === 'case') {
    // The case keeps its rating too (the counters and the officer's page read it); a case rated
    // before this record existed, with the same level, only gets the record.
    if (!found.rating) await act(deps, found, { type: 'rate', level: input.level, ...(comment ? { comment } : {}) }, { actor: options.actor, key: options.key ?? `rating-${found.trackingNumber}` });
    else if (found.rating.level !== input.level) throw ratedAlready('case');
  }
  const ctx = await contextFor(deps, found.jurisdiction, options.actor, options.key);
  const base = {
    jurisdiction: found.jurisdiction,
    trackingNumber: found.trackingNumber,
    target: input.target,
    departmentId: input.target === 'window' ? WINDOW_DEPARTMENT : found.departmentId,
    itemName: found.itemName,
    level: input.level,
    reasons: isPoor(input.level) ? input.reasons : [],
    ...(comment ? { comment } : {}),
    channel: options.channel,
    realName: options.realName,
    at: ctx.at,
    on: ctx.today,
    ...(options.key ? { key: options.key } : {}),
  };
  const poor = startPoor(base, ctx);
  const r: RatingRecord = { ...base, ...(poor ? { poor } : {}), revision: 1 };
  return onConflict(deps.store.putRating(r).then(() => r), (latest?: RatingRecord) => {
    if (latest && options.key && latest.key === options.key) return latest;
    throw ratedAlready(input.target);
  });
}

/** The rated service's record, or 404. */
export async function ratingOf(deps: AppDeps, jurisdiction: string, trackingNumber: string, target: RatingTarget): Promise<RatingRecord> {
  const r = await deps.store.getRating(jurisdiction, trackingNumber, target);
  if (!r) throw notFound('评价', 'rating');
  return r;
}

/** 追评: one later remark on a rating. */
export async function addRemark(deps: AppDeps, found: StoredCase, target: RatingTarget, comment: string, channel: RatingChannel): Promise<RatingRecord> {
  const r = await ratingOf(deps, found.jurisdiction, found.trackingNumber, target);
  if (r.addendum) {
    if (r.addendum.comment === comment) return r;
    throw addendumGiven();
  }
  const next: RatingRecord = { ...r, addendum: { on: shanghaiDateOf(deps.clock()), comment, channel }, revision: r.revision + 1 };
  return onConflict(deps.store.putRating(next, r.revision).then(() => next), () => {
    throw poorChanged();
  });
}

/**
 * One step of a 差评's workflow by `actor`. A request already applied (its key in the history)
 * answers the 差评 as it is; one decided on an older revision is a conflict.
 */
export async function actOnPoor(
  deps: AppDeps,
  r: RatingRecord,
  action: WorkflowAction,
  options: { actor: WorkflowContext['actor']; key?: string; expectedRevision?: number },
): Promise<RatingRecord> {
  if (!r.poor) throw notFound('差评', 'poor rating');
  if (options.key && r.poor.history.some((h) => h.key === options.key)) {
    await followOn(deps, r, action, options.actor);
    return r;
  }
  if (options.expectedRevision !== undefined && options.expectedRevision !== r.revision) throw poorChanged();
  const ctx = await contextFor(deps, r.jurisdiction, options.actor, options.key);
  const next: RatingRecord = { ...r, poor: applyPoor(r, action, ctx), revision: r.revision + 1 };
  const stored = await onConflict<RatingRecord | undefined, RatingRecord>(deps.store.putRating(next, r.revision).then(() => undefined), (latest) => {
    if (latest && options.key && latest.poor?.history.some((h) => h.key === options.key)) return latest;
    throw poorChanged();
  });
  if (stored) {
    await followOn(deps, stored, action, options.actor);
    return stored;
  }
  const revisited = action.type === 'revisit' && r.poor.revisits.length === 0;
  const closedUnseen = next.poor!.closed?.outcome === 'rectified' && !r.realName;
  if (r.target === 'case' && (revisited || closedUnseen)) await followedUp(deps, next, options.actor);
  await followOn(deps, next, action, options.actor);
  return next;
}

/** What a step stored sets off, again on a retry (each is idempotent): the rater told of a fix, the case's rating voided on 复核. */
async function followOn(deps: AppDeps, r: RatingRecord, action: WorkflowAction, actor: WorkflowContext['actor']): Promise<void> {
  if (action.type === 'feedback') await tellRaterOfFix(deps, r);
  await voidCaseRating(deps, r, actor);
}

/**
 * The case's own 差评 follow-up (its followUp clock, counted by the supervision figures as 回访)
 * closes with the first 回访, or with the closing of an anonymous 差评, which has none. A case
 * changed meanwhile is read again; the 差评 record stays the authority either way.
 */
async function followedUp(deps: AppDeps, r: RatingRecord, actor: WorkflowContext['actor']): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const c = await loadCase(deps, r.jurisdiction, r.trackingNumber);
    if (!c.rating?.followUp || c.rating.followUp.closedOn) return;
    const revisit = r.poor!.revisits[0];
    const response = revisit ? `回访(${revisit.method})：${revisit.result}` : '差评整改完成';
    try {
      await act(deps, c, { type: 'closeFollowUp', expectedRevision: c.revision, response }, { actor });
      return;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 409) throw error;
    }
  }
}
