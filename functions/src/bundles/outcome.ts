import { shanghaiDateOf } from '@onevisit/item-schemas';
import type { StoredCase } from '../cases/record';
import { onConflict } from '../conflicts';
import type { AppDeps } from '../deps';
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

const notYet = () => new ApiError(409, 'ACTION_NOT_ALLOWED', '事项办结后才能评价', 'an application is rated once its items are decided');
const ratedAlready = () => new ApiError(409, 'ACTION_NOT_ALLOWED', '本件已评价', 'this application was rated already');

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
