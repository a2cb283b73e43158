import { z } from '@hono/zod-openapi';
import type { Principal } from '../auth';
import { checkedFiles, checkApplication, publishedVersion, receiveApplication, refusalOf, type Receipt } from '../cases/intake';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import { idNumberProblem, idTypes, ZCollection, ZDeskPerson, ZMaterialReceipt, ZServiceWindow, type DeskPerson, type WindowIntake } from './desk-record';

/**
 * 一窗受理: a window officer enters a walk-in applicant's application for them. The applicant (and
 * any 代理人, with the 委托书) is identified by document; each material is recorded as received on
 * paper, scanned or supplied online, and what is missing is either 容缺 (where the item allows it)
 * or refused with the one-time list of everything to bring. The case is received as any other,
 * with channel 窗口, and goes to the item's department.
 */

export const ZDeskApplication = z
  .object({
    window: ZServiceWindow,
    applicant: ZDeskPerson,
    agent: ZDeskPerson.optional().openapi({ description: '代理人；有代理人时须收取授权委托书 / an agent; needs the letter of authorization' }),
    authorization: z
      .discriminatedUnion('form', [
        z.object({ form: z.literal('paper'), original: z.boolean().default(false), copies: z.number().int().min(0).max(99).default(0) }),
        z.object({ form: z.literal('online'), reference: z.string().trim().max(100).optional() }),
      ])
      .optional()
      .openapi({ description: '授权委托书如何收取 / how the letter of authorization was received' }),
    collection: ZCollection.optional().openapi({ description: '领取方式；须为事项送达方式之一 / how the result is collected; one of the item’s delivery methods' }),
    answers: z.record(z.string(), z.unknown()),
    materials: z.record(z.string().max(64), ZMaterialReceipt).default({}).openapi({ description: '各材料的收取方式，按材料 id；未列出者为未收到 / how each material was received, by id; one not named was not received' }),
    fileNames: z.record(z.string().max(300), z.string().max(200)).default({}),
  })
  .openapi('WindowApplication');
export type DeskApplication = z.infer<typeof ZDeskApplication>;

const idNumberInvalid = (who: 'applicant' | 'agent', person: DeskPerson, problem: 'shape' | 'checkDigit') => {
  const role = who === 'applicant' ? ['申请人', 'the applicant’s'] : ['代理人', 'the agent’s'];
  const type = idTypes[person.idType];
  return problem === 'checkDigit'
    ? new ApiError(422, 'ID_NUMBER_INVALID', `${role[0]}的${type.zh}号码校验位不符，请核对`, `${role[1]} ${type.en} number fails its check digit; check it`, { field: `${who}.idNumber` })
    : new ApiError(422, 'ID_NUMBER_INVALID', `${role[0]}的${type.zh}号码格式不符`, `${role[1]} ${type.en} number is not in that document’s form`, { field: `${who}.idNumber` });
};
const authorizationMissing = () => new ApiError(422, 'AUTHORIZATION_MISSING', '由代理人办理的，须收取申请人签署的授权委托书', 'an application made by an agent needs the applicant’s signed letter of authorization', { field: 'authorization' });
const agentMissing = () => new ApiError(422, 'AGENT_MISSING', '收取了授权委托书，但未登记代理人', 'a letter of authorization was recorded but no agent', { field: 'agent' });

const collectionWords = { window: ['窗口领取', 'collection at the window'], post: ['邮寄', 'posting'] } as const;
const collectionNotOffered = (method: 'window' | 'post') =>
  new ApiError(422, 'COLLECTION_NOT_OFFERED', `本事项的送达方式不含${collectionWords[method][0]}`, `this item does not offer ${collectionWords[method][1]} of its result`, { field: 'collection' });

/** The problems with the people at the window, before the item is looked at. */
function checkPeople(sent: DeskApplication): void {
  for (const who of ['applicant', 'agent'] as const) {
    const person = sent[who];
    const problem = person && idNumberProblem(person.idType, person.idNumber);
    if (person && problem) throw idNumberInvalid(who, person, problem);
  }
  if (sent.agent && !sent.authorization) throw authorizationMissing();
  if (!sent.agent && sent.authorization) throw agentMissing();
}

/** Files the application at the window of `officer`; the same key again is the same case. */
export async function fileAtWindow(deps: AppDeps, officer: Principal, jurisdiction: string, itemId: string, sent: DeskApplication, idempotencyKey?: string): Promise<Receipt> {
  checkPeople(sent);
  // A window takes any item in force, whether or not it is offered online.
  const version = await publishedVersion(deps, jurisdiction, itemId);
  const offered = new Set(version.definition.delivery.map((d) => d.method));
  if (sent.collection && !offered.has(sent.collection.method)) throw collectionNotOffered(sent.collection.method);
  const receipts = Object.entries(sent.materials);
  const check = checkApplication(version.definition, sent.answers, { files: Object.fromEntries(receipts.map(([id]) => [id, [id]])) });
  const refused = refusalOf(check);
  if (refused) throw refused;
  const scans = Object.fromEntries(receipts.flatMap(([id, r]) => (r.form === 'scan' ? [[id, r.files]] : [])));
  const files = await checkedFiles(deps, version, scans, (key) => sent.fileNames[key]);
  const intake: WindowIntake = {
    window: sent.window,
    officer: { id: officer.sub, name: officer.name },
    applicant: sent.applicant,
    ...(sent.agent ? { agent: sent.agent } : {}),
    ...(sent.authorization ? { authorization: sent.authorization } : {}),
    ...(sent.collection ? { collection: sent.collection } : {}),
    materials: receipts.map(([materialId, r]) => (r.form === 'scan' ? { materialId, form: 'scan' as const } : { materialId, ...r })),
  };
  const received = receipts.flatMap(([id, r]) => (r.form === 'scan' ? [] : [id]));
  return receiveApplication(deps, version, { sent: sent.answers, check, files, promised: [], channel: 'window', window: { intake, received } }, idempotencyKey);
}
