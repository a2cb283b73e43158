import { createHash, randomBytes } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { checkSubmissionMaterials, dueDate, shanghaiDateOf, validateAnswers, type AnswerError, type ItemDefinition, type Material, type WorkCalendar } from '@onevisit/item-schemas';
import { onConflict } from '../conflicts';
import { countMove, countsOfMove } from '../supervision/counting';
import { ConflictError } from '../store/store';
import type { AppDeps } from '../deps';
import { idempotencyKeyReused, invalidAnswers, itemNotAccepting, materialsMissing, materialsNotAsked, notFound, unknownMaterials, type ApiError } from '../errors';
import type { FileInfo, ItemVersion } from '../records';
import { postingAddress, type WindowIntake } from '../window/desk-record';
import { filedAs, inspectUpload, markFiled } from '../uploads';
import { onlineIntakeRefusal } from './intake-terms';
import { receive, receiptNotices, type NoticeIntent } from './lifecycle';
import type { CaseChannel, CaseRecord, StoredCase } from './record';
import { messagesFor, withMessages } from './messages';
import { applicantView, messagesWritten, settle } from './service';
import { trackingCode, trackingCodeHash } from './tracking-code';
import { formatTrackingNumber, numberingDay } from './tracking-number';

/**
 * Intake (收件): an application checked against the version it is filed under, once, then
 * received as a case. The server is the authority: answers are validated against the pinned
 * version, materials computed from the answers, due dates taken from the calendar engine. The
 * same idempotency key always yields the same case.
 */

/** An application as the API takes it: answers, uploaded file keys per material, promises. */
export const ZSubmission = z
  .object({
    answers: z.record(z.string(), z.unknown()),
    materials: z.record(z.string().max(64), z.array(z.string().max(300)).max(20)).default({}),
    promised: z.array(z.string().max(64)).max(200).default([]),
    fileNames: z
      .record(z.string().max(300), z.string().max(200))
      .default({})
      .openapi({ description: '上传文件的原文件名(按文件 key)，供工作人员查看 / the files’ own names by key, shown to officers' }),
  })
  .openapi('Submission');
export type Submission = z.infer<typeof ZSubmission>;

/** The version in force (neither suspended nor cancelled), whatever its dates and channels: what the checklist tells. */
export async function publishedVersion(deps: AppDeps, jurisdiction: string, itemId: string): Promise<ItemVersion> {
  const head = await deps.store.getAcceptingHead(jurisdiction, itemId);
  if (!head || head.version === 0) throw notFound('事项', 'item');
  if (head.state !== 'published') throw itemNotAccepting(head.state === 'cancelled');
  const version = await deps.store.getVersion(jurisdiction, itemId, head.version);
  if (!version) throw notFound('事项', 'item');
  return version;
}

/** The published version an applicant may file under online today: within its planned dates, and online among its channels. */
export async function acceptingVersion(deps: AppDeps, jurisdiction: string, itemId: string): Promise<ItemVersion> {
  const version = await publishedVersion(deps, jurisdiction, itemId);
  const refused = onlineIntakeRefusal(version.definition, shanghaiDateOf(deps.clock()));
  if (refused) throw refused;
  return version;
}

/** What an application lacks or has too much of; all empty when it can be received. */
export interface ApplicationCheck {
  /** The answers that count: hidden fields and keys the form does not define left out. */
  answers: Record<string, unknown>;
  /** Answers to correct, each at its field. */
  fields: AnswerError[];
  /** Materials named that the item does not have. */
  unknown: string[];
  /** Required materials neither supplied nor replaced by a promise. */
  missing: Material[];
  /** Materials supplied that these answers do not ask for: shared (免交) or not applicable. */
  notAsked: Material[];
  /** 容缺 materials not supplied: received all the same, to come later. */
  deferred: Material[];
}

/**
 * Checks an application against its item: the answers, and for them the materials supplied
 * (`files`: file keys per material; `promised`: materials a signed promise replaces). Problems
 * come back as data, for each route to say in its own way.
 */
export function checkApplication(item: ItemDefinition, answers: Record<string, unknown>, supplied: { files: Record<string, readonly string[]>; promised?: readonly string[] }): ApplicationCheck {
  const validated = validateAnswers(item.form, answers);
  const known = new Map(item.materials.map((m) => [m.id, m]));
  const promised = supplied.promised ?? [];
  const withFiles = Object.keys(supplied.files).filter((id) => supplied.files[id]!.length > 0);
  const materials = checkSubmissionMaterials(item, validated.answers, withFiles, promised);
  return {
    answers: validated.answers,
    fields: validated.errors,
    unknown: [...Object.keys(supplied.files), ...promised].filter((id) => !known.has(id)),
    missing: materials.missing,
    notAsked: materials.unexpected.flatMap((id) => known.get(id) ?? []),
    deferred: materials.deferred,
  };
}

/** The API's refusal of an application with problems: the first kind found, the answers before the materials. */
export function refusalOf(check: ApplicationCheck): ApiError | undefined {
  if (check.fields.length > 0) return invalidAnswers(check.fields);
  if (check.unknown.length > 0) return unknownMaterials(check.unknown);
  if (check.missing.length > 0) return materialsMissing(check.missing);
  if (check.notAsked.length > 0) return materialsNotAsked(check.notAsked);
  return undefined;
}

/** An application ready to be received: checked without problems, its files checked against their materials. */
export interface Application {
  /** The answers as sent: a resend is recognised by them. */
  sent: Record<string, unknown>;
  check: ApplicationCheck;
  /** The files per material named, as checked (a material may be named with none). */
  files: Record<string, FileInfo[]>;
  /** Materials a signed promise replaces, as sent. */
  promised: string[];
  /** 申报来源 (channelOf for the citizen pages and the API). */
  channel?: CaseChannel;
  /** Taken at a service window: what the window recorded, and the materials it received without a file (on paper, or online). */
  window?: { intake: WindowIntake; received: string[] };
}

export interface Receipt {
  created: boolean;
  case: CaseRecord;
  /** The 查询码, shown once. */
  secret: string;
}

export const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/** A key-stable JSON rendering, so a retry of the same request hashes the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A fresh tracking number of the day, from the serials this process reserved. */
async function freshNumber(deps: AppDeps, jurisdiction: string, receivedOn: string): Promise<string> {
  return formatTrackingNumber(jurisdiction, receivedOn, await deps.store.nextSerial(jurisdiction, numberingDay(receivedOn)));
}

/**
 * An application's tracking number and 查询码: a fresh number, or, for a retry of a key the
 * client chose, the number its first attempt claimed (`claim` then says so; the same key with a
 * different request is refused). The key is claimed here, in a write of its own: a 一件事's
 * parent needs its number fixed before its items are received.
 */
export async function numberApplication(deps: AppDeps, jurisdiction: string, receivedOn: string, requestHash: string, idempotencyKey?: string) {
  // The serial is taken before the key is claimed, so a retry leaves a gap in the day's numbers
  // rather than spending a read on every first attempt.
  const fresh = await freshNumber(deps, jurisdiction, receivedOn);
  // Only a key the client chose can come again: one made here needs no claim.
  const claim = idempotencyKey ? await deps.store.claimIdempotencyKey(jurisdiction, idempotencyKey, { trackingNumber: fresh, requestHash }) : undefined;
  if (claim && claim.requestHash !== requestHash) throw idempotencyKeyReused();
  const key = idempotencyKey ?? randomBytes(16).toString('hex');
  const trackingNumber = claim?.trackingNumber ?? fresh;
  return { claim, key, trackingNumber, secret: trackingCode(deps.secret, trackingNumber, key) };
}

/** A tracking number, the idempotency key it is filed under and its 查询码. */
interface Numbered {
  trackingNumber: string;
  key: string;
  secret: string;
}

/** A case ready to be written: settled (with the index keys its state calls for), its messages in its outbox. */
interface OpenedCase {
  stored: StoredCase;
  settled: { queueDue?: string; nextCheck?: string };
  files: FileInfo[];
  secret: string;
  /** What it was opened under, for the supervision counters. */
  rules: { item: ItemDefinition; calendar: WorkCalendar };
}

/** How an application is received, whatever its number: what receiveApplication was given. */
interface Intake {
  version: ItemVersion;
  application: Application;
  now: Date;
  receivedOn: string;
  bundle?: { link: NonNullable<CaseRecord['bundle']>; applicantNotices: NoticeIntent[] };
}

/**
 * Receives an application under the version it was checked against: numbers it, opens the case
 * (the lifecycle's receive), settles its clocks, and stores it with the messages receipt sends
 * in its outbox, with the claim of the idempotency key the client sent (one write where the
 * store has transactions: saveClaimedCase). A base item's case filed with a 一件事 names its
 * parent (`bundle.link`), and tells the applicant what the bundle tells instead of its own
 * receipt (one set of messages for one application).
 */
export async function receiveApplication(deps: AppDeps, version: ItemVersion, application: Application, idempotencyKey?: string, bundle?: Intake['bundle']): Promise<Receipt> {
  const { jurisdiction, itemId } = version;
  const now = deps.clock();
  const receivedOn = shanghaiDateOf(now);
  const intake: Intake = { version, application, now, receivedOn, ...(bundle ? { bundle } : {}) };
  const trackingNumber = await freshNumber(deps, jurisdiction, receivedOn);
  // Only a key the client chose can come again: one made here needs no claim, and the case's own
  // conditional write (new numbers only) is the only write.
  if (!idempotencyKey) {
    const key = randomBytes(16).toString('hex');
    return saveNew(deps, await openCase(deps, intake, { trackingNumber, key, secret: trackingCode(deps.secret, trackingNumber, key) }));
  }
  // The same application is the same answers and the same materials supplied; a resend stores its
  // files under new keys, so the keys themselves do not count.
  const supplied = Object.fromEntries(Object.entries(application.files).map(([id, files]) => [id, files.length]));
  const requestHash = hash(canonical({ jurisdiction, itemId, version: version.version, answers: application.sent, supplied, promised: [...application.promised].sort(), ...(application.window ? { window: application.window } : {}) }));
  const opened = await openCase(deps, intake, { trackingNumber, key: idempotencyKey, secret: trackingCode(deps.secret, trackingNumber, idempotencyKey) });
  await markFiled(deps, opened.files);
  // Where the store has transactions, the counters the case adds go in its write (exactly once,
  // with it); where only this process writes it, with the group of cases it is written in.
  const counted = deps.store.transactions || deps.store.exclusive;
  let earlier;
  try {
    earlier = await deps.store.saveClaimedCase(opened.stored, opened.settled, { key: idempotencyKey, requestHash }, counted ? countsOfMove(undefined, opened.stored, opened.rules) : []);
  } catch (error) {
    // Without transactions, a retry that found the claim and no case yet may store the case first.
    const there = error instanceof ConflictError ? (error.existing as StoredCase | undefined) : undefined;
    if (there?.idempotencyKey !== idempotencyKey) throw error;
    return { created: false, case: applicantView(there), secret: opened.secret };
  }
  if (!earlier) return created(deps, opened, counted);
  // The key was claimed already: by a retry of this application (its case is the answer) or by another, refused.
  if (earlier.requestHash !== requestHash) throw idempotencyKeyReused();
  const secret = trackingCode(deps.secret, earlier.trackingNumber, idempotencyKey);
  const existing = await deps.store.getCase(jurisdiction, earlier.trackingNumber);
  if (existing) return { created: false, case: applicantView(existing), secret };
  // The first attempt claimed the key but stopped before storing the case (a store without
  // transactions, or a concurrent retry still writing it): finish its work under its number.
  return saveNew(deps, await openCase(deps, intake, { trackingNumber: earlier.trackingNumber, key: idempotencyKey, secret }));
}

/** The case an application opens under its number, settled, with the messages its receipt sends. */
async function openCase(deps: AppDeps, intake: Intake, { trackingNumber, key, secret }: Numbered): Promise<OpenedCase> {
  const { version, application, now, receivedOn, bundle } = intake;
  const { jurisdiction, itemId } = version;
  const item = version.definition;
  const [calendar, settings] = await Promise.all([deps.calendars.forJurisdiction(jurisdiction), deps.caseSettings.forJurisdiction(jurisdiction)]);
  const { check } = application;
  // A window's paper and online materials are supplied without a file.
  const received = (application.window?.received ?? []).map((id): [string, FileInfo[]] => [id, []]);
  const filed = [...Object.entries(application.files).filter(([, files]) => files.length > 0), ...received];
  const filedIds = new Set(filed.map(([id]) => id));
  const deferred = check.deferred.map((m) => m.id);
  const supplementDue = deferred.length > 0 ? dueDate(calendar, { from: receivedOn, limit: { value: item.deficiencyAcceptance.supplementDays, unit: 'workday' } }).due : undefined;
  const opened = receive(
    {
      trackingNumber,
      jurisdiction,
      itemId,
      version: version.version,
      answers: check.answers,
      supplied: filed.map(([materialId, files]) => ({ materialId, files })),
      promised: application.promised.filter((id) => !filedIds.has(id)),
      deferred,
      ...(supplementDue ? { supplementDue } : {}),
      ...(application.channel ? { channel: application.channel } : {}),
    },
    { item, today: receivedOn, at: now.toISOString() },
  );
  const settled = settle<StoredCase>({ ...opened, ...(application.window ? atWindow(opened, application.window.intake) : {}), ...(bundle ? { bundle: bundle.link } : {}), secretHash: trackingCodeHash(secret), idempotencyKey: key }, { item, calendar, settings }, receivedOn);
  // The receipt's messages name the due dates, so they are made from the settled case.
  const notices = bundle ? [...receiptNotices(settled.case, secret).filter((n) => n.to !== 'applicant'), ...bundle.applicantNotices] : receiptNotices(settled.case, secret);
  const stored = withMessages(settled.case, messagesFor(settled.case, item, notices, now));
  return { stored, settled, files: filed.flatMap(([, files]) => files), secret, rules: { item, calendar } };
}

/** A window case: the window's record, the applicant as the window identified them, and the officer who entered it. */
function atWindow(opened: CaseRecord, intake: WindowIntake): Partial<CaseRecord> {
  const { applicant, officer } = intake;
  const mobile = applicant.phone && /^1\d{10}$/.test(applicant.phone) ? applicant.phone : opened.applicant?.mobile;
  const collection = intake.collection;
  return {
    window: intake,
    ...(collection ? { resultDelivery: collection.method === 'post' ? { method: 'post', address: postingAddress(collection) } : { method: 'window' } } : {}),
    applicant: { name: applicant.name, idNumber: applicant.idNumber, ...(mobile ? { mobile } : {}) },
    history: opened.history.map((h, i) => (i === 0 ? { ...h, actor: officer.id, actorName: officer.name, note: [`窗口收件(${intake.window.name} ${intake.window.number} 号窗口)`, h.note].filter(Boolean).join('；') } : h)),
  };
}

/** Writes a new case alone (its key claimed already, or none sent); a retry that stored it first is answered with that one. */
async function saveNew(deps: AppDeps, opened: OpenedCase): Promise<Receipt> {
  await markFiled(deps, opened.files);
  // Two retries raced past the claim: the other stored the same case, which the conflict carries.
  const storedFirst = await onConflict<StoredCase | undefined, StoredCase>(deps.store.saveCase(opened.stored, 'new', opened.settled).then(() => undefined), (existing) => existing!);
  if (storedFirst) return { created: false, case: applicantView(storedFirst), secret: opened.secret };
  return created(deps, opened);
}

/** A case just written: its messages handed on, its counts added unless its write added them. */
async function created(deps: AppDeps, opened: OpenedCase, counted = false): Promise<Receipt> {
  messagesWritten(deps, opened.stored);
  if (!counted) await countMove(deps, undefined, opened.stored, opened.rules);
  return { created: true, case: applicantView(opened.stored), secret: opened.secret };
}

/**
 * The files named per material (by key, each under the name `nameOf` gives it), checked against
 * the version's materials: a file this very request stored (`stored`) is taken as it is, any
 * other key is an earlier upload and is checked again.
 */
export async function checkedFiles(
  deps: AppDeps,
  version: ItemVersion,
  keys: Record<string, readonly string[]>,
  nameOf: (key: string) => string | undefined,
  stored: ReadonlyMap<string, FileInfo> = new Map(),
): Promise<Record<string, FileInfo[]>> {
  const files: Record<string, FileInfo[]> = {};
  // One material after another, so the first problem found is always the same one.
  for (const [materialId, list] of Object.entries(keys)) {
    const material = version.definition.materials.find((m) => m.id === materialId)!;
    files[materialId] = await Promise.all(list.map(async (key) => stored.get(key) ?? filedAs(await inspectUpload(deps, version.jurisdiction, version.definition, material, key), nameOf(key))));
  }
  return files;
}

/** An application through the API: checked once, its uploads checked by key against their materials, then received. */
export async function submit(deps: AppDeps, jurisdiction: string, itemId: string, sent: Submission, channel: CaseChannel, idempotencyKey?: string): Promise<Receipt> {
  const version = await acceptingVersion(deps, jurisdiction, itemId);
  const item = version.definition;
  const check = checkApplication(item, sent.answers, { files: sent.materials, promised: sent.promised });
  const refused = refusalOf(check);
  if (refused) throw refused;
  const files = await checkedFiles(deps, version, sent.materials, (key) => sent.fileNames[key]);
  return receiveApplication(deps, version, { sent: sent.answers, check, files, promised: sent.promised, channel }, idempotencyKey);
}
