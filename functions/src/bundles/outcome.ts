import { shanghaiDateOf } from '@onevisit/item-schemas';
import type { StoredCase } from '../cases/record';
import { onConflict } from '../conflicts';
import type { AppDeps } from '../deps';
import { applicantAct } from '../cases/applicant';
import { ApiError } from '../errors';
import type { PoorReason, RatingChannel } from '../ratings/model';
import { rate } from '../ratings/service';
import type { StoredBundleCase } from './records';

/**
 * How a 一件事 ends for the applicant: 一窗出件 (with delivery `together`, no result goes out
 * before every item is decided) and 一键评价 (one rating, given to every item's case).
 */

const closed = new Set(['decided', 'delivered', 'notAccepted', 'withdrawn']);

async function childCases(deps: AppDeps, parent: StoredBundleCase): Promise<Array<StoredCase | undefined>> {
  return Promise.all(parent.children.map((c) => (c.trackingNumber ? deps.store.getCase(parent.jurisdiction, c.trackingNumber) : undefined)));
}

/** Why a base item's result may not be delivered yet: the bundle delivers together and another item is still open or waiting. */
export async function deliveryHeld(deps: AppDeps, child: StoredCase): Promise<ApiError | undefined> {
  if (!child.bundle) return undefined;
  const parent = await deps.store.getBundleCase(child.jurisdiction, child.bundle.trackingNumber);
  const version = parent ? await deps.store.getBundleVersion(parent.jurisdiction, parent.bundleId, parent.version) : undefined;
  if (!parent || version?.definition.delivery !== 'together') return undefined;
  const cases = await childCases(deps, parent);
  const open = parent.children.filter((c, i) => c.key !== child.bundle!.key && !c.stopped && (c.pending || !cases[i] || !closed.has(cases[i]!.status)));
  if (open.length === 0) return undefined;
  const names = open.map((c) => c.itemName);
  return new ApiError(
    409,
    'BUNDLE_DELIVERY_TOGETHER',
    `「${parent.bundleName}」的结果在全部事项办结后一并送达，${names.join('、')}尚未办结`,
    `the results of "${parent.bundleName}" are delivered together once every item is decided; ${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} not decided yet`,
  );
}

const WITHDRAWABLE = new Set(['received', 'correctionRequested', 'inProcess', 'suspended']);
const nothingToWithdraw = () => new ApiError(409, 'ACTION_NOT_ALLOWED', '本件各事项均已办结或停止，不能撤回', 'every item of this application is decided or stopped: there is nothing to withdraw');
const withdrawnByApplicant = { message: '申请人已撤回申请，本事项不再办理', message_en: 'the applicant withdrew the application, so this item does not go ahead' };

/**
 * The applicant withdraws the whole application: each item's case still open is withdrawn (as
 * its own page would), and the items of later stages never start. Decided items stay decided.
 * A retry finds what the first did and does the rest.
 */
export async function withdrawBundle(deps: AppDeps, parent: StoredBundleCase, reason?: string): Promise<StoredBundleCase> {
  const cases = await childCases(deps, parent);
  const open = cases.filter((k): k is StoredCase => !!k && WITHDRAWABLE.has(k.status));
  const waiting = parent.children.filter((c) => c.pending && !c.stopped);
  if (open.length === 0 && waiting.length === 0) throw nothingToWithdraw();
  // The waiting items stop first, so withdrawing an open one (which ends its stage) starts nothing.
  let now = parent;
  if (waiting.length > 0) {
    const saved: StoredBundleCase = { ...parent, children: parent.children.map((c) => (c.pending && !c.stopped ? { ...c, stopped: withdrawnByApplicant } : c)), revision: parent.revision + 1 };
    // A stage started meanwhile (its items now open): withdrawing again reaches them.
    const moved = await onConflict(deps.store.saveBundleCase(saved, parent.revision).then(() => undefined), async () => (await deps.store.getBundleCase(parent.jurisdiction, parent.trackingNumber))!);
    if (moved) return withdrawBundle(deps, moved, reason);
    now = saved;
  }
  for (const k of open) await applicantAct(deps, k, { type: 'withdraw', ...(reason ? { reason } : {}) }, `${parent.idempotencyKey}~withdraw`);
  return now;
}

// The codes of a case's own refusals (ratings/errors.ts): an SMS reply tells them apart the same way.
const notYet = () => new ApiError(409, 'NOT_RATABLE', '事项办结后才能评价', 'an application is rated once its items are decided');
const ratedAlready = () => new ApiError(409, 'RATED_ALREADY', '本件已评价', 'this application was rated already');

/**
 * The applicant's one rating: given to each item's case that is decided and not rated, as a rating
 * of that case (a 差评 starts each department's 整改 workflow), then kept on the parent.
 */
export async function rateBundle(deps: AppDeps, parent: StoredBundleCase, rating: { level: number; comment?: string; reasons?: readonly PoorReason[] }, channel: RatingChannel): Promise<StoredBundleCase> {
  if (parent.rating) throw ratedAlready();
  const cases = await childCases(deps, parent);
  const rateable = cases.filter((k): k is StoredCase => !!k && !k.rating && ['decided', 'delivered', 'notAccepted'].includes(k.status));
  if (rateable.length === 0 || cases.some((k, i) => !parent.children[i]!.stopped && (!k || !closed.has(k.status)))) throw notYet();
  const given = { level: rating.level, ...(rating.comment ? { comment: rating.comment } : {}) };
  for (const k of rateable) await rate(deps, k, { target: 'case', ...given, reasons: [...(rating.reasons ?? [])] }, { channel, realName: true, actor: { id: 'applicant' }, key: `${parent.idempotencyKey}~rate` });
  const saved: StoredBundleCase = { ...parent, rating: { ...given, on: shanghaiDateOf(deps.clock()) }, revision: parent.revision + 1 };
  await onConflict(deps.store.saveBundleCase(saved, parent.revision), () => {
    throw ratedAlready();
  });
  return saved;
}
