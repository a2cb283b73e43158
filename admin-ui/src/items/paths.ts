import type { CheckIssue } from '@onevisit/item-schemas';

/** Which editor tab holds the field at a JSON Pointer, and the element id to focus there. */
export type Tab = 'basics' | 'form' | 'materials' | 'steps' | 'preview' | 'versions' | 'local' | 'upstream';

const STEPS_FIELDS = ['/steps', '/legalLimit', '/promisedLimit', '/caseType', '/deficiencyAcceptance', '/autoApproveOnTimeout'];

export function tabOf(path: string): Tab {
  if (path.startsWith('/form')) return 'form';
  if (path.startsWith('/materials')) return 'materials';
  if (STEPS_FIELDS.some((p) => path === p || path.startsWith(`${p}/`))) return 'steps';
  return 'basics';
}

/** The id of the control editing a path: `f` + the pointer with / as -, e.g. f-promisedLimit-value. */
export const fieldId = (path: string) => `f${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

export function issuesAt(issues: readonly CheckIssue[], path: string): CheckIssue[] {
  return issues.filter((i) => i.path === path || i.path.startsWith(`${path}/`));
}
