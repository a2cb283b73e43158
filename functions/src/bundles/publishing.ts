import { bundleChecks, ZItemId, type BaseHead, type BaseVersions, type BundleDefinition, type BundleDefinitionInput } from '@onevisit/item-schemas';
import { bundleTemplates } from '@onevisit/item-schemas/templates';
import type { Principal } from '../auth';
import { onConflict } from '../conflicts';
import type { AppDeps } from '../deps';
import { ApiError, draftConflict, draftTooLarge, invalidItemId, notFound, publishChecksFailed, publishConflict } from '../errors';
import { MAX_DRAFT_BYTES } from '../items';
import type { BundleDraft, BundleHead, BundleVersion } from './records';

/** A 一件事's draft and its publishing, for its jurisdiction's administrators: the items' way, with the bundle's own checks. */

const bundleNotFound = () => notFound('一件事', 'bundle');
const bundleExists = (id: string) => new ApiError(409, 'BUNDLE_EXISTS', `一件事「${id}」已存在`, `the bundle "${id}" already exists`);
// The editor's new-bundle screen tells BUNDLE_EXISTS at the id field, whoever holds the id.
const idTakenByItem = (id: string, name: string) => new ApiError(409, 'BUNDLE_EXISTS', `「${id}」已是事项「${name}」的标识，一件事不能使用同一标识`, `"${id}" is the id of the item "${name}": a bundle cannot take it`);
const bundleIdMismatch = (id: string) => new ApiError(400, 'BUNDLE_ID_MISMATCH', `一件事标识应为「${id}」`, `the definition's id must be "${id}"`);

function nameOf(definition: Record<string, unknown>, bundleId: string): string {
  const size = JSON.stringify(definition).length;
  if (size > MAX_DRAFT_BYTES) throw draftTooLarge(Math.ceil(size / 1024), MAX_DRAFT_BYTES / 1024);
  if (definition.id !== bundleId) throw bundleIdMismatch(bundleId);
  return typeof definition.name === 'string' && definition.name.trim() ? definition.name.trim() : bundleId;
}

/** The pinned base versions of a bundle's items and the state of each base item now, by its key. */
export async function baseOf(deps: AppDeps, bundle: Pick<BundleDefinition, 'items'>): Promise<{ base: BaseVersions; heads: Record<string, BaseHead | undefined> }> {
  const base: Record<string, BaseVersions[string]> = {};
  const heads: Record<string, BaseHead | undefined> = {};
  await Promise.all(
    bundle.items.map(async (ref) => {
      const [version, head] = await Promise.all([deps.store.getVersion(ref.jurisdiction, ref.itemId, ref.version), deps.store.getHead(ref.jurisdiction, ref.itemId)]);
      if (version) base[ref.key] = version.definition;
      heads[ref.key] = head ? { state: head.state, version: head.version, name: head.draftName } : undefined;
    }),
  );
  return { base, heads };
}

/** A new bundle from a seed (`templateId`) or a definition the editor sends (possibly incomplete). Its id may not be an item's: both answer at /apply/{jurisdiction}/{id}. */
export async function createBundle(deps: AppDeps, who: Principal, jurisdiction: string, body: { bundleId: string; templateId?: string; definition?: Record<string, unknown> }): Promise<{ head: BundleHead; draft: BundleDraft }> {
  if (!ZItemId.safeParse(body.bundleId).success) throw invalidItemId();
  let definition: Record<string, unknown>;
  if (body.templateId) {
    const template: BundleDefinitionInput | undefined = bundleTemplates.find((t) => t.id === body.templateId);
    if (!template) throw notFound('模板', 'template');
    definition = { ...structuredClone(template), id: body.bundleId };
  } else definition = { ...(body.definition ?? {}), id: body.bundleId };
  const name = nameOf(definition, body.bundleId);
  const item = await deps.store.getHead(jurisdiction, body.bundleId);
  if (item) throw idTakenByItem(body.bundleId, item.draftName);
  const draft: BundleDraft = { jurisdiction, bundleId: body.bundleId, revision: 1, definition, updatedAt: deps.clock().toISOString(), updatedBy: who.sub };
  const head = await onConflict(deps.store.createBundle(draft, name), () => {
    throw bundleExists(body.bundleId);
  });
  return { head, draft };
}

export async function getBundleDraft(deps: AppDeps, jurisdiction: string, bundleId: string): Promise<BundleDraft> {
  const draft = await deps.store.getBundleDraft(jurisdiction, bundleId);
  if (!draft) throw bundleNotFound();
  return draft;
}

export async function saveBundleDraft(deps: AppDeps, who: Principal, jurisdiction: string, bundleId: string, expectedRevision: number, definition: Record<string, unknown>): Promise<BundleDraft> {
  const name = nameOf(definition, bundleId);
  const current = await getBundleDraft(deps, jurisdiction, bundleId);
  if (current.revision !== expectedRevision) throw draftConflict(current);
  const draft: BundleDraft = { jurisdiction, bundleId, revision: expectedRevision + 1, definition, updatedAt: deps.clock().toISOString(), updatedBy: who.sub };
  await onConflict(deps.store.saveBundleDraft(draft, expectedRevision, name), (there?: BundleDraft) => {
    throw there ? draftConflict(there) : bundleNotFound();
  });
  return draft;
}

/** The checks of the draft as it stands, against its base items as they are now. */
export async function checkBundleDraft(deps: AppDeps, jurisdiction: string, bundleId: string) {
  const draft = await getBundleDraft(deps, jurisdiction, bundleId);
  const items = Array.isArray(draft.definition.items) ? (draft.definition.items as BundleDefinition['items']).filter((i) => i && typeof i === 'object' && typeof i.key === 'string') : [];
  const { base, heads } = await baseOf(deps, { items });
  return { draft, ...bundleChecks(draft.definition, base, heads) };
}

/** The draft as the next immutable version, when every check passes (422 with the issues in words otherwise). */
export async function publishBundle(deps: AppDeps, who: Principal, jurisdiction: string, bundleId: string, options: { expectedRevision?: number; changeNote?: string } = {}): Promise<BundleVersion> {
  const [{ draft, bundle, issues }, head] = await Promise.all([checkBundleDraft(deps, jurisdiction, bundleId), deps.store.getBundleHead(jurisdiction, bundleId)]);
  if (!head) throw bundleNotFound();
  if (options.expectedRevision !== undefined && options.expectedRevision !== draft.revision) throw draftConflict(draft);
  if (!bundle || issues.length > 0) throw publishChecksFailed(issues);
  const changeNote = options.changeNote?.trim() || undefined;
  const version: BundleVersion = { jurisdiction, bundleId, version: head.version + 1, publishedAt: deps.clock().toISOString(), publishedBy: who.sub, publishedByName: who.name, ...(changeNote ? { changeNote } : {}), definition: bundle };
  await onConflict(deps.store.publishBundle(version, head.version, bundle.name), () => {
    throw publishConflict();
  });
  return version;
}
