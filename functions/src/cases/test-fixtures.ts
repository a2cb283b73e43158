import { ZItemDefinition, type ItemDefinition, type ItemDefinitionInput } from '@onevisit/item-schemas';
import { templates } from '@onevisit/item-schemas/templates';
import type { FileInfo } from '../records';
import { RIGHTS } from './lifecycle';
import type { CaseMaterial, CaseRecord, CaseStatus } from './record';

/**
 * Items and cases for the unit tests beside lifecycle.ts and clocks.ts; only tests import this.
 * The item is the seeded 不动产转移登记: promised 5 WD, legal 30 WD, steps 受理 1 → 审核 2 →
 * 登簿 1 → 缮证发证 1, the survey report may come later (容缺, 3 WD, else not accepted). Here
 * 审核 and 缮证发证 are deemed approved on timeout (超时默认) and 登簿 is escalated (督办).
 */

/** A seed template as the runtime reads it, changed first. */
export function templateItem(id: string, change: (input: ItemDefinitionInput) => void = () => {}): ItemDefinition {
  const input = structuredClone(templates.find((t) => t.id === id)!) as ItemDefinitionInput;
  change(input);
  return ZItemDefinition.parse(input);
}

export function estateItem(change: (input: ItemDefinitionInput) => void = () => {}): ItemDefinition {
  return templateItem('real-estate-transfer', (input) => {
    input.autoApproveOnTimeout = true;
    input.steps[1]!.onTimeout = 'autoApprove';
    input.steps[2]!.onTimeout = 'escalate';
    input.steps[3]!.onTimeout = 'autoApprove';
    change(input);
  });
}

const item = estateItem();
export const DEPARTMENT = item.department.creditCode;
export const NUMBER = '990100-20260302-000001';
/** Received on a Monday, accepted the next day. */
export const RECEIVED = '2026-03-02';
export const ACCEPTED = '2026-03-03';

export const scan: FileInfo = { key: 'uploads/990100/scan.pdf', name: 'scan.pdf', contentType: 'application/pdf', size: 2048 };
const supplied = (materialId: string): CaseMaterial => ({ materialId, name: item.materials.find((m) => m.id === materialId)!.name, status: 'supplied', files: [scan] });
export const MATERIALS: CaseMaterial[] = ['application', 'id-card', 'title-certificate', 'sale-contract'].map(supplied);
/** The survey report (不动产测绘报告) left for later, due 3 WD after receipt; then supplied and awaiting review. */
export const SURVEY_DEFERRED: CaseMaterial = { materialId: 'survey-report', name: '不动产测绘报告', status: 'deferred', files: [], supplementDue: '2026-03-05' };
export const SURVEY_PENDING: CaseMaterial = { ...SURVEY_DEFERRED, status: 'supplied', files: [scan], supplementedOn: '2026-03-04', review: 'pending' };

/** The step a case is working, as the lifecycle records it. */
export function atStep(index: number, startedOn = ACCEPTED): NonNullable<CaseRecord['step']> {
  const step = item.steps[index]!;
  return { index, name: step.name, role: step.role, startedOn };
}

const accepted = { acceptedOn: ACCEPTED, step: atStep(0) };
const approved = { acceptedOn: ACCEPTED, decision: { outcome: 'approved' as const, on: '2026-03-09' } };
const byStatus: Record<CaseStatus, Partial<CaseRecord>> = {
  received: {},
  correctionRequested: { correction: { requestedOn: ACCEPTED, items: [{ materialId: 'sale-contract', note: '缺第3页' }] } },
  notAccepted: { notAccepted: { on: ACCEPTED, reason: '不属于本机关职权范围', rights: RIGHTS } },
  inProcess: accepted,
  suspended: { ...accepted, pauses: [{ from: '2026-03-04', kind: 'expertReview', reason: '专家评审' }] },
  decided: approved,
  delivered: { ...approved, delivery: { on: '2026-03-10', method: '窗口领取' } },
  withdrawn: { withdrawn: { on: ACCEPTED } },
};

/** A case of the estate item in a state, as that state leaves it; `patch` replaces whole fields. */
export function caseIn(status: CaseStatus, patch: Partial<CaseRecord> = {}): CaseRecord {
  return {
    trackingNumber: NUMBER,
    jurisdiction: '990100',
    itemId: item.id,
    itemName: item.name,
    version: 1,
    departmentId: DEPARTMENT,
    revision: 3,
    submittedAt: `${RECEIVED}T02:00:00.000Z`,
    receivedOn: RECEIVED,
    answers: {},
    materials: structuredClone(MATERIALS),
    pauses: [],
    warnings: {},
    due: { promised: { due: '2026-03-09', provisional: false } },
    calendarVersion: 'national',
    history: [{ at: `${RECEIVED}T02:00:00.000Z`, actor: 'applicant', action: 'submitted', to: 'received' }],
    ...structuredClone(byStatus[status]),
    status,
    ...structuredClone(patch),
  };
}

/** The estate case's materials with the survey report in the given state. */
export const withSurvey = (survey: CaseMaterial): CaseMaterial[] => [...structuredClone(MATERIALS), structuredClone(survey)];
