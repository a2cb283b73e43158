import type { Principal } from './auth';
import { act, loadCase, publicCase } from './cases/service';
import type { CaseRecord } from './cases/record';
import { listDepartments } from './departments';
import type { AppDeps } from './deps';
import { departmentNoOfficer, departmentUnknown } from './errors';

/**
 * Where cases go, and what to do when they cannot get there: an item whose department is not
 * one of the jurisdiction's (or has no officer) loses every application, so administrators see
 * such items and the open cases stranded by them, and move cases to the department that should
 * work them.
 */

type Reason = 'unknown' | 'noOfficer';

export async function unreachable(deps: AppDeps, jurisdiction: string) {
  const [heads, departments] = await Promise.all([deps.store.listHeads(jurisdiction), listDepartments(deps, jurisdiction)]);
  const reasonFor = (id: string): Reason | undefined => {
    const found = departments.find((d) => d.id === id);
    return !found ? 'unknown' : found.officers.length === 0 ? 'noOfficer' : undefined;
  };
  const items = heads.flatMap((h) => {
    const reason = h.published && h.state !== 'cancelled' ? reasonFor(h.published.department.creditCode) : undefined;
    return reason ? [{ itemId: h.itemId, name: h.published!.name, department: h.published!.department.name, reason, published: h.state === 'published' }] : [];
  });
  // Open cases sit in their department's queue: read the queues nobody works.
  const stranded = new Set([...heads.flatMap((h) => (h.published ? [h.published.department.creditCode] : [])), ...departments.map((d) => d.id)].filter((id) => reasonFor(id)));
  const cases = (await Promise.all([...stranded].map((id) => deps.store.departmentQueue(jurisdiction, id)))).flat();
  return {
    items,
    cases: cases.map((k) => ({ trackingNumber: k.trackingNumber, itemName: k.itemName, departmentId: k.departmentId, status: k.status, revision: k.revision, receivedOn: k.receivedOn, reason: reasonFor(k.departmentId)! })),
  };
}

/** Moves a case to another department of its jurisdiction, with the reason in its history. */
export async function reassignCase(
  deps: AppDeps,
  who: Principal,
  jurisdiction: string,
  trackingNumber: string,
  body: { department: string; reason: string; expectedRevision: number },
): Promise<CaseRecord> {
  const [found, departments] = await Promise.all([loadCase(deps, jurisdiction, trackingNumber), listDepartments(deps, jurisdiction)]);
  const target = departments.find((d) => d.id === body.department);
  if (!target) throw departmentUnknown();
  if (target.officers.length === 0) throw departmentNoOfficer(target.name);
  const fromName = departments.find((d) => d.id === found.departmentId)?.name ?? found.departmentId;
  const action = { type: 'reassign' as const, department: target.id, departmentName: target.name, fromName, reason: body.reason };
  const result = await act(deps, found, action, { actor: { id: who.sub, name: who.name }, expectedRevision: body.expectedRevision });
  return publicCase(result.case);
}
