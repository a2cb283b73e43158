import { z } from '@hono/zod-openapi';
import { parseTrackingNumber } from '../cases/tracking-number';
import { trackingCodeMatches } from '../cases/tracking-code';
import { ZCaseStatus } from '../cases/record';
import type { AppDeps } from '../deps';
import { notFound } from '../errors';
import type { StoredBundleCase } from './records';

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
      }),
    ),
  })
  .openapi('BundleCaseView');
export type BundleCaseView = z.infer<typeof ZBundleCaseView>;

const closed = new Set(['decided', 'delivered', 'notAccepted', 'withdrawn', 'stopped']);

export async function bundleCaseView(deps: AppDeps, parent: StoredBundleCase): Promise<BundleCaseView> {
  const children = await Promise.all(
    parent.children.map(async (child) => {
      const found = child.trackingNumber ? await deps.store.getCase(parent.jurisdiction, child.trackingNumber) : undefined;
      const status = found?.status ?? (child.stopped ? ('stopped' as const) : ('waiting' as const));
      return { key: child.key, itemName: child.itemName, stage: child.stage + 1, ...(child.trackingNumber ? { trackingNumber: child.trackingNumber } : {}), status, ...(child.stopped ? { stopped: child.stopped } : {}) };
    }),
  );
  const status = children.every((c) => c.status === 'delivered' || c.status === 'stopped') && children.some((c) => c.status === 'delivered') ? 'delivered' : children.every((c) => closed.has(c.status)) ? 'decided' : 'inProcess';
  return { trackingNumber: parent.trackingNumber, bundleId: parent.bundleId, bundleName: parent.bundleName, receivedOn: parent.receivedOn, status, ...(parent.rating ? { rating: parent.rating } : {}), children };
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
