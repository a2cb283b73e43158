import { formFields, valueAt, type FormField, type ItemDefinition } from '@onevisit/item-schemas';
import { allowedActions, blockedActions } from './admissible';
import type { CaseDetail, CaseSearchEntry, QueueEntry, StoredCase, WarningLevel } from './record';
import { publicCase, type CaseRules } from './service';

/** How officers see cases: a line in the queue or the search, and the case page. */

/** The titles of the groups a field sits in ("受让方" for transferee.name), outermost first. */
function groupTitles(schema: Record<string, unknown>, path: string): string[] {
  const titles: string[] = [];
  let node: Record<string, unknown> | undefined = schema;
  for (const part of path.split('.').slice(0, -1)) {
    node = (node?.properties as Record<string, Record<string, unknown>> | undefined)?.[part];
    if (typeof node?.title === 'string') titles.push(node.title);
  }
  return titles;
}

/** The schema at a field's path (transferee.name), through its groups. */
function nodeAt(schema: Record<string, unknown>, path: string): Record<string, unknown> | undefined {
  let node: Record<string, unknown> | undefined = schema;
  for (const part of path.split('.')) node = (node?.properties as Record<string, Record<string, unknown>> | undefined)?.[part];
  return node;
}

/** An answer in words: chosen options by name, a repeating group's entries by their fields' titles (姓名：李四，…). */
function words(field: FormField, value: unknown, node: Record<string, unknown> | undefined): string {
  if (Array.isArray(value)) {
    const entry = node?.items as Record<string, unknown> | undefined;
    return value.map((v) => words({ ...field, options: field.itemOptions ?? field.options }, v, entry)).join(value.some((v) => typeof v === 'object') ? '；' : '、');
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object' && value !== null && node) {
    return formFields(node)
      .filter((f) => !f.path.includes('.'))
      .flatMap((f) => {
        const v = valueAt(value, f.path);
        return v === undefined || v === '' ? [] : [`${f.title}：${words(f, v, nodeAt(node, f.path))}`];
      })
      .join('，');
  }
  const index = field.options?.indexOf(value as never) ?? -1;
  return index >= 0 && field.optionTitles?.[index] ? field.optionTitles[index]! : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** One line per answered field, in form order, as the applicant saw the questions. */
function readableAnswers(item: ItemDefinition, answers: Record<string, unknown>): CaseDetail['answers'] {
  return formFields(item.form.schema).flatMap((field) => {
    const value = valueAt(answers, field.path);
    return value === undefined || value === '' || (typeof value === 'object' && !Array.isArray(value)) ? [] : [{ path: field.path, title: [...groupTitles(item.form.schema, field.path), field.title].join(' · '), value: words(field, value, nodeAt(item.form.schema, field.path)) }];
  });
}

/** What every list of cases shows of one. */
const listed = (c: StoredCase) => ({
  trackingNumber: c.trackingNumber,
  itemId: c.itemId,
  itemName: c.itemName,
  status: c.status,
  revision: c.revision,
  receivedOn: c.receivedOn,
  ...(c.applicant?.name ? { applicant: c.applicant.name } : {}),
});

export function queueEntryOf(c: StoredCase, warning: WarningLevel): QueueEntry {
  return {
    ...listed(c),
    ...(c.step ? { step: c.step.name } : {}),
    due: c.due,
    warning,
    awaitingReview: c.materials.some((m) => m.review === 'pending'),
  };
}

const rank = { overdue: 0, red: 1, yellow: 2, normal: 3 } as const;

/** The queue's order: most urgent first, then the nearest due date. */
export function byUrgency(a: QueueEntry, b: QueueEntry): number {
  return rank[a.warning] - rank[b.warning] || (a.due.step?.due ?? a.due.promised.due).localeCompare(b.due.step?.due ?? b.due.promised.due);
}

export function searchEntryOf(c: StoredCase): CaseSearchEntry {
  return {
    ...listed(c),
    departmentId: c.departmentId,
    ...(c.channel ? { channel: c.channel } : {}),
    ...(c.window ? { windowNumber: c.window.window.number } : {}),
    promisedDue: c.due.promised.due,
    ...(c.decision ? { outcome: c.decision.outcome } : {}),
    ...(c.rating ? { rating: { level: c.rating.level, ...(c.rating.voided ? { voided: c.rating.voided } : {}) } } : {}),
  };
}

/** The case page: the case with its item's steps, the actions it admits and its answers in words. */
export function caseDetailOf(c: StoredCase, rules: CaseRules, warning: WarningLevel, departmentName: string | undefined): CaseDetail {
  const { item } = rules;
  return {
    case: publicCase(c),
    warning,
    steps: item.steps.map((s) => ({ name: s.name, role: s.role, limitDays: s.limitDays, onTimeout: s.onTimeout })),
    allowed: allowedActions(c, item),
    specialProcedures: item.specialProcedures.map((p) => p.kind),
    // Where the case is now: an administrator may have moved it from the item's department.
    departmentName: departmentName ?? item.department.name,
    answers: readableAnswers(item, c.answers),
    deliveryMethods: item.delivery.map((d) => d.method),
    ...(item.result ? { resultName: item.result.name } : {}),
    itemType: item.itemType,
    supplementOnMissed: item.deficiencyAcceptance.onMissed,
    blocked: blockedActions(c, item),
  };
}
