import { z } from '@hono/zod-openapi';
import type { FieldIssue } from '@onevisit/item-schemas';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error the API returns: a stable code, Chinese and English text, and details. */
export const errorBody = z
  .object({
    code: z.string().openapi({ example: 'DRAFT_CONFLICT' }),
    message: z.string().openapi({ example: '草稿已被他人修改，请刷新后再编辑' }),
    message_en: z.string().openapi({ example: 'the draft was changed by someone else; reload it before editing' }),
    details: z.unknown().optional(),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof errorBody>;

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

export const notFound = (what: string, what_en: string) => new ApiError(404, 'NOT_FOUND', `${what}不存在`, `${what_en} not found`);

export const invalidRequest = (issues: FieldIssue[]) =>
  new ApiError(400, 'INVALID_REQUEST', `请求内容不符合要求：${issues[0]?.message ?? ''}`, `the request is not valid: ${issues[0]?.message_en ?? ''}`, issues);

/** Response declarations for routes, so /openapi.json lists each route's errors. */
export function errorResponses(...statuses: Array<400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 428>) {
  const descriptions: Record<number, string> = {
    400: '请求内容不符合要求 / invalid request',
    401: '未登录 / not signed in',
    403: '无权操作 / not allowed',
    404: '不存在 / not found',
    409: '冲突 / conflict',
    413: '文件过大 / too large',
    415: '文件类型不允许 / type not allowed',
    422: '无法处理 / cannot be processed',
    428: '缺少 If-Match / If-Match required',
  };
  return Object.fromEntries(
    statuses.map((s) => [s, { description: descriptions[s]!, content: { 'application/json': { schema: errorBody } } }]),
  );
}
