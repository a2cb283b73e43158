import { ApiError } from '../errors';
import type { Order } from './orders';

/** The refusals of 督办, each with its words once (Chinese, then English); a refusal changes nothing. */

const levelNames = { normal: ['正常', 'on track'], yellow: ['黄牌预警', 'a yellow warning'], red: ['红牌预警', 'a red warning'], overdue: ['已超期', 'overdue'] } as const;

export const notSupervisable = (level: keyof typeof levelNames) =>
  new ApiError(409, 'NOT_SUPERVISABLE', `只能对超期或红牌预警的办件发起督办，该办件目前${levelNames[level][0]}`, `a supervision order (督办) is raised only on an overdue or red-warning case; this one is ${levelNames[level][1]}`, { warning: level });

export const orderStillOpen = (open: Order) =>
  new ApiError(409, 'ORDER_STILL_OPEN', `该办件已有督办尚未答复(限 ${open.dueOn} 前答复)，答复后才能再次督办`, `this case already has a supervision order awaiting its answer (due ${open.dueOn}); raise another once it is answered`, { order: open });

export const orderRaisedMeanwhile = () => new ApiError(409, 'ORDER_CONFLICT', '其他管理员刚刚对该办件发起了督办，请刷新后查看', 'another administrator has just raised a supervision order on this case; reload to see it');

export const orderAnswered = (order: Order) =>
  new ApiError(409, 'ORDER_ANSWERED', `该督办已于 ${order.answer?.on ?? ''} 答复，不能再次答复`, `this supervision order was answered on ${order.answer?.on ?? ''} and cannot be answered again`, { order });

export const orderKeyReused = () => new ApiError(409, 'IDEMPOTENCY_KEY_REUSED', '该请求标识已用于另一次不同的督办', 'this idempotency key was already used for a different supervision order');

export const orderDueBeforeToday = (today: string) => new ApiError(400, 'ORDER_DUE_PAST', `答复期限不能早于今天(${today})`, `the answer cannot be due before today (${today})`);

export const orderDueTooFar = (latest: string) => new ApiError(400, 'ORDER_DUE_TOO_FAR', `答复期限最晚为 ${latest}`, `the answer can be due on ${latest} at the latest`);

export const caseOfOtherJurisdiction = () => new ApiError(404, 'NOT_FOUND', '本区划没有这个办件', 'no such case in this jurisdiction');

export const onlyDepartmentAnswers = () => new ApiError(403, 'FORBIDDEN', '督办由被督办部门的工作人员答复', 'a supervision order is answered by an officer of the department it asks');
