import type { CaseChannel, CaseStatus, WarningLevel } from './record';

/** Display names of case states, actions and warning levels, Chinese first; shared by the pages and the workbench. */

export const statusNames: Record<CaseStatus, readonly [string, string]> = {
  received: ['已收件，等待受理', 'received, awaiting acceptance'],
  correctionRequested: ['待补正', 'awaiting corrections'],
  notAccepted: ['不予受理', 'not accepted'],
  inProcess: ['办理中', 'in process'],
  suspended: ['已中止', 'suspended'],
  decided: ['已办结', 'decided'],
  delivered: ['已送达', 'delivered'],
  withdrawn: ['已撤回', 'withdrawn'],
};

/** 申报来源 as the national element set names them, Chinese first. */
export const channelNames: Record<CaseChannel, readonly [string, string]> = {
  window: ['窗口', 'service window'],
  web: ['电脑端', 'computer'],
  mobile: ['移动端', 'mobile'],
  kiosk: ['自助终端', 'self-service kiosk'],
  post: ['快递', 'post'],
};

/** Names for history entries and the workbench, Chinese first. */
export const actionNames: Record<string, readonly [string, string]> = {
  submitted: ['提交申请', 'submitted'],
  accept: ['受理', 'accepted'],
  deemAccept: ['逾期未告知，视为受理', 'deemed accepted'],
  requestCorrection: ['一次性告知补正', 'correction requested'],
  notAccept: ['不予受理', 'not accepted'],
  completeStep: ['办理环节', 'step completed'],
  autoPass: ['超时默认', 'deemed approved on timeout'],
  transfer: ['转报', 'transferred'],
  suspend: ['中止(特别程序)', 'suspended'],
  resume: ['恢复办理', 'resumed'],
  extend: ['延长办理期限', 'extended'],
  deliver: ['送达', 'delivered'],
  reviewSupplement: ['审核容缺补交材料', 'supplement reviewed'],
  closeFollowUp: ['差评回访整改', 'follow-up closed'],
  withdraw: ['申请人撤回', 'withdrawn'],
  rate: ['评价', 'rated'],
  ratingVoided: ['差评经复核申诉成立', 'poor rating voided on appeal'],
  supplyCorrection: ['提交补正材料', 'corrections supplied'],
  supplement: ['补交容缺材料', 'supplement supplied'],
  supplementMissed: ['容缺材料逾期未补交', 'supplement not supplied in time'],
  warning: ['时限预警', 'deadline warning'],
  reassign: ['移交其他部门', 'moved to another department'],
  recomputed: ['工作日历调整，重算期限', 'deadlines recomputed after a calendar change'],
};

export const warningNames: Record<WarningLevel, readonly [string, string]> = {
  normal: ['正常', 'on time'],
  yellow: ['黄牌预警', 'yellow'],
  red: ['红牌预警', 'red'],
  overdue: ['已超期', 'overdue'],
};
