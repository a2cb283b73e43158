import { randomBytes } from 'node:crypto';
import type { DepartmentOnRecord } from '@onevisit/item-schemas';
import type { AppDeps } from './deps';
import { departmentNameRequired, departmentNameTaken, notFound, officerNameRequired } from './errors';
import { ZDepartmentRecord, type DepartmentRecord, type Jurisdiction, type User } from './records';

/**
 * A jurisdiction's departments (实施主体) and the officers who work their cases. Items name their
 * department by its 统一社会信用代码 and applications go to that department's queue, so the
 * department must be one of the jurisdiction's and have someone to accept cases.
 */

export interface DepartmentWithOfficers extends DepartmentRecord {
  officers: Array<Pick<User, 'id' | 'name'>>;
}

/** Departments as stored (records from before 性质 existed read as 法定机关), each with its officers. */
export async function listDepartments(deps: AppDeps, jurisdiction: string): Promise<DepartmentWithOfficers[]> {
  const [departments, users] = await Promise.all([deps.store.listDepartments(jurisdiction), deps.store.listUsers(jurisdiction)]);
  return departments
    .map((d) => ZDepartmentRecord.parse(d))
    .map((d) => ({ ...d, officers: users.filter((u) => u.role === 'officer' && u.department === d.id).map((u) => ({ id: u.id, name: u.name })) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** What the publish-time checks need to know of the jurisdiction's departments. */
export async function departmentsOnRecord(deps: AppDeps, jurisdiction: string): Promise<DepartmentOnRecord[]> {
  return (await listDepartments(deps, jurisdiction)).map((d) => ({ id: d.id, name: d.name, officers: d.officers.length }));
}

export async function saveDepartment(deps: AppDeps, jurisdiction: string, id: string, body: { name: string; nature?: DepartmentRecord['nature'] }): Promise<DepartmentWithOfficers> {
  const name = body.name.trim();
  if (!name) throw departmentNameRequired();
  const others = await listDepartments(deps, jurisdiction);
  if (others.some((d) => d.id !== id && d.name === name)) throw departmentNameTaken(name);
  const saved: DepartmentRecord = { id, jurisdiction, name, nature: body.nature ?? others.find((d) => d.id === id)?.nature ?? '1' };
  await deps.store.putDepartment(saved);
  return { ...saved, officers: others.find((d) => d.id === id)?.officers ?? [] };
}

async function existingDepartment(deps: AppDeps, jurisdiction: string, id: string): Promise<DepartmentRecord> {
  const found = await deps.store.getDepartment(jurisdiction, id);
  if (!found) throw notFound('部门', 'department');
  return found;
}

/** A new officer of the department: in local mode they appear in the sign-in picker at once. */
export async function addOfficer(deps: AppDeps, jurisdiction: string, departmentId: string, name: string): Promise<User> {
  await existingDepartment(deps, jurisdiction, departmentId);
  const trimmed = name.trim();
  if (!trimmed) throw officerNameRequired();
  const officer: User = { id: `officer-${randomBytes(5).toString('hex')}`, name: trimmed, role: 'officer', jurisdiction, department: departmentId };
  await deps.store.putUser(officer);
  return officer;
}

export async function removeOfficer(deps: AppDeps, jurisdiction: string, departmentId: string, userId: string): Promise<void> {
  const user = await deps.store.getUser(jurisdiction, userId);
  if (!user || user.role !== 'officer' || user.department !== departmentId) throw notFound('工作人员', 'officer');
  await deps.store.deleteUser(jurisdiction, userId);
}

/** A department's name without its jurisdiction's: 示范市市场监督管理局 and 东城县市场监督管理局 are both 市场监督管理局. */
function coreName(name: string, jurisdictionNames: string[]): string {
  const prefix = [...jurisdictionNames].sort((a, b) => b.length - a.length).find((n) => n && name.startsWith(n));
  return prefix ? name.slice(prefix.length) : name;
}

/** The names a jurisdiction's departments may start with: 示范市东城县 and 东城县. */
function namesOf(j: Jurisdiction | undefined, parent: Jurisdiction | undefined): string[] {
  if (!j) return [];
  return parent && j.name.startsWith(parent.name) ? [j.name, j.name.slice(parent.name.length), parent.name] : [j.name];
}

/** The bureau that takes the licences a county has no matching department for (相对集中行政许可权). */
const CONSOLIDATED_APPROVAL = '行政审批服务局';

/**
 * Picks, for items the level above implements, the department of `jurisdiction` that should
 * implement them here: the one of the same kind (same name without the jurisdiction's), else
 * the consolidated approval bureau, else none (the clone then cannot be published until one is
 * picked). Reads what it needs once, for a whole batch of claims.
 */
export async function departmentProposer(deps: AppDeps, jurisdiction: string, upstreamJurisdiction: string): Promise<(upstream: { name: string }) => DepartmentRecord | undefined> {
  const [own, above, list] = await Promise.all([deps.store.getJurisdiction(jurisdiction), deps.store.getJurisdiction(upstreamJurisdiction), deps.store.listDepartments(jurisdiction)]);
  const aboveParent = above?.parent ? await deps.store.getJurisdiction(above.parent) : undefined;
  const aboveNames = namesOf(above, aboveParent);
  const ownNames = namesOf(own, above);
  return (upstream) => {
    const wanted = coreName(upstream.name, aboveNames);
    return list.find((d) => coreName(d.name, ownNames) === wanted) ?? list.find((d) => coreName(d.name, ownNames) === CONSOLIDATED_APPROVAL);
  };
}
