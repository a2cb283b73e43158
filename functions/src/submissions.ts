import { createHash, randomBytes } from 'node:crypto';
import { applicantOf, checkSubmissionMaterials, dueDate, shanghaiDateOf, validateAnswers, type ItemDefinition } from '@onevisit/item-schemas';
import type { ApplicantAction } from './cases/actions';
import type { CaseRecord, StoredCase } from './cases/record';
import { formatTrackingNumber, numberingDay, parseTrackingNumber } from './cases/tracking-number';
import { act, applicantView, sendNotices, settle } from './cases/service';
import type { AppDeps } from './deps';
import { onConflict } from './conflicts';
import { fileRequired, idempotencyKeyReused, invalidAnswers, itemNotAccepting, materialsMissing, materialsNotAsked, notAwaited, notFound, unknownMaterials } from './errors';
import type { FileInfo, ItemVersion } from './records';
import { inspectUpload, markFiled } from './uploads';
import { displayTrackingCode, trackingCode, trackingCodeHash, trackingCodeMatches } from './cases/tracking-code';

/**
 * Submitting an application. The server is the authority: answers are validated against the
 * pinned version, materials computed from the answers, due dates taken from the calendar
 * engine. The same idempotency key always yields the same case.
 */

export interface Submission {
  answers: Record<string, unknown>;
  /** Uploaded file keys per material id. */
  materials: Record<string, string[]>;
  /** Materials replaced by a signed promise (告知承诺), where allowed. */
  promised: string[];
  /** The names the applicant's files had, by key: officers open 营业执照.pdf, not a random key. */
  fileNames?: Record<string, string>;
}

/** A file name as shown: no control characters or path separators, at most 200 characters. */
const shownName = (name: string | undefined) => name?.replace(/[\u0000-\u001f\u007f/\\]/g, '').trim().slice(0, 200) || undefined;

export interface SubmitResult {
  created: boolean;
  case: CaseRecord;
  secret: string;
}

/** The published version an applicant may file under now. */
export async function acceptingVersion(deps: AppDeps, jurisdiction: string, itemId: string): Promise<ItemVersion> {
  const head = await deps.store.getHead(jurisdiction, itemId);
  if (!head || head.version === 0) throw notFound('事项', 'item');
  if (head.state !== 'published') throw itemNotAccepting(head.state === 'cancelled');
  const version = await deps.store.getVersion(jurisdiction, itemId, head.version);
  if (!version) throw notFound('事项', 'item');
  return version;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/** A key-stable JSON rendering, so a retry of the same request hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The applicant's 查询码: derived from the idempotency key so a retry can return it again. */
const secretFor = (deps: AppDeps, trackingNumber: string, idempotencyKey: string) => trackingCode(deps.secret, trackingNumber, idempotencyKey);

async function checkMaterials(deps: AppDeps, jurisdiction: string, item: ItemDefinition, answers: Record<string, unknown>, submission: Submission) {
  const known = new Map(item.materials.map((m) => [m.id, m]));
  const unknown = [...Object.keys(submission.materials), ...submission.promised].filter((id) => !known.has(id));
  if (unknown.length > 0) throw unknownMaterials(unknown);
  const supplied = Object.entries(submission.materials).filter(([, keys]) => keys.length > 0).map(([id]) => id);
  const result = checkSubmissionMaterials(item, answers, supplied, submission.promised);
  if (result.missing.length > 0) throw materialsMissing(result.missing);
  if (result.unexpected.length > 0) throw materialsNotAsked(result.unexpected.map((id) => known.get(id)!));
  const files = new Map<string, FileInfo[]>();
  for (const id of supplied) {
    const inspected = await Promise.all(submission.materials[id]!.map((key) => inspectUpload(deps, jurisdiction, item, known.get(id)!, key)));
    files.set(id, inspected.map((f) => ({ ...f, name: shownName(submission.fileNames?.[f.key]) ?? f.name })));
  }
  return { files, deferred: result.deferred, promised: submission.promised.filter((id) => !supplied.includes(id)) };
}

export async function submit(
  deps: AppDeps,
  jurisdiction: string,
  itemId: string,
  submission: Submission,
  idempotencyKey: string = randomBytes(16).toString('hex'),
): Promise<SubmitResult> {
  const version = await acceptingVersion(deps, jurisdiction, itemId);
  const item = version.definition;
  const validated = validateAnswers(item.form, submission.answers);
  if (!validated.valid) throw invalidAnswers(validated.errors);
  const materials = await checkMaterials(deps, jurisdiction, item, validated.answers, submission);

  const now = deps.clock();
  const receivedOn = shanghaiDateOf(now);
  // The same application is the same answers and the same materials supplied; a resend stores its
  // files under new keys, so the keys themselves do not count.
  const supplied = Object.fromEntries(Object.entries(submission.materials).map(([id, keys]) => [id, keys.length]));
  const requestHash = hash(canonical({ jurisdiction, itemId, version: version.version, answers: submission.answers, supplied, promised: [...submission.promised].sort() }));
  // The serial is taken before the key is claimed, so a retry leaves a gap in the day's numbers
  // rather than spending a read on every first attempt.
  const serial = await deps.store.nextSerial(jurisdiction, numberingDay(receivedOn));
  const fresh = formatTrackingNumber(jurisdiction, receivedOn, serial);
  const claim = await deps.store.claimIdempotencyKey(jurisdiction, idempotencyKey, { trackingNumber: fresh, requestHash });
  if (claim && claim.requestHash !== requestHash) throw idempotencyKeyReused();
  const trackingNumber = claim?.trackingNumber ?? fresh;
  const secret = secretFor(deps, trackingNumber, idempotencyKey);
  if (claim) {
    const existing = await deps.store.getCase(jurisdiction, trackingNumber);
    if (existing) return { created: false, case: applicantView(existing), secret };
    // The first attempt claimed the key but stopped before storing the case: finish its work.
  }

  const calendar = await deps.calendars.forJurisdiction(jurisdiction);
  const supplement = materials.deferred.length > 0 ? dueDate(calendar, { from: receivedOn, limit: { value: item.deficiencyAcceptance.supplementDays, unit: 'workday' } }).due : undefined;
  const received: StoredCase = {
    trackingNumber,
    jurisdiction,
    itemId,
    itemName: item.name,
    version: version.version,
    departmentId: item.department.creditCode,
    status: 'received',
    revision: 1,
    submittedAt: now.toISOString(),
    receivedOn,
    answers: validated.answers,
    applicant: applicantOf(item.form, validated.answers),
    materials: [
      ...[...materials.files].map(([materialId, files]) => ({ materialId, name: item.materials.find((m) => m.id === materialId)!.name, status: 'supplied' as const, files })),
      ...materials.promised.map((materialId) => ({ materialId, name: item.materials.find((m) => m.id === materialId)!.name, status: 'promised' as const, files: [] })),
      ...materials.deferred.map((m) => ({ materialId: m.id, name: m.name, status: 'deferred' as const, files: [], supplementDue: supplement! })),
    ],
    pauses: [],
    warnings: {},
    due: { promised: { due: receivedOn, provisional: false } },
    calendarVersion: calendar.version,
    history: [{ at: now.toISOString(), actor: 'applicant', action: 'submitted', to: 'received', ...(supplement ? { note: `容缺材料补交期限 ${supplement}` } : {}) }],
    secretHash: trackingCodeHash(secret),
    idempotencyKey,
  };
  const settled = settle(received, { item, calendar, settings: await deps.caseSettings.forJurisdiction(jurisdiction) }, receivedOn);
  await markFiled(deps, [...materials.files.values()].flat());
  // Two retries raced past the claim: the other stored the same case.
  const storedFirst = await onConflict<StoredCase | undefined, StoredCase>(deps.store.saveCase(settled.case, 'new', settled).then(() => undefined), (existing) => existing!);
  if (storedFirst) return { created: false, case: applicantView(storedFirst), secret };
  const c = settled.case;
  const deferred = c.due.supplement ? `，请于${c.due.supplement.due}前补交容缺材料` : '';
  await sendNotices(deps, c, item, [{
    to: 'applicant',
    topic: 'received',
    text: `您申请的「${c.itemName}」已收到，受理编号 ${c.trackingNumber}，查询码 ${displayTrackingCode(secret)}，承诺${c.due.promised.due}前办结${deferred}。`,
    text_en: `Your application ${c.trackingNumber} was received (tracking code ${displayTrackingCode(secret)}); it is promised to be decided by ${c.due.promised.due}.`,
  }, { to: 'department', topic: 'received', text: `新收件 ${c.trackingNumber}「${c.itemName}」，请于${c.due.acceptance!.due}前作出受理决定`, text_en: `New case ${c.trackingNumber}; decide on acceptance by ${c.due.acceptance!.due}` }], now);
  return { created: true, case: applicantView(c), secret };
}

/** The applicant's case: the tracking number and the secret, or nothing at all. */
async function applicantCase(deps: AppDeps, typedNumber: string, secret: string | undefined): Promise<StoredCase> {
  const number = parseTrackingNumber(typedNumber);
  const found = secret && number ? await deps.store.getCase(number.jurisdiction, number.trackingNumber) : undefined;
  if (!found || !trackingCodeMatches(found.secretHash, secret!)) throw notFound('办件', 'case');
  return found;
}

/** Progress for the applicant. */
export async function track(deps: AppDeps, trackingNumber: string, secret: string | undefined): Promise<CaseRecord> {
  return applicantView(await applicantCase(deps, trackingNumber, secret));
}

/**
 * A 容缺 material supplied after submission, by the applicant (tracking number and secret). The
 * file is checked like any upload against the material of the version the case was filed under.
 */
export async function supplyLater(deps: AppDeps, trackingNumber: string, secret: string | undefined, materialId: string, keys: string[]): Promise<CaseRecord> {
  const found = await applicantCase(deps, trackingNumber, secret);
  if (!found.materials.some((m) => m.materialId === materialId && m.status === 'deferred')) throw notAwaited();
  if (keys.length === 0) throw fileRequired();
  const files = await inspectFiles(deps, found, materialId, keys);
  return applicantView((await act(deps, found, { type: 'supplement', materialId, files }, { actor: APPLICANT })).case);
}

const APPLICANT = { id: 'applicant', name: '申请人' };

/** Uploaded keys checked against a material of the case's pinned version. */
export async function inspectFiles(deps: AppDeps, c: StoredCase, materialId: string, keys: string[]): Promise<FileInfo[]> {
  const version = await deps.store.getVersion(c.jurisdiction, c.itemId, c.version);
  const material = version!.definition.materials.find((m) => m.id === materialId);
  if (!material) throw unknownMaterials([materialId]);
  const files = await Promise.all(keys.map((key) => inspectUpload(deps, c.jurisdiction, version!.definition, material, key)));
  await markFiled(deps, files);
  return files;
}

/** What the applicant may do to their case: withdraw, rate, supply the corrections. */
export async function applicantAct(deps: AppDeps, trackingNumber: string, secret: string | undefined, action: ApplicantAction, key?: string): Promise<CaseRecord> {
  const found = await applicantCase(deps, trackingNumber, secret);
  const resolved =
    action.type === 'supplyCorrection'
      ? { ...action, materials: Object.fromEntries(await Promise.all(Object.entries(action.materials).map(async ([id, keys]) => [id, await inspectFiles(deps, found, id, keys)] as const))) }
      : action;
  return applicantView((await act(deps, found, resolved, { actor: APPLICANT, ...(key ? { key } : {}) })).case);
}
