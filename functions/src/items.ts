import { renderIssues } from './citizen/form/render-check';
import { itemChanges, ZItemId as itemIdSchema, runPublishChecks, type CheckIssue, type LabelledChange } from '@onevisit/item-schemas';
import { templates } from '@onevisit/item-schemas/templates';
import type { Principal } from './auth';
import type { AppDeps } from './deps';
import { onConflict } from './conflicts';
import { ApiError, draftConflict, draftTooLarge, idTakenByBundle, invalidItemId, invalidState, twoStarts, itemCancelled, itemExists, itemIdMismatch, notFound, publishChecksFailed, publishConflict } from './errors';
import { summaryOf, type Draft, type ItemHead, type ItemState, type ItemVersion } from './records';
import { departmentsOnRecord } from './departments';
import { cloneDraftSummary, cloneOverrides, markClonesOfCancelled, withEffectiveDefinition } from './clones';

/** Drafts, publishing and the life of an item definition, for jurisdiction administrators. */

/** DynamoDB items stop at 400 KB; a draft keeps well under it. */
export const MAX_DRAFT_BYTES = 350 * 1024;

const itemNotFound = () => notFound('事项', 'item');

function checkDraftShape(definition: Record<string, unknown>, itemId: string): string {
  const size = JSON.stringify(definition).length;
  if (size > MAX_DRAFT_BYTES) throw draftTooLarge(Math.ceil(size / 1024), MAX_DRAFT_BYTES / 1024);
  if (definition.id !== itemId) throw itemIdMismatch(itemId);
  return typeof definition.name === 'string' && definition.name.trim() ? definition.name.trim() : itemId;
}

/**
 * An existing item of the jurisdiction as a new one starts from it (复制): its draft as it reads
 * (a claimed item's with the level above's elements, now its own), without what identifies the
 * item it was: its codes, its addresses online, and where it came from.
 */
async function copyOfItem(deps: AppDeps, jurisdiction: string, itemId: string): Promise<Record<string, unknown>> {
  const source = await getDraft(deps, jurisdiction, itemId).catch((error: unknown) => {
    throw error instanceof ApiError && error.status === 404 ? notFound(`要复制的事项「${itemId}」`, `the item to copy "${itemId}"`) : error;
  });
  const { catalogCode: _catalogCode, taskCode: _taskCode, upstream: _upstream, meta: _meta, ...definition } = structuredClone(source.definition);
  // Its addresses online are the page of the item it was.
  const options = definition.serviceOptions as Record<string, unknown> | undefined;
  if (options) {
    delete options.onlineUrl;
    delete options.mobileUrl;
  }
  return definition;
}

/**
 * A new draft from a seed template, a copy of an item of the jurisdiction (`copyOf`), or a
 * definition the editor sends (possibly incomplete); with a template or a copy, `definition`
 * holds what the new item sets differently (its name, its department).
 */
export async function createItem(
  deps: AppDeps,
  who: Principal,
  jurisdiction: string,
  body: { itemId: string; templateId?: string; copyOf?: string; definition?: Record<string, unknown> },
): Promise<{ head: ItemHead; draft: Draft }> {
  if (!itemIdSchema.safeParse(body.itemId).success) throw invalidItemId();
  if (body.templateId && body.copyOf) throw twoStarts();
  let start: Record<string, unknown> = {};
  if (body.templateId) {
    const template = templates.find((t) => t.id === body.templateId);
    if (!template) throw notFound('模板', 'template');
    start = structuredClone(template) as Record<string, unknown>;
  } else if (body.copyOf) {
    start = await copyOfItem(deps, jurisdiction, body.copyOf);
  }
  const definition: Record<string, unknown> = { ...start, ...(body.definition ?? {}), id: body.itemId };
  const name = checkDraftShape(definition, body.itemId);
  // An item and a 一件事 both answer at /apply/{jurisdiction}/{id}, so they never share an id.
  const bundle = await deps.store.getBundleHead(jurisdiction, body.itemId);
  if (bundle) throw idTakenByBundle(bundle.bundleId, bundle.name);
  const draft: Draft = { jurisdiction, itemId: body.itemId, revision: 1, definition, updatedAt: deps.clock().toISOString(), updatedBy: who.sub };
  const head = await onConflict(deps.store.createItem(draft, name), () => {
    throw itemExists(body.itemId);
  });
  return { head, draft };
}

/** The draft as edited and checked: a clone's definition is its upstream version plus its overrides. */
export async function getDraft(deps: AppDeps, jurisdiction: string, itemId: string): Promise<Draft> {
  const draft = await deps.store.getDraft(jurisdiction, itemId);
  if (!draft || !(await deps.store.getHead(jurisdiction, itemId))) throw itemNotFound();
  return withEffectiveDefinition(deps, draft);
}

export async function saveDraft(
  deps: AppDeps,
  who: Principal,
  jurisdiction: string,
  itemId: string,
  expectedRevision: number,
  definition: Record<string, unknown>,
): Promise<Draft> {
  const name = checkDraftShape(definition, itemId);
  const current = await getDraft(deps, jurisdiction, itemId);
  if (current.revision !== expectedRevision) throw draftConflict(current);
  // A clone keeps only what the edit overrides; its locked fields cannot change.
  const stored = current.clone ? { definition: {}, clone: { ...current.clone, overrides: await cloneOverrides(deps, current.clone, definition) } } : { definition };
  const draft: Draft = { jurisdiction, itemId, revision: expectedRevision + 1, ...stored, updatedAt: deps.clock().toISOString(), updatedBy: who.sub };
  const saved = await withEffectiveDefinition(deps, draft);
  await onConflict(deps.store.saveDraft(draft, expectedRevision, name, cloneDraftSummary(saved)), (there?: Draft) => {
    throw there ? draftConflict(there) : itemNotFound();
  });
  return saved;
}

export async function checkDraft(deps: AppDeps, jurisdiction: string, itemId: string): Promise<{ revision: number; issues: CheckIssue[] }> {
  const [draft, departments] = await Promise.all([getDraft(deps, jurisdiction, itemId), departmentsOnRecord(deps, jurisdiction)]);
  return { revision: draft.revision, issues: publishIssues(draft.definition, departments).issues };
}

/** Every publish-time check, then — for a model that passes them — a render of the blank application page. */
function publishIssues(definition: unknown, departments: Awaited<ReturnType<typeof departmentsOnRecord>>) {
  const { item, issues } = runPublishChecks(definition, { departments });
  return { item, issues: item && issues.length === 0 ? renderIssues(item) : issues };
}

/** Publishes the draft as the next immutable version, if it passes every publish-time check. */
export async function publish(
  deps: AppDeps,
  who: Principal,
  jurisdiction: string,
  itemId: string,
  options: { expectedRevision?: number; changeNote?: string },
): Promise<ItemVersion> {
  const [draft, head, departments] = await Promise.all([getDraft(deps, jurisdiction, itemId), deps.store.getHead(jurisdiction, itemId), departmentsOnRecord(deps, jurisdiction)]);
  if (!head) throw itemNotFound();
  if (options.expectedRevision !== undefined && options.expectedRevision !== draft.revision) throw draftConflict(draft);
  if (head.state === 'cancelled') throw itemCancelled();
  // One version per draft revision: a retried or concurrent publish of the same draft gets the version it made.
  if (head.version > 0 && head.publishedRevision === draft.revision) return getVersion(deps, jurisdiction, itemId, head.version);
  const { item, issues } = publishIssues(draft.definition, departments);
  if (!item || issues.length > 0) throw publishChecksFailed(issues);
  const now = deps.clock().toISOString();
  const version = head.version + 1;
  const changeNote = options.changeNote?.trim() || undefined;
  const published: ItemVersion = {
    jurisdiction,
    itemId,
    version,
    publishedAt: now,
    publishedBy: who.sub,
    publishedByName: who.name,
    ...(changeNote ? { changeNote } : {}),
    definition: { ...item, meta: { version, publishedAt: now, publishedBy: who.sub, publishedByName: who.name, ...(changeNote ? { changeNote } : {}) } },
  };
  // A suspended item stays suspended through a new version; a first publish opens it.
  await onConflict(deps.store.publish(published, summaryOf(published.definition), head.version, head.state === 'suspended' ? 'suspended' : 'published', draft.revision), () => {
    throw publishConflict();
  });
  return published;
}

export async function getVersion(deps: AppDeps, jurisdiction: string, itemId: string, version: number): Promise<ItemVersion> {
  const found = await deps.store.getVersion(jurisdiction, itemId, version);
  if (!found) throw notFound(`事项版本 ${version}`, `version ${version} of the item`);
  return found;
}

/** A change between two versions, labelled and in words for officials (see item-schemas' change-labels). */
export type Change = LabelledChange;

/** What changed between two versions, field by field and element by element (version metadata left out). */
export async function diffVersions(deps: AppDeps, jurisdiction: string, itemId: string, from: number, to: number): Promise<Change[]> {
  const [a, b] = await Promise.all([getVersion(deps, jurisdiction, itemId, from), getVersion(deps, jurisdiction, itemId, to)]);
  return itemChanges(a.definition, b.definition);
}

const transitions: Record<'suspend' | 'resume' | 'cancel', { to: ItemState; from: ItemState[]; zh: string; en: string }> = {
  suspend: { to: 'suspended', from: ['published'], zh: '只有已发布的事项可以挂起', en: 'only a published item can be suspended' },
  resume: { to: 'published', from: ['suspended'], zh: '只有挂起的事项可以恢复', en: 'only a suspended item can be resumed' },
  cancel: { to: 'cancelled', from: ['draft', 'published', 'suspended'], zh: '事项已取消', en: 'the item is already cancelled' },
};

/** Suspends, resumes or cancels an item. Open cases finish under their pinned versions either way. */
export async function changeState(deps: AppDeps, jurisdiction: string, itemId: string, action: keyof typeof transitions): Promise<ItemHead> {
  const t = transitions[action];
  const head = await onConflict(deps.store.setState(jurisdiction, itemId, t.to, t.from, deps.clock().toISOString()), (there) => {
    // No head there means no such item.
    throw there ? invalidState(t.zh, t.en) : itemNotFound();
  });
  if (t.to === 'cancelled') await markClonesOfCancelled(deps, jurisdiction, itemId);
  return head;
}
