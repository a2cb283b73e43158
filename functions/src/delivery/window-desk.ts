import type { Principal } from '../auth';
import { deliveryHeld } from '../bundles/outcome';
import type { StoredCase } from '../cases/record';
import { act, publicCase, type ActResult } from '../cases/service';
import type { AppDeps } from '../deps';
import { actionNotAllowed, ApiError } from '../errors';
import { idNumberProblem, idTypes, type IdType } from '../window/desk-record';
import { collectionOf, windowTask } from './collection';
import type { WindowQueueEntry } from './records';
import { normalWaybill, waybillProblem } from './waybill';

/**
 * The window's part of 统一出件: the queue of what waits at it, and its three acts on a case, each
 * through the lifecycle with the revision the officer saw and the request's idempotency key: the
 * result handed over (the recipient's 证件 checked), posted (the EMS waybill checked), or a case's
 * 补正 taken in.
 */

export function queueEntryOf(c: StoredCase): WindowQueueEntry {
  const task = windowTask(c)!;
  const person = c.window?.applicant;
  const agent = c.window?.agent;
  const named = (id?: string) => c.materials.find((m) => m.materialId === id)?.name;
  return {
    trackingNumber: c.trackingNumber,
    itemName: c.itemName,
    status: c.status,
    revision: c.revision,
    task,
    applicant: { name: person?.name ?? c.applicant?.name, ...(person ? { idType: person.idType } : {}), ...((person?.idNumber ?? c.applicant?.idNumber) ? { idNumber: person?.idNumber ?? c.applicant?.idNumber } : {}) },
    ...(agent ? { agent: { name: agent.name, idType: agent.idType, idNumber: agent.idNumber } } : {}),
    collection: c.resultDelivery ?? { method: collectionOf(c) },
    ...(c.decision ? { outcome: c.decision.outcome, decidedOn: c.decision.on, ...(c.decision.result ? { result: c.decision.result } : {}) } : {}),
    ...(task === 'delivery' ? (c.due.delivery ? { due: c.due.delivery.due } : {}) : c.correction ? { due: c.correction.requestedOn, corrections: c.correction.items.map((i) => ({ ...i, ...(named(i.materialId) ? { name: named(i.materialId) } : {}) })) } : {}),
  };
}

const invalidIdNumber = (type: IdType, problem: 'shape' | 'checkDigit') =>
  new ApiError(
    422,
    'ID_NUMBER_INVALID',
    problem === 'checkDigit' ? `${idTypes[type].zh}号码校验位不正确，请核对证件` : `${idTypes[type].zh}号码格式不正确`,
    problem === 'checkDigit' ? `the check digit of the ${idTypes[type].en.toLowerCase()} number is wrong; check the document` : `that is not a ${idTypes[type].en.toLowerCase()} number`,
  );
const notTheApplicant = () =>
  new ApiError(422, 'RECIPIENT_NOT_APPLICANT', '领取人证件号码与申请人不一致；他人代领的，请选择「代领」并核验委托书', 'the recipient’s number is not the applicant’s; for someone collecting for them, choose “collecting for the applicant” and check the letter of authorisation');
const notWaiting = (task: 'delivery' | 'correction') =>
  task === 'delivery' ? actionNotAllowed('本件没有待出件的办理结果', 'this case has no result waiting at the window') : actionNotAllowed('本件没有待窗口收取的补正材料', 'this case has no corrections waiting at the window');

export interface DeskRequest {
  who: Principal;
  found: StoredCase;
  key?: string;
  expectedRevision: number;
}

/** A retry of a request already applied answers with the case as it is, before any check of its state. */
function replayed(request: DeskRequest): ActResult | undefined {
  return request.key && request.found.history.some((h) => h.key === request.key) ? { case: request.found, replayed: true } : undefined;
}

async function deliver(deps: AppDeps, request: DeskRequest, action: { method: string; note?: string; recipient?: NonNullable<StoredCase['delivery']>['recipient']; waybill?: string }) {
  if (windowTask(request.found) !== 'delivery') throw notWaiting('delivery');
  // A 一件事 that delivers together holds each result until the last is decided.
  const held = await deliveryHeld(deps, request.found);
  if (held) throw held;
  return act(deps, request.found, { type: 'deliver', ...action }, { actor: { id: request.who.sub, name: request.who.name }, expectedRevision: request.expectedRevision, ...(request.key ? { key: request.key } : {}) });
}

/** 窗口领取: the recipient's 证件 checked; unless someone collects for the applicant, it is the applicant's own. */
export async function handOver(deps: AppDeps, request: DeskRequest, body: { recipient: { idType: IdType; idNumber: string; name: string; agent: boolean }; note?: string }) {
  const again = replayed(request);
  if (again) return publicCase(again.case);
  const { recipient } = body;
  const problem = idNumberProblem(recipient.idType, recipient.idNumber);
  if (problem) throw invalidIdNumber(recipient.idType, problem);
  const applicantNumber = request.found.window?.applicant.idNumber ?? request.found.applicant?.idNumber;
  if (!recipient.agent && applicantNumber && applicantNumber.toUpperCase() !== recipient.idNumber) throw notTheApplicant();
  return publicCase((await deliver(deps, request, { method: '窗口领取', recipient, ...(body.note ? { note: body.note } : {}) })).case);
}

/** 邮寄: the EMS waybill number checked, then told to the applicant and shown on /track. */
export async function post(deps: AppDeps, request: DeskRequest, body: { waybill: string; note?: string }) {
  const again = replayed(request);
  if (again) return publicCase(again.case);
  const waybill = normalWaybill(body.waybill);
  const problem = waybillProblem(waybill);
  if (problem) throw new ApiError(422, 'WAYBILL_INVALID', ...problem);
  return publicCase((await deliver(deps, request, { method: '邮政速递(EMS)', waybill, ...(body.note ? { note: body.note } : {}) })).case);
}

/** 补正 taken in at the window: the case goes back to its department (received afresh, or work resumes). */
export async function takeCorrection(deps: AppDeps, request: DeskRequest, body: { paper: string[]; response?: string }) {
  const again = replayed(request);
  if (again) return publicCase(again.case);
  if (windowTask(request.found) !== 'correction') throw notWaiting('correction');
  const result = await act(deps, request.found, { type: 'supplyCorrection', materials: {}, paper: body.paper, ...(body.response ? { response: body.response } : {}) }, { actor: { id: request.who.sub, name: request.who.name }, expectedRevision: request.expectedRevision, ...(request.key ? { key: request.key } : {}) });
  return publicCase(result.case);
}
