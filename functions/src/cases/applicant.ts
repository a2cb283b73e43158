import type { AppDeps } from '../deps';
import { fileRequired, notAwaited, notFound, unknownMaterials } from '../errors';
import type { FileInfo } from '../records';
import { inspectUpload, markFiled, storeUpload } from '../uploads';
import type { ApplicantAction, ResolvedApplicantAction } from './actions';
import type { CaseRecord, StoredCase } from './record';
import { act, applicantView } from './service';
import { trackingCodeMatches } from './tracking-code';
import { parseTrackingNumber } from './tracking-number';

/**
 * What the applicant does with their case, by its number and 查询码: follow it, supply a 容缺
 * material, withdraw, rate, supply the corrections asked for. Files are checked against the
 * materials of the version the case was filed under, and filed before the case is written.
 */

const APPLICANT = { id: 'applicant', name: '申请人' };

/** The applicant's case: the tracking number and the code, or nothing at all. */
export async function applicantCase(deps: AppDeps, typedNumber: string, code: string | undefined): Promise<StoredCase> {
  const number = parseTrackingNumber(typedNumber);
  const found = code && number ? await deps.store.getCase(number.jurisdiction, number.trackingNumber) : undefined;
  if (!found || !trackingCodeMatches(found.secretHash, code!)) throw notFound('办件', 'case');
  return found;
}

/** Progress for the applicant. */
export async function track(deps: AppDeps, typedNumber: string, code: string | undefined): Promise<CaseRecord> {
  return applicantView(await applicantCase(deps, typedNumber, code));
}

async function pinnedItem(deps: AppDeps, c: StoredCase) {
  return (await deps.store.getVersion(c.jurisdiction, c.itemId, c.version))!.definition;
}

/** Files uploaded beforehand and named by key (the API), checked against a material of the case's version. */
export async function uploadedFiles(deps: AppDeps, c: StoredCase, materialId: string, keys: string[]): Promise<FileInfo[]> {
  if (keys.length === 0) throw fileRequired();
  const item = await pinnedItem(deps, c);
  const material = item.materials.find((m) => m.id === materialId);
  if (!material) throw unknownMaterials([materialId]);
  return Promise.all(keys.map((key) => inspectUpload(deps, c.jurisdiction, item, material, key)));
}

/** A file chosen on the tracking page, checked against a material of the case's version and stored: it is filed as it is, not read back. */
export async function storedFile(deps: AppDeps, c: StoredCase, materialId: string, file: { name: string; bytes: Uint8Array } | undefined): Promise<FileInfo> {
  const item = await pinnedItem(deps, c);
  const material = item.materials.find((m) => m.id === materialId);
  if (!material || !file) throw fileRequired();
  return storeUpload(deps, c.jurisdiction, item, material, file);
}

/** A 容缺 material supplied after submission; its files are taken (checked or stored) only once it is known to be awaited. */
export async function supplyLater(deps: AppDeps, c: StoredCase, materialId: string, files: () => Promise<FileInfo[]>): Promise<CaseRecord> {
  if (!c.materials.some((m) => m.materialId === materialId && m.status === 'deferred')) throw notAwaited();
  return applicantAct(deps, c, { type: 'supplement', materialId, files: await files() });
}

/** The API's action, its correction files named by key and checked here. */
export async function withCheckedFiles(deps: AppDeps, c: StoredCase, action: ApplicantAction): Promise<ResolvedApplicantAction> {
  if (action.type !== 'supplyCorrection') return action;
  const checked = await Promise.all(Object.entries(action.materials).map(async ([id, keys]) => [id, await uploadedFiles(deps, c, id, keys)] as const));
  return { ...action, materials: Object.fromEntries(checked) };
}

/** What the applicant may do to their case: withdraw, rate, supply the corrections or a 容缺 material. */
export async function applicantAct(deps: AppDeps, c: StoredCase, action: ResolvedApplicantAction, key?: string): Promise<CaseRecord> {
  const files = action.type === 'supplement' ? action.files : action.type === 'supplyCorrection' ? Object.values(action.materials).flat() : [];
  await markFiled(deps, files);
  return applicantView((await act(deps, c, action, { actor: APPLICANT, ...(key ? { key } : {}) })).case);
}
