import type { CheckIssue } from './check-codes';
import { bilingual } from './messages';
import type { ItemDefinition } from './model/item';

/**
 * Who an item's cases reach. Applications go to the queue of the department named as 实施主体,
 * so an item whose department is not one of the jurisdiction's, or has no officer to accept
 * cases, would publish and then lose every application. These checks need the jurisdiction's
 * departments, which the editor and the server both pass in.
 */

/** A department of the jurisdiction as the checks see it. */
export interface DepartmentOnRecord {
  id: string;
  name: string;
  /** Officers of the department who can accept cases. */
  officers: number;
}

export function departmentIssues(item: Pick<ItemDefinition, 'department'>, departments: readonly DepartmentOnRecord[]): CheckIssue[] {
  const named = item.department;
  const found = departments.find((d) => d.id === named.creditCode);
  if (!found) {
    return [
      {
        code: 'DEPARTMENT_UNKNOWN',
        path: '/department',
        ...bilingual(
          `「实施主体」${named.name}不是本区划的部门，请从部门列表中选择(申请将送到所选部门办理)`,
          `"Implementing department": ${named.name} is not a department of this jurisdiction; pick one from the list (applications go to that department)`,
        ),
      },
    ];
  }
  if (found.officers === 0) {
    return [
      {
        code: 'DEPARTMENT_NO_OFFICER',
        path: '/department',
        ...bilingual(
          `「实施主体」${found.name}还没有工作人员，没有人能受理申请；请先在「部门」页为它添加工作人员，或选择其他部门`,
          `"Implementing department": ${found.name} has no officers, so nobody could accept applications; add an officer on the Departments page, or pick another department`,
        ),
      },
    ];
  }
  return [];
}
