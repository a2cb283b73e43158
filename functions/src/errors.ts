import { z } from '@hono/zod-openapi';
import type { AnswerError, Bilingual, FieldIssue } from '@onevisit/item-schemas';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error the API returns: a stable code, Chinese and English text, and details. */
export const ZErrorBody = z
  .object({
    code: z.string().openapi({ example: 'DRAFT_CONFLICT' }),
    message: z.string().openapi({ example: '草稿已被他人修改，请刷新后再编辑' }),
    message_en: z.string().openapi({ example: 'the draft was changed by someone else; reload it before editing' }),
    details: z.unknown().optional(),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof ZErrorBody>;

/** Built only by the factories below, so each code keeps one wording wherever it is thrown. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly message_en: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  body(): ErrorBody {
    return { code: this.code, message: this.message, message_en: this.message_en, ...(this.details === undefined ? {} : { details: this.details }) };
  }
}

// Every code the API answers with, each with its words once (Chinese, then English).

const notFoundSaying = (zh: string, en: string) => new ApiError(404, 'NOT_FOUND', zh, en);
export const notFound = (what: string, what_en: string) => notFoundSaying(`${what}不存在`, `${what_en} not found`);
export const noSuchAddress = () => notFoundSaying('没有这个地址', 'no such address');
export const noSuchItems = (ids: string[]) => notFoundSaying(`这些事项不存在：${ids.join('、')}`, `no such items: ${ids.join(', ')}`);

// Requests

const invalidSaying = (zh: string, en: string, details?: unknown) => new ApiError(400, 'INVALID_REQUEST', zh, en, details);
export const invalidRequest = (issues: FieldIssue[]) => invalidSaying(`请求内容不符合要求：${issues[0]?.message ?? ''}`, `the request is not valid: ${issues[0]?.message_en ?? ''}`, issues);
export const departmentNameRequired = () => invalidSaying('请填写部门名称', 'a department needs a name');
export const officerNameRequired = () => invalidSaying('请填写工作人员姓名', 'an officer needs a name');
export const bodyRequired = () => invalidSaying('请求缺少内容', 'the request has no body');
export const internalError = () => new ApiError(500, 'INTERNAL_ERROR', '系统内部错误，请稍后重试', 'internal error; try again later');
export const payloadTooLarge = () => new ApiError(413, 'PAYLOAD_TOO_LARGE', '请求内容过大', 'the request is too large');
/** A rate limit (rate-limits.ts) was reached; the same words go on the HTML page. */
export const tooManyRequests = (seconds: number) => {
  const [zh, en] = seconds <= 90 ? [`${seconds} 秒`, `${seconds} seconds`] : [`${Math.ceil(seconds / 60)} 分钟`, `${Math.ceil(seconds / 60)} minutes`];
  return new ApiError(429, 'TOO_MANY_REQUESTS', `操作过于频繁，请 ${zh}后再试`, `too many requests; try again in ${en}`, { retryAfter: seconds });
};
export const tooManyFields = (max: number) => new ApiError(413, 'TOO_MANY_FIELDS', `提交的内容项过多(超过 ${max} 项)`, `the form posts too many fields (over ${max})`);
export const malformedRequest = (reason: string) => new ApiError(400, 'MALFORMED_REQUEST', '请求格式不正确(如 JSON 无法解析)', `the request is malformed: ${reason}`);
/** The 查询码 sent in an address, where logs, history and referrers keep it: refused, whatever it is. */
export const secretInAddress = (header: string) => new ApiError(400, 'SECRET_IN_ADDRESS', `查询码不能放在网址中，请放在 ${header} 请求头里`, `the tracking code does not go in the address: send it in the ${header} header`);
export const httpError = (status: ContentfulStatusCode, reason: string) => new ApiError(status, 'HTTP_ERROR', '请求无法处理', reason);
export const ifMatchRequired = () => new ApiError(428, 'IF_MATCH_REQUIRED', '缺少 If-Match 版本号，请先读取最新内容', 'If-Match is required: read the current revision first');
export const invalidIfMatch = () => new ApiError(400, 'INVALID_IF_MATCH', 'If-Match 格式不正确', 'If-Match must be a revision such as "3"');
export const invalidCursor = () => new ApiError(400, 'INVALID_CURSOR', '分页参数无效，请重新查询', 'the page cursor is not valid; search again');
export const invalidRange = () => new ApiError(400, 'INVALID_RANGE', '起始日期不能晚于截止日期', 'the start date is after the end date');
export const periodTooLong = (days: number) => new ApiError(400, 'PERIOD_TOO_LONG', `统计期间最长 ${days} 天，请分段查询`, `a period is at most ${days} days: ask for it in parts`);
export const invalidStatus = (unknown: string[]) => new ApiError(400, 'INVALID_STATUS', `没有这种办件状态：${unknown.join('、')}`, `no such case status: ${unknown.join(', ')}`);
export const fileRequired = () => new ApiError(400, 'FILE_REQUIRED', '请选择要上传的文件', 'choose a file to upload');
export const ratingRequired = () => new ApiError(400, 'RATING_REQUIRED', '请选择评价等级', 'choose a rating');

// Who may do what

export const notSignedIn = () => new ApiError(401, 'NOT_SIGNED_IN', '请先登录', 'sign in first');
export const invalidToken = () => new ApiError(401, 'INVALID_TOKEN', '登录已失效，请重新登录', 'the sign-in is invalid or expired; sign in again');
const forbidden = (zh: string, en: string) => new ApiError(403, 'FORBIDDEN', zh, en);
/** `roles` as [Chinese, English] names. */
export const onlyRoles = (roles: ReadonlyArray<readonly [string, string]>) => forbidden(`仅${roles.map((n) => n[0]).join('、')}可以进行此操作`, `only ${roles.map((n) => n[1]).join(', ')} may do this`);
export const otherJurisdiction = () => forbidden('无权访问其他区划的数据', 'you may not access another jurisdiction’s data');
export const otherDepartment = () => forbidden('无权访问其他部门的办件', 'you may not access another department’s cases');

// Items and their drafts

export const invalidItemId = () => new ApiError(400, 'INVALID_ITEM_ID', '事项标识仅含小写字母、数字和 -，2 至 80 个字符', 'an item id is 2–80 lowercase letters, digits or -');
export const twoStarts = () => new ApiError(400, 'TWO_STARTS', '新事项只能从一个模板或一个已有事项开始，不能同时选择两者', 'a new item starts from a template or from a copy of an item, not both');
export const itemIdMismatch = (itemId: string) => new ApiError(400, 'ITEM_ID_MISMATCH', `事项标识应为「${itemId}」`, `the definition's id must be "${itemId}"`);
export const draftTooLarge = (kb: number, limitKb: number) => new ApiError(413, 'DRAFT_TOO_LARGE', `事项定义过大(${kb} KB)，上限 ${limitKb} KB`, `the definition is too large (${kb} KB; the limit is ${limitKb} KB)`);
export const idTakenByBundle = (id: string, name: string) => new ApiError(409, 'ID_TAKEN_BY_BUNDLE', `「${id}」已是一件事「${name}」的标识，事项不能使用同一标识`, `"${id}" is the id of the bundle "${name}": an item cannot take it`);
export const itemExists = (itemId: string) => new ApiError(409, 'ITEM_EXISTS', `事项「${itemId}」已存在`, `the item "${itemId}" already exists`);
/** Saved or decided over a revision someone else replaced; `current` is the draft there now, when known. */
export const draftConflict = (current?: { revision: number }) =>
  new ApiError(409, 'DRAFT_CONFLICT', '草稿已被他人修改，请刷新后再编辑', 'the draft was changed by someone else; reload it before editing', current ? { currentRevision: current.revision } : undefined);
export const itemCancelled = () => new ApiError(409, 'ITEM_CANCELLED', '事项已取消，不能再发布', 'the item is cancelled and cannot be published');
export const publishChecksFailed = (issues: unknown[]) => new ApiError(422, 'PUBLISH_CHECKS_FAILED', `有 ${issues.length} 项发布检查未通过`, `${issues.length} publish-time check(s) failed`, issues);
export const publishConflict = () => new ApiError(409, 'PUBLISH_CONFLICT', '事项刚被他人发布或变更，请刷新后重试', 'the item was just published or changed by someone else; reload and retry');
/** A suspend, resume or cancel the item's state does not admit, said as the change says it. */
export const invalidState = (zh: string, en: string) => new ApiError(409, 'INVALID_STATE', zh, en);
export const itemNotAccepting = (cancelled: boolean) =>
  cancelled
    ? new ApiError(409, 'ITEM_NOT_ACCEPTING', '该事项已取消，不再受理申请', 'the item is cancelled and takes no applications')
    : new ApiError(409, 'ITEM_NOT_ACCEPTING', '该事项暂停受理', 'the item is not taking applications for now');
export const mergeIntoItself = () => new ApiError(400, 'MERGE_INTO_ITSELF', '不能把事项合并到它自己', 'an item cannot be merged into itself');

// Clones

export const lockedFields = (locked: Array<{ title: string }>) =>
  new ApiError(
    400,
    'LOCKED_FIELDS',
    `${locked.map((l) => `「${l.title}」`).join('、')}由上级统一设定，本级不能修改`,
    `${locked.map((l) => `"${l.title}"`).join(', ')} ${locked.length > 1 ? 'are' : 'is'} set upstream and cannot be changed here`,
    locked,
  );
export const invalidOverrides = (issues: unknown[]) => new ApiError(400, 'INVALID_OVERRIDES', '本地修改的内容不符合要求', 'the local changes are not valid', issues);
export const noUpstream = () => new ApiError(409, 'NO_UPSTREAM', '本区划没有上级，无可认领的事项', 'this jurisdiction has no parent to claim items from');
export const notAClone = () => new ApiError(409, 'NOT_A_CLONE', '该事项不是认领上级的事项', 'this item is not a clone of an upstream item');
export const notBelow = () => new ApiError(400, 'NOT_BELOW', '只能下放给直接下级', 'items are delegated to a jurisdiction directly below');
export const upstreamMoved = (latest: number) => new ApiError(409, 'UPSTREAM_MOVED', `上级最新版本是 v${latest}，请刷新后再决定`, `upstream's latest version is v${latest}; reload before deciding`);
export const decisionInvalid = (refused: Bilingual[]) => new ApiError(400, 'DECISION_INVALID', refused.map((r) => r.message).join('；'), refused.map((r) => r.message_en).join('; '), refused);
export const decisionsNeeded = (undecided: Bilingual[]) =>
  new ApiError(409, 'DECISIONS_NEEDED', `有 ${undecided.length} 处需要决定：${undecided[0]!.message}`, `${undecided.length} conflict(s) need a decision: ${undecided[0]!.message_en}`, undecided);

// Calendars and departments

export const calendarConflict = () => new ApiError(409, 'CALENDAR_CONFLICT', '日历已被他人修改，请刷新后再编辑', 'the calendar was changed by someone else; reload it');
export const departmentNameTaken = (name: string) => new ApiError(409, 'DEPARTMENT_NAME_TAKEN', `本区划已有名为「${name}」的部门`, `this jurisdiction already has a department named "${name}"`);
export const departmentRequired = () => new ApiError(400, 'DEPARTMENT_REQUIRED', '请指定部门', 'name the department');
export const departmentUnknown = () => new ApiError(422, 'DEPARTMENT_UNKNOWN', '所选部门不是本区划的部门', 'that department is not one of this jurisdiction’s');
export const departmentNoOfficer = (name: string) => new ApiError(422, 'DEPARTMENT_NO_OFFICER', `「${name}」还没有工作人员，移交后无人办理`, `"${name}" has no officers; nobody would work the case`);

// Files: `material` names the material a file was sent for; without it, an official's public file

export const fileTooLarge = (limitMb: number, material?: string) =>
  material
    ? new ApiError(413, 'FILE_TOO_LARGE', `「${material}」的文件超过 ${limitMb} MB`, `the file for "${material}" exceeds ${limitMb} MB`)
    : new ApiError(413, 'FILE_TOO_LARGE', `文件不能超过 ${limitMb} MB`, `the file exceeds ${limitMb} MB`);
export const fileDamaged = (material: string) => new ApiError(422, 'FILE_DAMAGED', `「${material}」的文件已损坏或不完整，请重新导出后上传`, `the file for "${material}" is damaged or incomplete; export it again and upload it`);
export const fileEmpty = (material: string) => new ApiError(422, 'FILE_EMPTY', `「${material}」的文件是空的`, `the file for "${material}" is empty`);
/** `accepted` as people know file types (PDF、JPG), not as MIME types; the details keep the exact ones. */
export const fileTypeNotAllowed = (accepted: readonly [string, string], details: { detected: string | null; accepted?: string[] }, material?: string) =>
  material
    ? new ApiError(415, 'FILE_TYPE_NOT_ALLOWED', `「${material}」只接受 ${accepted[0]} 格式的文件`, `"${material}" accepts only ${accepted[1]} files`, details)
    : new ApiError(415, 'FILE_TYPE_NOT_ALLOWED', `只能上传 ${accepted[0]}文件`, `only ${accepted[1]} files`, details);
export const fileNotFound = (material: string, key: string) =>
  new ApiError(422, 'FILE_NOT_FOUND', `「${material}」引用的文件不存在，请重新上传`, `the file given for "${material}" does not exist; upload it again`, { key });
/** A material named for an upload that the item does not ask anyone to upload. */
export const notUploadable = () => new ApiError(422, 'UNKNOWN_MATERIAL', '本事项没有这项需要上传的材料', 'the item asks for no such material');
export const unknownMaterials = (ids: string[]) =>
  new ApiError(422, 'UNKNOWN_MATERIAL', `本事项没有${ids.length > 1 ? '这些' : '这项'}材料：${ids.join('、')}`, `the item has no such material${ids.length > 1 ? 's' : ''}: ${ids.join(', ')}`, { materials: ids });

// Applications and cases

export const invalidAnswers = (errors: AnswerError[]) =>
  new ApiError(422, 'INVALID_ANSWERS', `有 ${errors.length} 处填写有误：${errors[0]!.message}`, `${errors.length} answer(s) need correcting: ${errors[0]!.message_en}`, errors);
export const materialsMissing = (missing: Array<{ id: string; name: string }>) =>
  new ApiError(
    422,
    'MATERIALS_MISSING',
    `缺少必要材料：${missing.map((m) => m.name).join('、')}`,
    `required materials are missing: ${missing.map((m) => m.name).join(', ')}`,
    { missing: missing.map((m) => ({ materialId: m.id, name: m.name })) },
  );
export const materialsNotAsked = (materials: Array<{ id: string; name: string }>) =>
  new ApiError(422, 'MATERIALS_NOT_ASKED', `以下材料无需提交(已共享或不适用)：${materials.map((m) => m.name).join('、')}`, `these materials are not asked for (shared or not applicable): ${materials.map((m) => m.name).join(', ')}`, {
    materials: materials.map((m) => m.id),
  });
export const idempotencyKeyReused = () => new ApiError(409, 'IDEMPOTENCY_KEY_REUSED', '该请求标识已用于另一份不同的申请', 'this idempotency key was already used for a different application');
export const caseChanged = () => new ApiError(409, 'CASE_CHANGED', '办件已被他人处理，请刷新后再操作', 'someone else acted on this case meanwhile; reload it and try again');
/** What the case's state or a rule of the item holds back, said for the case at hand. */
export const actionNotAllowed = (zh: string, en: string) => new ApiError(409, 'ACTION_NOT_ALLOWED', zh, en);
export const notAwaited = () => new ApiError(409, 'NOT_AWAITED', '这项材料无需补交或已经补交', 'this material is not awaited (or was supplied already)');

