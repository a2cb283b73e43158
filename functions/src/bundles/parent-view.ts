import { z } from '@hono/zod-openapi';
import { dueDate } from '@onevisit/item-schemas';
import { bundleView } from './published';
import { parseTrackingNumber } from '../cases/tracking-number';
import { trackingCodeMatches } from '../cases/tracking-code';
import { ZCaseStatus, type CaseDetail, type CaseRecord } from '../cases/record';
import type { AppDeps } from '../deps';
import { notFound } from '../errors';
import type { BundleVersion, StoredBundleCase } from './records';

/**
 * What the applicant sees of a 一件事 application: one tracking number and one status over every
 * base item's case, each with its own status; an item of a later stage waits for the stage before.
 */

export const ZBundleCaseView = z
  .object({
    trackingNumber: z.string(),
    bundleId: z.string(),
    bundleName: z.string(),
    receivedOn: z.string(),
    /** The day every item is promised to be decided by (the stages' promises added up, from the day received). */
    promisedBy: z.string().optional(),
    /** inProcess while any child is open or waiting, decided once every child is closed, delivered once every one is. */
    status: z.enum(['inProcess', 'decided', 'delivered']),
    rating: z.object({ level: z.number().int(), comment: z.string().optional(), on: z.string() }).optional(),
    children: z.array(
      z.object({
        key: z.string(),
        itemName: z.string(),
        /** 1-based, as the applicant reads it. */
        stage: z.number().int(),
        trackingNumber: z.string().optional(),
        status: z.union([ZCaseStatus, z.literal('waiting'), z.literal('stopped')]),
        /** Why a stopped item never started. */
        stopped: z.object({ message: z.string(), message_en: z.string() }).optional(),
        /** 容缺: the materials it was received without, to be supplied by their day (the applicant supplies them here). */
        awaiting: z.array(z.object({ materialId: z.string(), name: z.string(), due: z.string().optional() })).optional(),
        /** 补正: what the item's department asked to be corrected, all at once (the applicant answers here). */
        correction: z.array(z.object({ materialId: z.string().optional(), name: z.string().optional(), note: z.string() })).optional(),
        /** What it came to: the result issued, or why it was not granted or not accepted. */
        outcome: z.object({ approved: z.boolean(), result: z.string().optional(), reason: z.string().optional() }).optional(),
      }),
    ),
  })
  .openapi('BundleCaseView');
export type BundleCaseView = z.infer<typeof ZBundleCaseView>;

const closed = new Set(['decided', 'delivered', 'notAccepted', 'withdrawn', 'stopped']);

async function promisedDay(deps: AppDeps, parent: StoredBundleCase, version: BundleVersion): Promise<string | undefined> {
  const view = await bundleView(deps.store, version);
  if (!view) return undefined;
  const calendar = await deps.calendars.forJurisdiction(parent.jurisdiction);
  return dueDate(calendar, { from: parent.receivedOn, limit: view.asItem.promisedLimit }).due;
}

function outcomeOf(c: CaseRecord): Pick<BundleCaseView['children'][number], 'outcome'> {
  if (c.notAccepted) return { outcome: { approved: false, reason: c.notAccepted.reason } };
  const d = c.decision;
  if (!d) return {};
  const result = d.result ? `${d.result.name}${d.result.number ? ` ${d.result.number}` : ''}` : undefined;
  return { outcome: { approved: d.outcome === 'approved', ...(result ? { result } : {}), ...(d.reasons ? { reason: d.reasons } : {}) } };
}

export async function bundleCaseView(deps: AppDeps, parent: StoredBundleCase): Promise<BundleCaseView> {
  const version = await deps.store.getBundleVersion(parent.jurisdiction, parent.bundleId, parent.version);
  // A material asked once for several items is named as the applicant was asked for it.
  const asked = (key: string, materialId: string) => version?.definition.materials.find((e) => e.map[key] === materialId)?.name;
  const children = await Promise.all(
    parent.children.map(async (child) => {
      const found = child.trackingNumber ? await deps.store.getCase(parent.jurisdiction, child.trackingNumber) : undefined;
      const status = found?.status ?? (child.stopped ? ('stopped' as const) : ('waiting' as const));
      const correction = found?.status === 'correctionRequested' ? (found.correction?.items ?? []).map((i) => ({ ...i, ...(i.materialId ? { name: asked(child.key, i.materialId) ?? found.materials.find((m) => m.materialId === i.materialId)?.name ?? i.materialId } : {}) })) : [];
      const awaiting = (found?.materials ?? []).filter((m) => m.status === 'deferred').map((m) => ({ materialId: m.materialId, name: asked(child.key, m.materialId) ?? m.name, ...(m.supplementDue ? { due: m.supplementDue } : {}) }));
      return {
        key: child.key,
        itemName: child.itemName,
        stage: child.stage + 1,
        ...(child.trackingNumber ? { trackingNumber: child.trackingNumber } : {}),
        status,
        ...(child.stopped ? { stopped: child.stopped } : {}),
        ...(awaiting.length > 0 && found && ['received', 'inProcess', 'suspended'].includes(found.status) ? { awaiting } : {}),
        ...(correction.length > 0 ? { correction } : {}),
        ...(found ? outcomeOf(found) : {}),
      };
    }),
  );
  const status = children.every((c) => c.status === 'delivered' || c.status === 'stopped') && children.some((c) => c.status === 'delivered') ? 'delivered' : children.every((c) => closed.has(c.status)) ? 'decided' : 'inProcess';
  const promisedBy = version && (await promisedDay(deps, parent, version));
  return { trackingNumber: parent.trackingNumber, bundleId: parent.bundleId, bundleName: parent.bundleName, receivedOn: parent.receivedOn, ...(promisedBy ? { promisedBy } : {}), status, ...(parent.rating ? { rating: parent.rating } : {}), children };
}

/** What an officer's case page says of the 一件事 a case was filed with: its number, and each item's state. */
export async function bundleMembership(deps: AppDeps, c: Pick<CaseRecord, 'jurisdiction' | 'bundle'>): Promise<CaseDetail['bundle']> {
  const parent = c.bundle && (await deps.store.getBundleCase(c.jurisdiction, c.bundle.trackingNumber));
  if (!parent) return undefined;
  const view = await bundleCaseView(deps, parent);
  // Whose each case is: an officer opens only their own department's.
  const owners = await Promise.all(view.children.map(async (k) => (k.trackingNumber ? (await deps.store.getCase(parent.jurisdiction, k.trackingNumber))?.departmentId : undefined)));
  return {
    trackingNumber: view.trackingNumber,
    bundleName: view.bundleName,
    items: view.children.map(({ itemName, stage, trackingNumber, status }, i) => ({ itemName, stage, ...(trackingNumber ? { trackingNumber } : {}), ...(owners[i] ? { departmentId: owners[i] } : {}), status })),
  };
}

/** The parent case of this number, when there is one (undefined: the number is an item's case, or none). */
export async function parentOf(deps: AppDeps, typedNumber: string): Promise<StoredBundleCase | undefined> {
  const number = parseTrackingNumber(typedNumber);
  return number ? deps.store.getBundleCase(number.jurisdiction, number.trackingNumber) : undefined;
}

/** The parent case for its number and 查询码, or nothing at all (the same 404 as a case's). */
export function admitted(parent: StoredBundleCase, code: string | undefined): StoredBundleCase {
  if (!code || !trackingCodeMatches(parent.secretHash, code)) throw notFound('办件', 'case');
  return parent;
}
