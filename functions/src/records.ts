import { z } from '@hono/zod-openapi';
import { appliesOnline, departmentNatures, onlineLevel, orderedCodes, ZCalendarOverlay, ZTimeLimit, type ItemDefinition } from '@onevisit/item-schemas';

type DepartmentNature = keyof typeof departmentNatures;
import { roles } from './roles';

/** What the API stores and returns. Types come from these schemas; only the store knows keys. */

export const ZJurisdictionId = z.string().regex(/^\d{6}$/).openapi({ description: '行政区划代码 / area code', example: '990100' });

export const ZJurisdiction = z
  .object({
    id: ZJurisdictionId,
    name: z.string(),
    level: z.enum(['province', 'city', 'county', 'township']),
    parent: ZJurisdictionId.optional(),
  })
  .openapi('Jurisdiction');
export type Jurisdiction = z.infer<typeof ZJurisdiction>;

/** A department of a jurisdiction, with officers; not the item's 实施主体 (item-schemas' `department`), which names one. */
export const ZDepartmentRecord = z
  .object({
    id: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/).openapi({ description: '统一社会信用代码 / unified social credit code' }),
    jurisdiction: ZJurisdictionId,
    name: z.string().min(1).max(200),
    /** 实施主体性质 (GB/T 39046 A.3): 1 法定机关, 2 授权组织, 3 受委托组织, 9 其他. */
    nature: z.enum(orderedCodes(departmentNatures) as [DepartmentNature, ...DepartmentNature[]]).default('1'),
  })
  .openapi('Department');
export type DepartmentRecord = z.infer<typeof ZDepartmentRecord>;

export { roles } from './roles';
export const ZRole = z.enum(roles);
export type Role = z.infer<typeof ZRole>;

export const ZUser = z
  .object({
    id: z.string(),
    name: z.string(),
    role: ZRole,
    jurisdiction: ZJurisdictionId,
    department: z.string().optional(),
  })
  .openapi('User');
export type User = z.infer<typeof ZUser>;

export const itemStates = ['draft', 'published', 'suspended', 'cancelled'] as const;
export type ItemState = (typeof itemStates)[number];

/** What the catalogue shows of a published version (晒清单). */
export const ZItemSummary = z
  .object({
    name: z.string(),
    itemType: z.string(),
    caseType: z.string(),
    department: z.object({ name: z.string(), creditCode: z.string() }),
    legalLimit: ZTimeLimit.nullable(),
    promisedLimit: ZTimeLimit,
    maxVisits: z.number(),
    charged: z.boolean(),
    onlineLevel: z.string().openapi({ description: '网办深度 Ⅰ–Ⅳ (1–4)' }),
    online: z.boolean().optional().openapi({ description: '可网上申请(办理形式含网上办理) / taken online (its channels include applying online); absent on items last published before it was recorded' }),
  })
  .openapi('ItemSummary');
export type ItemSummary = z.infer<typeof ZItemSummary>;

/**
 * A clone's summary before it is published, so the catalogue shows what was claimed: its draft
 * is always complete (upstream plus overrides). The department only when it is the
 * jurisdiction's own; the upstream's takes no cases here.
 */
export const ZDraftSummary = ZItemSummary.partial({ department: true }).openapi('DraftSummary');
export type DraftSummary = z.infer<typeof ZDraftSummary>;

/** The catalogue's view of a definition. */
export function summaryOf(definition: ItemDefinition): ItemSummary {
  return {
    name: definition.name,
    itemType: definition.itemType,
    caseType: definition.caseType,
    department: { name: definition.department.name, creditCode: definition.department.creditCode },
    legalLimit: definition.legalLimit,
    promisedLimit: definition.promisedLimit,
    maxVisits: definition.maxVisits,
    charged: definition.fees.some((f) => f.charged),
    onlineLevel: onlineLevel(definition.onlineDepth),
    online: appliesOnline(definition.channels),
  };
}


export const ZUpstreamRef = z
  .object({ jurisdiction: ZJurisdictionId, itemId: z.string(), version: z.number().int() })
  .openapi('UpstreamRef');

export const ZItemHead = z
  .object({
    jurisdiction: ZJurisdictionId,
    itemId: z.string(),
    state: z.enum(itemStates),
    /** The published version, 0 before the first publish. */
    version: z.number().int(),
    draftRevision: z.number().int(),
    /** The draft revision the published version was made from: equal to draftRevision when nothing changed since. */
    publishedRevision: z.number().int().optional(),
    draftName: z.string(),
    published: ZItemSummary.optional(),
    /** A clone's draft as the catalogue shows it (mirrored on every save, like draftName). */
    draftSummary: ZDraftSummary.optional(),
    /** A clone: the upstream item and version it follows, and a newer version it chose to defer. */
    upstream: ZUpstreamRef.extend({ deferredVersion: z.number().int().optional() }).optional(),
    /** Upstream cancelled the item this clones: the jurisdiction should cancel it too. */
    upstreamCancelled: z.boolean().optional(),
    /** 合并: the items merged into this one, with their codes, for the record. */
    mergedFrom: z.array(z.object({ itemId: z.string(), name: z.string(), catalogCode: z.string().optional() })).optional(),
    /** This item was merged into another and cancelled. */
    mergedInto: z.string().optional(),
    updatedAt: z.string(),
  })
  .openapi('ItemHead');
export type ItemHead = z.infer<typeof ZItemHead>;

export const ZDraft = z
  .object({
    jurisdiction: ZJurisdictionId,
    itemId: z.string(),
    revision: z.number().int(),
    /** Drafts may be incomplete: the model is enforced when publishing. A clone's is computed: upstream + overrides. */
    definition: z.record(z.string(), z.unknown()),
    /** A clone stores only this: what it follows and its overrides of the local fields. */
    clone: z
      .object({
        upstream: ZUpstreamRef,
        overrides: z.record(z.string(), z.unknown()),
        /** 下放: the upstream jurisdiction handed the power down; the clone implements it as delegated. */
        delegated: z.boolean().optional(),
      })
      .optional(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .openapi('Draft');
export type Draft = z.infer<typeof ZDraft>;

/** One entry of an item's version history; not item-schemas' `versionMeta`, the optional fields a definition carries. */
export const ZVersionEntry = z
  .object({
    version: z.number().int(),
    publishedAt: z.string(),
    publishedBy: z.string(),
    /** The publisher's name when publishing; absent on versions published before it was kept. */
    publishedByName: z.string().optional(),
    changeNote: z.string().optional(),
  })
  .openapi('VersionMeta');

/**
 * A published definition: exactly the item model in type, documented in OpenAPI as an object
 * whose schema is served at /api/schema/item (its recursive conditions defeat the generator).
 */
export const ZPublishedDefinition = z
  .custom<ItemDefinition>((value) => typeof value === 'object' && value !== null)
  .openapi({ type: 'object', description: '事项定义，结构见 /api/schema/item / an item definition; its JSON Schema is at /api/schema/item' });

export const ZItemVersion = ZVersionEntry
  .extend({ jurisdiction: ZJurisdictionId, itemId: z.string(), definition: ZPublishedDefinition })
  .openapi('ItemVersion');
export type ItemVersion = z.infer<typeof ZItemVersion>;

export const ZCalendarRecord = z
  .object({ jurisdiction: ZJurisdictionId, overlay: ZCalendarOverlay, revision: z.number().int(), updatedAt: z.string() })
  .openapi('CalendarOverlay');
export type CalendarRecord = z.infer<typeof ZCalendarRecord>;

export const ZFileInfo = z.object({ key: z.string(), name: z.string(), contentType: z.string(), size: z.number().int() }).openapi('FileInfo');
export type FileInfo = z.infer<typeof ZFileInfo>;

/** How a message reaches its recipient: SMS, e-mail or the in-site inbox. */
export const channels = ['sms', 'email', 'inSite'] as const;

/** A message as the outbox and the inboxes keep it. */
export const ZOutboxMessage = z
  .object({
    id: z.string(),
    jurisdiction: z.string(),
    at: z.string(),
    channel: z.enum(channels),
    to: z.string(),
    topic: z.string(),
    text: z.string(),
    text_en: z.string().optional(),
    trackingNumber: z.string().optional(),
    /**
     * An SMS inviting a reply that rates its case, or judges the fix of its 差评 — of the case, or
     * of the window's service (ratings/sms-invitations.ts): sent, it records the invitation.
     */
    invites: z.enum(['rating', 'judgement', 'windowJudgement']).optional(),
    /**
     * In-site messages are delivered by being recorded; SMS and e-mail by their channel; `withheld`:
     * not sent, by a cap (the reason in `error`); `sending`: a sender has it in hand (since `claimedAt`).
     */
    status: z.enum(['sending', 'delivered', 'failed', 'withheld']),
    error: z.string().optional(),
    claimedAt: z.string().optional(),
  })
  .openapi('OutboxMessage');
export type OutboxMessage = z.infer<typeof ZOutboxMessage>;

/** A message written with the case that sends it, not yet delivered (the outbox inside the case). */
export const ZPendingMessage = ZOutboxMessage.omit({ status: true, error: true, claimedAt: true });
export type PendingMessage = z.infer<typeof ZPendingMessage>;
