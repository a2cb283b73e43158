import { z } from '@hono/zod-openapi';
import type { BundleDefinition } from '@onevisit/item-schemas';
import { ZCaseChannel } from '../cases/record';
import { ZFileInfo, ZJurisdictionId } from '../records';

/**
 * 一件事 (bundles) as stored: a head per bundle (its state and published version), its draft,
 * its immutable versions, and each application's parent case, which holds one tracking number
 * and one 查询码 for the applicant and points at one child case per base item.
 */

export const bundleStates = ['draft', 'published'] as const;

export const ZBundleHead = z
  .object({
    jurisdiction: ZJurisdictionId,
    bundleId: z.string(),
    state: z.enum(bundleStates),
    /** The published version, 0 before the first publish. */
    version: z.number().int(),
    draftRevision: z.number().int(),
    name: z.string(),
    updatedAt: z.string(),
  })
  .openapi('BundleHead');
export type BundleHead = z.infer<typeof ZBundleHead>;

export const ZBundleDraft = z
  .object({
    jurisdiction: ZJurisdictionId,
    bundleId: z.string(),
    revision: z.number().int(),
    /** May be incomplete: the model and its checks are enforced when publishing. */
    definition: z.record(z.string(), z.unknown()),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .openapi('BundleDraft');
export type BundleDraft = z.infer<typeof ZBundleDraft>;

export const ZBundleVersion = z
  .object({
    jurisdiction: ZJurisdictionId,
    bundleId: z.string(),
    version: z.number().int(),
    publishedAt: z.string(),
    publishedBy: z.string(),
    /** Who published, as the version history names them (versions from before it was kept have only the id). */
    publishedByName: z.string().optional(),
    changeNote: z.string().optional(),
    definition: z.custom<BundleDefinition>((value) => typeof value === 'object' && value !== null).openapi({ type: 'object', description: '一件事定义 / a bundle definition' }),
  })
  .openapi('BundleVersion');
export type BundleVersion = z.infer<typeof ZBundleVersion>;

/** One base item of an application: its case once started (stage 1 at once, later stages when the one before is approved). */
export const ZBundleChild = z.object({
  key: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  version: z.number().int(),
  /** 0-based. */
  stage: z.number().int(),
  trackingNumber: z.string().optional(),
  /** A later stage's child not started yet: its answers and files, kept until its stage starts. */
  pending: z.object({ answers: z.record(z.string(), z.unknown()), files: z.record(z.string(), z.array(ZFileInfo)), promised: z.array(z.string()) }).optional(),
  /** Never started: the bundle stops on a denial, or the item cannot go on without what a denied one would have issued. */
  stopped: z.object({ message: z.string(), message_en: z.string() }).optional(),
});
export type BundleChild = z.infer<typeof ZBundleChild>;

export const ZBundleCase = z
  .object({
    trackingNumber: z.string(),
    jurisdiction: ZJurisdictionId,
    bundleId: z.string(),
    bundleName: z.string(),
    version: z.number().int(),
    submittedAt: z.string(),
    receivedOn: z.string(),
    applicant: z.object({ name: z.string().optional(), idNumber: z.string().optional(), mobile: z.string().optional() }).optional(),
    answers: z.record(z.string(), z.unknown()),
    /** 申报来源: how the application came in, recorded on each item's case too. */
    channel: ZCaseChannel.optional(),
    children: z.array(ZBundleChild),
    /** 一键评价: the applicant's one rating, given to every item's case that could take it. */
    rating: z.object({ level: z.number().int(), comment: z.string().optional(), on: z.string() }).optional(),
    /** Bumped by every change: a stage started by two approvals at once is started once. */
    revision: z.number().int(),
  })
  .openapi('BundleCase');
export type BundleCase = z.infer<typeof ZBundleCase>;

/** What never leaves the server: the 查询码's hash and the idempotency key the children's keys come from. */
export type StoredBundleCase = BundleCase & { secretHash: string; idempotencyKey: string; requestHash: string };

/** A county's view of its parent's 一件事 to claim (bundles/claims.ts). */
export const ZClaimableBundle = z
  .object({
    bundleId: z.string(),
    name: z.string(),
    version: z.number().int(),
    /** The county has a 一件事 under this id (its claim, or one of its own). */
    claimed: z.boolean(),
    items: z.array(z.object({ itemId: z.string(), name: z.string(), claimed: z.boolean() })),
  })
  .openapi('ClaimableBundle');
export type ClaimableBundle = z.infer<typeof ZClaimableBundle>;

export const ZBundleClaim = z
  .object({
    bundleId: z.string(),
    /** cloned: the county's copy was made now; exists: the county had one under this id already. */
    status: z.enum(['cloned', 'exists']),
    /** What became of each base item's claim (as claiming it alone says). */
    items: z.array(z.object({ itemId: z.string(), status: z.enum(['cloned', 'exists', 'notPublished', 'idTaken']), department: z.string().optional() })),
  })
  .openapi('BundleClaim');
export type BundleClaim = z.infer<typeof ZBundleClaim>;
