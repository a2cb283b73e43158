import { createHash, randomBytes } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { shanghaiDateOf } from '@onevisit/item-schemas';
import type { z } from '@hono/zod-openapi';
import type { Principal } from '../auth';
import { TRACKING_NUMBER, jurisdictionOf } from '../cases/tracking-number';
import { onConflict } from '../conflicts';
import type { AppDeps } from '../deps';
import { ApiError, fileTooLarge, fileTypeNotAllowed, notFound } from '../errors';
import { idNumberProblem, idTypes } from '../window/desk-record';
import type { Assistance, AssistanceView, Letter, ZNewAssistance, ZNewFollowUp } from './records';

/**
 * Recording 帮办代办 at the window: the request with its 委托书 and the cases it covers, the list
 * of them with where each case stands, and the 回访 once every result was delivered.
 */

const MB = 1024 * 1024;
const LETTER_BYTES = 10 * MB;
const LETTER_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg']);
const letterKey = (jurisdiction: string) => new RegExp(`^assistance/${jurisdiction}/\\d{8}/[0-9a-f]{32}$`);

const refused = (code: string, zh: string, en: string, details?: unknown) => new ApiError(422, code, zh, en, details);
const staff = (who: Principal) => ({ id: who.sub, name: who.name });

/** The 委托书 as scanned: a PDF or an image, recognised from its content, kept outside the web root. */
export async function storeLetter(deps: AppDeps, jurisdiction: string, file: { name: string; bytes: Uint8Array }): Promise<Letter> {
  if (file.bytes.length > LETTER_BYTES) throw fileTooLarge(LETTER_BYTES / MB, '委托书');
  const contentType = (await fileTypeFromBuffer(file.bytes.subarray(0, 4100)))?.mime;
  if (!contentType || !LETTER_TYPES.has(contentType)) throw fileTypeNotAllowed(['PDF 或图片', 'PDF or image'], { detected: contentType ?? null }, '委托书');
  const key = `assistance/${jurisdiction}/${shanghaiDateOf(deps.clock()).replace(/-/g, '')}/${randomBytes(16).toString('hex')}`;
  await deps.files.write(key, file.bytes);
  return { key, name: file.name.slice(0, 200), contentType };
}

async function withCases(deps: AppDeps, record: Assistance): Promise<AssistanceView> {
  const found = await Promise.all(record.cases.map((n) => deps.store.getCase(record.jurisdiction, n)));
  return { ...record, caseStates: found.flatMap((c) => (c ? [{ trackingNumber: c.trackingNumber, itemName: c.itemName, status: c.status }] : [])) };
}

export async function listAssistance(deps: AppDeps, jurisdiction: string): Promise<AssistanceView[]> {
  const records = await deps.store.listAssistance(jurisdiction);
  records.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return Promise.all(records.map((r) => withCases(deps, r)));
}

export async function readAssistance(deps: AppDeps, jurisdiction: string, id: string): Promise<AssistanceView> {
  const found = /^[0-9a-f]{24}$/.test(id) ? await deps.store.getAssistance(jurisdiction, id) : undefined;
  if (!found) throw notFound('帮办代办记录', 'assistance record');
  return withCases(deps, found);
}

/** A new request; under a key already used, the record made the first time. */
export async function recordAssistance(deps: AppDeps, who: Principal, jurisdiction: string, body: z.infer<typeof ZNewAssistance>, key?: string): Promise<{ record: AssistanceView; created: boolean }> {
  const id = key ? createHash('sha256').update(`${jurisdiction}|${key}`).digest('hex').slice(0, 24) : randomBytes(12).toString('hex');
  const earlier = key ? await deps.store.getAssistance(jurisdiction, id) : undefined;
  if (earlier) return { record: await withCases(deps, earlier), created: false };
  const { requester } = body;
  const problem = idNumberProblem(requester.idType, requester.idNumber);
  if (problem) throw refused('ID_NUMBER_INVALID', `${idTypes[requester.idType].zh}号码${problem === 'checkDigit' ? '校验位不正确，请核对证件' : '格式不正确'}`, `the ${idTypes[requester.idType].en.toLowerCase()} number ${problem === 'checkDigit' ? 'has a wrong check digit' : 'is not valid'}`, { field: 'requester.idNumber' });
  if (body.kind === 'proxy' && !body.letter) throw refused('LETTER_REQUIRED', '代办须上传申请人签署的委托书', 'a delegation needs the letter of authorisation the applicant signed');
  const letter = body.letter ? await letterOf(deps, jurisdiction, body.letter) : undefined;
  const numbers = [...new Set(body.cases)];
  const cases = await Promise.all(numbers.map((n) => (TRACKING_NUMBER.test(n) && jurisdictionOf(n) === jurisdiction ? deps.store.getCase(jurisdiction, n) : undefined)));
  const unknown = numbers.filter((_, i) => !cases[i]);
  if (unknown.length > 0) throw refused('CASES_UNKNOWN', `本区划没有这些办件：${unknown.join('、')}`, `no such cases here: ${unknown.join(', ')}`, { unknown });
  const record: Assistance = {
    id,
    jurisdiction,
    kind: body.kind,
    requester,
    helper: body.helper ?? staff(who),
    ...(letter ? { letter } : {}),
    cases: numbers,
    ...(body.note ? { note: body.note } : {}),
    createdAt: deps.clock().toISOString(),
    createdBy: staff(who),
    revision: 1,
    ...(key ? { key } : {}),
  };
  const stored = await onConflict<Assistance, Assistance>(deps.store.putAssistance(record).then(() => record), (existing) => existing ?? record);
  return { record: await withCases(deps, stored), created: stored === record };
}

async function letterOf(deps: AppDeps, jurisdiction: string, key: string): Promise<Letter> {
  const bytes = letterKey(jurisdiction).test(key) ? await deps.files.readStart(key, 4100) : undefined;
  const contentType = bytes && bytes.length > 0 ? (await fileTypeFromBuffer(bytes))?.mime : undefined;
  if (!contentType) throw refused('LETTER_NOT_FOUND', '委托书文件不存在，请重新上传', 'the letter of authorisation was not found; upload it again');
  await deps.files.markFiled?.(key);
  return { key, name: '委托书', contentType };
}

/** 回访: once every case it covers was delivered, once; a retry under the same key answers with the record. */
export async function followUp(deps: AppDeps, who: Principal, jurisdiction: string, id: string, body: z.infer<typeof ZNewFollowUp>, key?: string): Promise<AssistanceView> {
  const view = await readAssistance(deps, jurisdiction, id);
  const { caseStates: states, ...record } = view;
  if (key && record.followUp?.key === key) return view;
  if (record.revision !== body.expectedRevision) throw new ApiError(409, 'ASSISTANCE_CHANGED', '记录已被他人修改，请刷新后再操作', 'someone else changed this record meanwhile; reload it');
  if (record.followUp) throw new ApiError(409, 'FOLLOWED_UP', '本次帮办代办已回访', 'this request was followed up already');
  const open = states.filter((s) => s.status !== 'delivered');
  if (open.length > 0) throw new ApiError(409, 'NOT_DELIVERED', `办理结果送达后才能回访：${open.map((s) => s.trackingNumber).join('、')}尚未送达`, `follow up once the results are delivered: ${open.map((s) => s.trackingNumber).join(', ')} ${open.length > 1 ? 'are' : 'is'} not yet`);
  if (body.reached && body.satisfied === undefined) throw refused('SATISFACTION_REQUIRED', '联系上申请人时，请记录是否满意', 'when the applicant was reached, record whether they were satisfied');
  const now = deps.clock();
  const next: Assistance = {
    ...record,
    revision: record.revision + 1,
    followUp: { on: shanghaiDateOf(now), at: now.toISOString(), by: staff(who), reached: body.reached, ...(body.reached ? { satisfied: body.satisfied } : {}), ...(body.note ? { note: body.note } : {}), ...(key ? { key } : {}) },
  };
  const raced = await onConflict<Assistance | undefined, Assistance>(deps.store.saveAssistance(next, record.revision).then(() => undefined), (latest) => {
    if (latest && key && latest.followUp?.key === key) return latest;
    throw new ApiError(409, 'ASSISTANCE_CHANGED', '记录已被他人修改，请刷新后再操作', 'someone else changed this record meanwhile; reload it');
  });
  return withCases(deps, raced ?? next);
}

/** The 委托书's bytes, for the record's readers. */
export async function letterFile(deps: AppDeps, jurisdiction: string, id: string): Promise<{ letter: Letter; bytes: Uint8Array }> {
  const { letter } = await readAssistance(deps, jurisdiction, id);
  const bytes = letter ? await deps.files.read(letter.key) : undefined;
  if (!letter || !bytes) throw notFound('委托书', 'letter of authorisation');
  return { letter, bytes };
}
