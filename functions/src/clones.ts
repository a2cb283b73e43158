import {
  acceptUpstream,
  cloneStart,
  effectiveDefinition,
  ZLocalOverrides,
  overridesFrom,
  upstreamChanges,
  type ConflictDecision,
  type ItemDefinition,
  type LocalOverrides,
  type OverrideConflict,
  type UpstreamChange,
  type UpstreamRef,
} from '@onevisit/item-schemas';
import type { Principal } from './auth';
import type { AppDeps } from './deps';
import { departmentProposer } from './departments';
import { onConflict } from './conflicts';
import {
  decisionInvalid,
  decisionsNeeded,
  draftConflict,
  invalidOverrides,
  lockedFields,
  mergeIntoItself,
  notAClone,
  notFound,
  noSuchItems,
  noUpstream,
  upstreamMoved,
} from './errors';
import { summaryOf, type Draft, type DraftSummary, type ItemHead } from './records';

/**
 * Counties (and townships) claim their parent's items as clones, adapt the local fields, and
 * follow upstream as it publishes new versions (DOMAIN §3). A clone's draft holds only the
 * upstream version it follows and its overrides; its definition is computed.
 */

/** An upstream version as a clone starts from it (without the upstream's windows): it must exist, versions are never deleted. */
async function upstreamDefinition(deps: AppDeps, ref: UpstreamRef): Promise<ItemDefinition> {
  const version = await deps.store.getVersion(ref.jurisdiction, ref.itemId, ref.version);
  if (!version) throw new Error(`upstream ${ref.jurisdiction}/${ref.itemId} v${ref.version} is missing`);
  return cloneStart(version.definition);
}

/** What a clone starts from: the upstream version, as delegated power where it was handed down (下放). */
async function cloneBase(deps: AppDeps, clone: NonNullable<Draft['clone']>): Promise<ItemDefinition> {
  const upstream = await upstreamDefinition(deps, clone.upstream);
  return clone.delegated ? { ...upstream, powerSource: 'delegated' } : upstream;
}

/** A clone's draft with its effective definition filled in. */
export async function withEffectiveDefinition(deps: AppDeps, draft: Draft): Promise<Draft> {
  if (!draft.clone) return draft;
  const upstream = await cloneBase(deps, draft.clone);
  const definition = effectiveDefinition(upstream, draft.clone.upstream, ZLocalOverrides.parse(draft.clone.overrides));
  return { ...draft, definition: { ...definition, id: draft.itemId } as unknown as Record<string, unknown> };
}

/**
 * What the catalogue shows of a clone's draft (given with its effective definition): the
 * department only when the clone has its own, since the upstream's takes no cases here.
 */
export function cloneDraftSummary(draft: Draft): DraftSummary | undefined {
  if (!draft.clone) return undefined;
  const { department, ...summary } = summaryOf(draft.definition as unknown as ItemDefinition);
  return draft.clone.overrides.department ? { ...summary, department } : summary;
}

export interface UpstreamBase {
  following: UpstreamRef;
  definition: ItemDefinition;
}

/** The upstream version a clone follows, as it starts from it: what its edits are told apart from. */
export async function upstreamBase(deps: AppDeps, jurisdiction: string, itemId: string): Promise<UpstreamBase> {
  const draft = await cloneDraft(deps, jurisdiction, itemId);
  return { following: draft.clone.upstream, definition: await cloneBase(deps, draft.clone) };
}

/**
 * What saving an edited clone stores: the overrides the edit amounts to. Editing a locked field
 * is refused, naming the fields, and stores nothing.
 */
export async function cloneOverrides(deps: AppDeps, clone: NonNullable<Draft['clone']>, edited: Record<string, unknown>): Promise<LocalOverrides> {
  const upstream = await cloneBase(deps, clone);
  const { overrides, locked } = overridesFrom({ ...upstream, id: String(edited.id) }, edited);
  if (locked.length > 0) throw lockedFields(locked);
  const parsed = ZLocalOverrides.safeParse(overrides);
  if (!parsed.success) throw invalidOverrides(parsed.error.issues);
  return parsed.data;
}

/** The jurisdiction a clone's items come from: its parent. */
export async function upstreamOf(deps: AppDeps, jurisdiction: string): Promise<string> {
  const parent = (await deps.store.getJurisdiction(jurisdiction))?.parent;
  if (!parent) throw noUpstream();
  return parent;
}

export type CloneOutcome = {
  itemId: string;
  status: 'cloned' | 'exists' | 'notPublished' | 'idTaken';
  /** The jurisdiction's own department the clone was given as 实施主体, when one matched. */
  department?: string;
};

/**
 * Claims upstream items as clones (drafts following the current published version). Each clone
 * is given the jurisdiction's matching department as 实施主体 (the upstream's department takes
 * no cases here); without a match it cannot be published until one is picked. Running it again
 * changes nothing: an item already cloned is reported as such.
 */
export async function cloneItems(deps: AppDeps, who: Principal, jurisdiction: string, requested: string[], options: { delegated?: boolean } = {}): Promise<CloneOutcome[]> {
  const parent = await upstreamOf(deps, jurisdiction);
  const itemIds = [...new Set(requested)];
  const now = deps.clock().toISOString();
  const [upstreamHeads, propose] = await Promise.all([deps.store.getHeads(parent, itemIds), departmentProposer(deps, jurisdiction, parent)]);
  return Promise.all(
    itemIds.map(async (itemId): Promise<CloneOutcome> => {
      const upstreamHead = upstreamHeads.get(itemId);
      if (!upstreamHead || upstreamHead.version === 0 || upstreamHead.state === 'cancelled' || !upstreamHead.published) return { itemId, status: 'notPublished' };
      // The county's own 一件事 holds the id (an item and a bundle share the apply address).
      if (await deps.store.getBundleHead(jurisdiction, itemId)) return { itemId, status: 'idTaken' };
      const own = propose(upstreamHead.published.department);
      const overrides = own ? { department: { name: own.name, creditCode: own.id, nature: own.nature ?? '1' } } : {};
      const clone = { upstream: { jurisdiction: parent, itemId, version: upstreamHead.version }, overrides, ...(options.delegated ? { delegated: true } : {}) };
      const draft: Draft = { jurisdiction, itemId, revision: 1, definition: {}, clone, updatedAt: now, updatedBy: who.sub };
      // Before its first publish the catalogue shows the claimed item from this: upstream's summary, with the county's department.
      const { department: _upstreamDepartment, ...summary } = upstreamHead.published;
      const draftSummary = own ? { ...summary, department: { name: own.name, creditCode: own.id } } : summary;
      return onConflict(
        deps.store.createItem(draft, upstreamHead.published.name, draftSummary).then((): CloneOutcome => ({ itemId, status: 'cloned', ...(own ? { department: own.name } : {}) })),
        (existing?: ItemHead) => ({ itemId, status: existing?.upstream?.itemId === itemId && existing.upstream.jurisdiction === parent ? 'exists' : 'idTaken' }),
      );
    }),
  );
}

export interface UpstreamStatus {
  following: UpstreamRef;
  latest: { version: number; state: ItemHead['state'] };
  behind: boolean;
  deferredVersion?: number;
  changes: UpstreamChange[];
  conflicts: OverrideConflict[];
}

type CloneDraft = Draft & { clone: NonNullable<Draft['clone']> };

async function cloneDraft(deps: AppDeps, jurisdiction: string, itemId: string): Promise<CloneDraft> {
  const draft = await deps.store.getDraft(jurisdiction, itemId);
  if (!draft) throw notFound('事项', 'item');
  if (!draft.clone) throw notAClone();
  return draft as CloneDraft;
}

/** A clone against upstream's newest version: the upstream head, and what changed since the version followed. */
async function compareWithUpstream(deps: AppDeps, draft: CloneDraft) {
  const ref = draft.clone.upstream;
  const upstreamHead = await deps.store.getHead(ref.jurisdiction, ref.itemId);
  const latest = { version: upstreamHead?.version ?? ref.version, state: upstreamHead?.state ?? 'published' };
  const compared = { upstreamHead, following: ref, latest, behind: latest.version > ref.version };
  if (!compared.behind) return { ...compared, changes: [], conflicts: [] };
  const [before, after] = await Promise.all([upstreamDefinition(deps, ref), upstreamDefinition(deps, { ...ref, version: latest.version })]);
  return { ...compared, ...upstreamChanges(before, after, ZLocalOverrides.parse(draft.clone.overrides)) };
}

/** Where a clone stands against upstream: the field-by-field changes since the version it follows. */
export async function upstreamStatus(deps: AppDeps, jurisdiction: string, itemId: string): Promise<UpstreamStatus> {
  const draft = await cloneDraft(deps, jurisdiction, itemId);
  const [{ upstreamHead: _upstreamHead, ...compared }, head] = await Promise.all([compareWithUpstream(deps, draft), deps.store.getHead(jurisdiction, itemId)]);
  const deferredVersion = head?.upstream?.deferredVersion;
  return { ...compared, ...(deferredVersion ? { deferredVersion } : {}) };
}

/**
 * Follows a newer upstream version: overrides stay where still valid; each conflict needs a
 * decision, else nothing changes and the conflicts are returned (409). The draft and the upstream
 * head are read once each, and the head's new upstream is written with the draft's mirror.
 */
export async function acceptUpstreamVersion(
  deps: AppDeps,
  who: Principal,
  jurisdiction: string,
  itemId: string,
  body: { version: number; decisions: Record<string, ConflictDecision> },
  expectedRevision: number,
): Promise<Draft> {
  const draft = await cloneDraft(deps, jurisdiction, itemId);
  if (draft.revision !== expectedRevision) throw draftConflict(draft);
  const compared = await compareWithUpstream(deps, draft);
  if (body.version !== compared.latest.version || !compared.behind) throw upstreamMoved(compared.latest.version);
  const { overrides, undecided, refused } = acceptUpstream(ZLocalOverrides.parse(draft.clone.overrides), compared.conflicts, body.decisions);
  // A decision that would leave the item unpublishable is refused, naming the field; nothing is stored.
  if (refused.length > 0) throw decisionInvalid(refused);
  if (undecided.length > 0) throw decisionsNeeded(undecided);
  const upstream = { ...draft.clone.upstream, version: compared.latest.version };
  const next: Draft = { ...draft, revision: draft.revision + 1, clone: { ...draft.clone, upstream, overrides }, updatedAt: deps.clock().toISOString(), updatedBy: who.sub };
  const effective = await withEffectiveDefinition(deps, next);
  const name = compared.upstreamHead?.published?.name ?? itemId;
  await onConflict(deps.store.saveDraft(next, draft.revision, name, cloneDraftSummary(effective), upstream), (there?: Draft) => {
    throw draftConflict(there);
  });
  return effective;
}

/** Not now: the clone keeps its version and the list shows the newer one as deferred. */
export async function deferUpstreamVersion(deps: AppDeps, jurisdiction: string, itemId: string, version: number): Promise<ItemHead> {
  const draft = await cloneDraft(deps, jurisdiction, itemId);
  return deps.store.setUpstream(jurisdiction, itemId, { upstream: { ...draft.clone.upstream, deferredVersion: version } }, deps.clock().toISOString());
}

export interface DownstreamClone {
  jurisdiction: string;
  jurisdictionName: string;
  itemId: string;
  following: number;
  latest: number;
  behind: boolean;
  deferredVersion?: number;
  published: number;
}

/** For the upstream administrator: every clone of its items below it, and which are behind. */
export async function downstreamClones(deps: AppDeps, jurisdiction: string): Promise<DownstreamClone[]> {
  const [children, own] = await Promise.all([deps.store.listJurisdictions().then((all) => all.filter((j) => j.parent === jurisdiction)), deps.store.listHeads(jurisdiction)]);
  const latest = new Map(own.map((h) => [h.itemId, h.version]));
  const perChild = await Promise.all(
    children.map(async (child) =>
      (await deps.store.listHeads(child.id))
        .filter((h) => h.upstream?.jurisdiction === jurisdiction)
        .map((h) => ({
          jurisdiction: child.id,
          jurisdictionName: child.name,
          itemId: h.itemId,
          following: h.upstream!.version,
          latest: latest.get(h.upstream!.itemId) ?? h.upstream!.version,
          behind: (latest.get(h.upstream!.itemId) ?? 0) > h.upstream!.version,
          ...(h.upstream!.deferredVersion ? { deferredVersion: h.upstream!.deferredVersion } : {}),
          published: h.version,
        })),
    ),
  );
  return perChild.flat();
}

/** 取消 upstream: every clone is marked, so each jurisdiction cancels its own on its own say. */
export async function markClonesOfCancelled(deps: AppDeps, jurisdiction: string, itemId: string): Promise<number> {
  const clones = (await downstreamClones(deps, jurisdiction)).filter((c) => c.itemId === itemId);
  const at = deps.clock().toISOString();
  await Promise.all(clones.map((c) => deps.store.setUpstream(c.jurisdiction, c.itemId, { upstreamCancelled: true }, at)));
  return clones.length;
}

/**
 * 合并: several items become one. The target records the merged items and their codes; each
 * source is cancelled (no new applications; open cases keep their versions) and points to it.
 */
export async function mergeItems(deps: AppDeps, jurisdiction: string, target: string, sources: string[]): Promise<ItemHead> {
  const targetHead = await deps.store.getHead(jurisdiction, target);
  if (!targetHead || targetHead.state === 'cancelled') throw notFound('合并后的事项', 'target item');
  if (sources.includes(target)) throw mergeIntoItself();
  const heads = await Promise.all(sources.map((id) => deps.store.getHead(jurisdiction, id)));
  const missing = sources.filter((_, i) => !heads[i]);
  if (missing.length > 0) throw noSuchItems(missing);
  const at = deps.clock().toISOString();
  const merged = await Promise.all(
    heads.map(async (h) => {
      const version = h!.version > 0 ? await deps.store.getVersion(jurisdiction, h!.itemId, h!.version) : undefined;
      if (h!.state !== 'cancelled') await deps.store.setState(jurisdiction, h!.itemId, 'cancelled', ['draft', 'published', 'suspended'], at);
      await deps.store.recordMerge(jurisdiction, h!.itemId, { mergedInto: target }, at);
      return { itemId: h!.itemId, name: h!.published?.name ?? h!.draftName, ...(version ? { catalogCode: version.definition.catalogCode } : {}) };
    }),
  );
  const known = new Set((targetHead.mergedFrom ?? []).map((m) => m.itemId));
  return deps.store.recordMerge(jurisdiction, target, { mergedFrom: [...(targetHead.mergedFrom ?? []), ...merged.filter((m) => !known.has(m.itemId))] }, at);
}
