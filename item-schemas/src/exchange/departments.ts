import { bilingual, type Bilingual } from '../messages';
import { cellProblem, type CellProblem } from './problems';

/**
 * The 实施主体 a row names, as one of the importing jurisdiction's departments: the same credit
 * code; else the same name; else the same name once each side's jurisdiction name is taken off
 * (示范市市场监督管理局 is 东城县市场监督管理局 in 东城县), when exactly one department is. A
 * department found by name is said in the report; none found is a problem, never a new department.
 */

export interface KnownDepartment {
  /** Its 统一社会信用代码. */
  id: string;
  name: string;
}

export interface DepartmentContext {
  departments: readonly KnownDepartment[];
  /** Names departments may start with (every jurisdiction's, and a county's without its city's), longest taken off first. */
  jurisdictionNames: readonly string[];
}

function coreName(name: string, prefixes: readonly string[]): string {
  const prefix = prefixes.find((p) => p && name.startsWith(p) && name.length > p.length);
  return prefix ? name.slice(prefix.length) : name;
}

export type DepartmentMatch = { department: KnownDepartment; note?: Bilingual } | { problem: CellProblem };

export function matchDepartment(named: { name?: string; creditCode?: string }, context: DepartmentContext): DepartmentMatch {
  const { departments } = context;
  const byCode = named.creditCode ? departments.find((d) => d.id === named.creditCode) : undefined;
  if (byCode) {
    return byCode.name === named.name || !named.name
      ? { department: byCode }
      : { department: byCode, note: bilingual(`实施主体按信用代码对应本区划的「${byCode.name}」(表中写作「${named.name}」)`, `the department is this jurisdiction's "${byCode.name}" by its credit code (the file says "${named.name}")`) };
  }
  const name = named.name ?? '';
  const prefixes = [...context.jurisdictionNames].sort((a, b) => b.length - a.length);
  const byName = departments.filter((d) => d.name === name);
  const byCore = byName.length > 0 ? byName : departments.filter((d) => coreName(d.name, prefixes) === coreName(name, prefixes));
  if (name && byCore.length === 1) {
    const found = byCore[0]!;
    return {
      department: found,
      note: bilingual(`实施主体「${name}」按名称对应本区划的「${found.name}」(信用代码 ${found.id})`, `the department "${name}" is this jurisdiction's "${found.name}" by name (credit code ${found.id})`),
    };
  }
  const shown = `「${name}」${named.creditCode ? `(${named.creditCode})` : ''}`;
  return {
    problem: cellProblem(
      'UNKNOWN_DEPARTMENT',
      `${shown}不是本区划的部门：请先在「部门」页添加该部门，或改为本区划已有的部门${byCore.length > 1 ? `(按名称对应到 ${byCore.length} 个部门)` : ''}`,
      `${name}${named.creditCode ? ` (${named.creditCode})` : ''} is not one of this jurisdiction's departments: add it on the Departments page first, or name one of this jurisdiction's${byCore.length > 1 ? ` (the name fits ${byCore.length} departments)` : ''}`,
    ),
  };
}
