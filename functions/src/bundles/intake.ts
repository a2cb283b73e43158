import { applicantOf, dueDate, mergedMaterials, shanghaiDateOf, splitAnswers, stageOf, validateAnswers, type Material } from '@onevisit/item-schemas';
import { onConflict } from '../conflicts';
import { canonical, checkApplication, hash, numberApplication, receiveApplication, refusalOf, type ApplicationCheck } from '../cases/intake';
import type { NoticeIntent } from '../cases/lifecycle';
import type { CaseChannel } from '../cases/record';
import { displayTrackingCode, trackingCodeHash } from '../cases/tracking-code';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import type { FileInfo } from '../records';
import { postedIdOf, type PublishedBundle } from './published';
import type { BundleChild, StoredBundleCase } from './records';

/**
 * 一次提交, 一次分办: one application to a 一件事, checked once against its one form and one
 * checklist, received as one parent case (one tracking number, one 查询码) and a case per base
 * item that applies, each its item's own case in its own department. Only the first stage with
 * an item that applies starts; a later stage's answers and files wait on the parent.
 */

/** An application checked against the bundle's one form and one checklist (materials by their posted ids). */
export function checkBundleApplication(p: PublishedBundle, answers: Record<string, unknown>, supplied: { files: Record<string, readonly string[]>; promised?: readonly string[] }): ApplicationCheck {
  const validated = validateAnswers(p.asItem.form, answers);
  const merged = mergedMaterials(p.bundle, p.base, validated.answers, p.asItem.form);
  const promised = supplied.promised ?? [];
  const known = new Set(merged.map(postedIdOf));
  const check: ApplicationCheck = { answers: validated.answers, fields: validated.errors, unknown: [...Object.keys(supplied.files), ...promised].filter((id) => !known.has(id)), missing: [], notAsked: [], deferred: [] };
  for (const m of merged) {
    const id = postedIdOf(m);
    const material: Material = { ...m.material, id };
    const has = (supplied.files[id]?.length ?? 0) > 0;
    const replaced = promised.includes(id) && m.material.promiseReplaceable;
    if (m.status === 'required' && !has && !replaced) check.missing.push(material);
    else if (m.status === 'deferrable' && !has && !replaced) check.deferred.push(material);
    else if ((m.status === 'notApplicable' || m.status === 'shared') && has) check.notAsked.push(material);
  }
  return check;
}

interface ChildApplication {
  key: string;
  stage: number;
  answers: Record<string, unknown>;
  files: Record<string, FileInfo[]>;
  promised: string[];
  check: ApplicationCheck;
}

/** The bundle's answers and files, split per base item that applies: each file goes to every base material it stands for. */
function childApplications(p: PublishedBundle, check: ApplicationCheck, files: Record<string, FileInfo[]>, promised: readonly string[]): ChildApplication[] {
  const split = splitAnswers(p.bundle, check.answers);
  const merged = mergedMaterials(p.bundle, p.base, check.answers, p.asItem.form);
  return Object.entries(split).map(([key, answers]) => {
    const item = p.base[key]!;
    const childFiles: Record<string, FileInfo[]> = {};
    const childPromised: string[] = [];
    for (const m of merged)
      for (const s of m.sources.filter((x) => x.item === key)) {
        if ((files[postedIdOf(m)]?.length ?? 0) > 0) childFiles[s.materialId] = files[postedIdOf(m)]!;
        if (promised.includes(postedIdOf(m))) childPromised.push(s.materialId);
      }
    const asKeys = (f: Record<string, FileInfo[]>) => Object.fromEntries(Object.entries(f).map(([id, list]) => [id, list.map((x) => x.key)]));
    // A document the bundle asks once may be one this item does not need for these answers: it stays out of this case.
    const first = checkApplication(item, answers, { files: asKeys(childFiles), promised: childPromised });
    for (const m of first.notAsked) delete childFiles[m.id];
    const own = first.notAsked.length > 0 ? checkApplication(item, answers, { files: asKeys(childFiles), promised: childPromised }) : first;
    // 免交 in any base item is 免交 for the bundle: the department obtains it by sharing, whatever its own item says.
    const shared = new Set(merged.filter((m) => m.status === 'shared').flatMap((m) => m.sources.filter((s) => s.item === key).map((s) => s.materialId)));
    const check = { ...own, missing: own.missing.filter((m) => !shared.has(m.id)), deferred: own.deferred.filter((m) => !shared.has(m.id)) };
    return { key, stage: stageOf(p.bundle, key), answers, files: childFiles, promised: childPromised.filter((id) => !childFiles[id]), check };
  });
}

/** A child's own check failing where the bundle's passed: said as the bundle's refusal, naming the item. */
function childRefusal(p: PublishedBundle, child: ChildApplication): ApiError | undefined {
  const refused = refusalOf({ ...child.check, notAsked: [], unknown: [] });
  if (!refused) return undefined;
  const name = p.base[child.key]!.name;
  return new ApiError(refused.status, refused.code, `「${name}」：${refused.message}`, `"${name}": ${refused.message_en}`, refused.details);
}

/** 一次告知 of the receipt: the one number and code, how many items, by when all of them are promised. */
async function receiptNotice(deps: AppDeps, p: PublishedBundle, trackingNumber: string, secret: string, receivedOn: string, items: number): Promise<NoticeIntent> {
  const calendar = await deps.calendars.forJurisdiction(p.version.jurisdiction);
  const due = dueDate(calendar, { from: receivedOn, limit: p.asItem.promisedLimit }).due;
  const code = displayTrackingCode(secret);
  return {
    to: 'applicant',
    topic: 'received',
    text: `您申请的「${p.bundle.name}」已收到，受理编号 ${trackingNumber}，查询码 ${code}，共 ${items} 个事项，承诺${due}前全部办结。`,
    text_en: `Your application ${trackingNumber} (${items} items) was received (tracking code ${code}); all of it is promised to be decided by ${due}.`,
  };
}

export interface BundleReceipt {
  created: boolean;
  parent: StoredBundleCase;
  /** The one 查询码, shown once. */
  secret: string;
}

/**
 * Receives a checked application: claims the idempotency key for the parent, receives each
 * child of the first stage under a key made from it (so a retry finds each child it made),
 * then writes the parent. A retry after a crash anywhere in between completes what is missing.
 */
export async function receiveBundle(deps: AppDeps, p: PublishedBundle, application: { sent: Record<string, unknown>; check: ApplicationCheck; files: Record<string, FileInfo[]>; promised: string[]; channel?: CaseChannel }, idempotencyKey?: string): Promise<BundleReceipt> {
  const { jurisdiction, bundleId, version } = p.version;
  const children = childApplications(p, application.check, application.files, application.promised);
  const startStage = Math.min(...children.map((c) => c.stage));
  for (const child of children.filter((c) => c.stage === startStage)) {
    const refused = childRefusal(p, child);
    if (refused) throw refused;
  }
  const now = deps.clock();
  const receivedOn = shanghaiDateOf(now);
  const supplied = Object.fromEntries(Object.entries(application.files).map(([id, files]) => [id, files.length]));
  const requestHash = hash(canonical({ jurisdiction, bundleId, version, answers: application.sent, supplied, promised: [...application.promised].sort() }));
  const { claim, key, trackingNumber, secret } = await numberApplication(deps, jurisdiction, receivedOn, requestHash, idempotencyKey);
  if (claim) {
    const existing = await deps.store.getBundleCase(jurisdiction, trackingNumber);
    if (existing) return { created: false, parent: existing, secret };
  }

  const listed: BundleChild[] = [];
  const notice = await receiptNotice(deps, p, trackingNumber, secret, receivedOn, children.length);
  for (const child of children) {
    const pinned = p.versions[child.key]!;
    const entry: BundleChild = { key: child.key, itemId: pinned.itemId, itemName: pinned.definition.name, version: pinned.version, stage: child.stage };
    if (child.stage === startStage) {
      // The applicant hears of the application once, from the first item's case: the parent has no outbox of its own.
      const applicantNotices = listed.some((c) => c.trackingNumber) ? [] : [notice];
      const link = { trackingNumber, bundleId, key: child.key };
      const receipt = await receiveApplication(deps, pinned, { sent: child.answers, check: child.check, files: child.files, promised: child.promised, ...(application.channel ? { channel: application.channel } : {}) }, `${key}~${child.key}`, { link, applicantNotices });
      entry.trackingNumber = receipt.case.trackingNumber;
    } else entry.pending = { answers: child.answers, files: child.files, promised: child.promised };
    listed.push(entry);
  }
  const applicant = applicantOf(p.asItem.form, application.check.answers);
  const parent: StoredBundleCase = {
    trackingNumber,
    jurisdiction,
    bundleId,
    bundleName: p.bundle.name,
    version,
    submittedAt: now.toISOString(),
    receivedOn,
    ...(Object.keys(applicant).length > 0 ? { applicant } : {}),
    answers: application.check.answers,
    ...(application.channel ? { channel: application.channel } : {}),
    children: listed,
    revision: 1,
    secretHash: trackingCodeHash(secret),
    idempotencyKey: key,
    requestHash,
  };
  const first = await onConflict<StoredBundleCase | undefined, StoredBundleCase>(deps.store.putBundleCase(parent).then(() => undefined), (there) => there);
  return first ? { created: false, parent: first, secret } : { created: true, parent, secret };
}
