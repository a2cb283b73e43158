/**
 * The actions the workbench offers, keyed as the API lists them as allowed, each with what it
 * asks the officer for. Only allowed ones are shown; the API checks again.
 */
export interface ActionField {
  name: string;
  label: readonly [string, string];
  kind: 'text' | 'textarea' | 'procedure' | 'delivery' | 'corrections' | 'date';
  required?: boolean;
}

export interface ActionForm {
  label: readonly [string, string];
  /** The request's type and any fixed parameters. */
  request: { type: string } & Record<string, unknown>;
  fields: ActionField[];
  tone?: 'primary' | 'danger';
}

const note: ActionField = { name: 'note', label: ['办理意见(仅内部可见)', 'Note (for the office only)'], kind: 'textarea' };

/**
 * The last step's 通过: the decision. For a licence (事项类型 01) it is 准予行政许可; either way
 * it records what is issued, which the decision document and the applicant's message name.
 */
export function decisionForm(itemType: string): ActionForm {
  return {
    label: itemType === '01' ? ['准予行政许可(办结)', 'Grant the licence (decide)'] : ['准予(办结)', 'Approve (decide)'],
    request: { type: 'completeStep', outcome: 'pass' },
    fields: [
      { name: 'result.name', label: ['办理结果名称(如 食品经营许可证)', 'What is issued (e.g. the licence’s name)'], kind: 'text', required: true },
      { name: 'result.number', label: ['证照编号或文号', 'Its number'], kind: 'text' },
      { name: 'result.validUntil', label: ['有效期至', 'Valid until'], kind: 'date' },
      note,
    ],
    tone: 'primary',
  };
}

export const actionForms: Record<string, ActionForm> = {
  accept: { label: ['受理', 'Accept'], request: { type: 'accept' }, fields: [note], tone: 'primary' },
  requestCorrection: {
    label: ['一次性告知补正', 'Request corrections'],
    request: { type: 'requestCorrection' },
    fields: [{ name: 'items', label: ['需补正的内容(一次告知全部)', 'Everything to correct, all at once'], kind: 'corrections', required: true }],
  },
  notAccept: { label: ['不予受理', 'Do not accept'], request: { type: 'notAccept' }, fields: [{ name: 'reason', label: ['不予受理理由', 'Reason'], kind: 'textarea', required: true }], tone: 'danger' },
  'completeStep:pass': { label: ['通过', 'Pass'], request: { type: 'completeStep', outcome: 'pass' }, fields: [note], tone: 'primary' },
  'completeStep:return': { label: ['退回上一环节', 'Return to the previous step'], request: { type: 'completeStep', outcome: 'return' }, fields: [{ ...note, required: true }] },
  'completeStep:reject': {
    label: ['不予许可', 'Deny'],
    request: { type: 'completeStep', outcome: 'reject' },
    fields: [{ name: 'reasons', label: ['不予许可的理由', 'Reasons for the denial'], kind: 'textarea', required: true }],
    tone: 'danger',
  },
  transfer: {
    label: ['转报', 'Transfer'],
    request: { type: 'transfer' },
    fields: [
      { name: 'to', label: ['转报机关', 'To which authority'], kind: 'text', required: true },
      { name: 'reason', label: ['转报理由', 'Reason'], kind: 'textarea', required: true },
    ],
  },
  suspend: {
    label: ['中止(特别程序)', 'Suspend (special procedure)'],
    request: { type: 'suspend' },
    fields: [
      { name: 'procedure', label: ['特别程序', 'Procedure'], kind: 'procedure', required: true },
      { name: 'reason', label: ['说明', 'Reason'], kind: 'textarea', required: true },
    ],
  },
  resume: { label: ['恢复办理', 'Resume'], request: { type: 'resume' }, fields: [note], tone: 'primary' },
  extend: { label: ['延长期限(10个工作日)', 'Extend by 10 working days'], request: { type: 'extend' }, fields: [{ name: 'reason', label: ['延期理由(经本机关负责人批准)', 'Reason (approved by the head of the office)'], kind: 'textarea', required: true }] },
  deliver: {
    label: ['送达', 'Deliver'],
    request: { type: 'deliver' },
    fields: [
      { name: 'method', label: ['送达方式', 'How'], kind: 'delivery', required: true },
      { name: 'note', label: ['说明', 'Note'], kind: 'text' },
    ],
    tone: 'primary',
  },
  closeFollowUp: { label: ['完成差评回访整改', 'Close the follow-up'], request: { type: 'closeFollowUp' }, fields: [{ name: 'response', label: ['回访和整改情况', 'What was done'], kind: 'textarea', required: true }], tone: 'primary' },
};
