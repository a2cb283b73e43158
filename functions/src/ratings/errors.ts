import { ApiError } from '../errors';
import { actionLabels, statusLabels, targetLabels, type PoorStatus, type RatingTarget } from './model';

/** The refusals of 好差评, each with its words once (Chinese, then English). */

export const ratedAlready = (target: RatingTarget) =>
  new ApiError(409, 'RATED_ALREADY', `${targetLabels[target][0]}已评价，每项服务只能评价一次(可追评一次)`, `${targetLabels[target][1]} was rated already: one rating per service (one follow-up remark may be added)`);
export const notRatableYet = () => new ApiError(409, 'NOT_RATABLE', '办件办结后才能评价', 'a case can be rated once it is decided');
export const noWindowService = () => new ApiError(409, 'NO_WINDOW_SERVICE', '本件不是在窗口受理的，没有窗口服务可评价', 'this case was not taken in at a window: there is no window service to rate');
export const reasonsRequired = () => new ApiError(400, 'REASONS_REQUIRED', '差评请至少选择一项原因', 'a poor rating needs at least one reason');
export const addendumGiven = () => new ApiError(409, 'ADDENDUM_GIVEN', '每项评价只能追评一次', 'a rating takes one follow-up remark only');
export const addendumRequired = () => new ApiError(400, 'ADDENDUM_REQUIRED', '请填写追评内容', 'write the follow-up remark');
export const verdictRequired = () => new ApiError(400, 'VERDICT_REQUIRED', '请选择对整改的评价(满意、基本满意或不满意)', 'choose how you judge the fix (satisfied, fairly satisfied or dissatisfied)');
export const poorChanged = () => new ApiError(409, 'POOR_RATING_CHANGED', '差评已被他人处理，请刷新后重试', 'the poor rating was handled by someone else meanwhile; reload and retry');
export const revisitRequired = () => new ApiError(409, 'REVISIT_REQUIRED', '实名差评须先回访，再关闭', 'a real-name poor rating is closed only after its revisit');
export const appealedAlready = () => new ApiError(409, 'APPEALED_ALREADY', '该差评已申诉过，不能再次申诉', 'this poor rating was appealed already');
export const adminsReview = () => new ApiError(403, 'FORBIDDEN', '申诉由区划管理员复核', 'appeals are reviewed by the jurisdiction administrators');
export const invalidMonth = () => new ApiError(400, 'INVALID_MONTH', '月份格式应为 YYYY-MM', 'a month is written YYYY-MM');

/** An action the 差评's state does not admit now, said with both. */
export const wrongStep = (action: string, status: PoorStatus) =>
  new ApiError(
    409,
    'POOR_WRONG_STEP',
    `差评处于「${statusLabels[status][0]}」，不能「${actionLabels[action]?.[0] ?? action}」`,
    `the poor rating is "${statusLabels[status][1]}": it cannot be "${actionLabels[action]?.[1] ?? action}" now`,
  );
