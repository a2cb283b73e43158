import { evaluate, fieldsOf, isAnswered, visibleAnswers } from './conditions';
import { valueAt } from './form-fields';
import type { ItemDefinition } from './model/item';
import type { Material } from './model/material';

/**
 * Which materials an applicant must bring for given answers (一次告知): required, optional,
 * may be supplied later (容缺), obtained by sharing and never asked (免交), or not applicable.
 */

export type MaterialStatus = 'required' | 'optional' | 'deferrable' | 'shared' | 'notApplicable';

export interface MaterialsByStatus {
  required: Material[];
  optional: Material[];
  deferrable: Material[];
  shared: Material[];
  notApplicable: Material[];
}

type RulesItem = Pick<ItemDefinition, 'materials' | 'form' | 'deficiencyAcceptance' | 'notifyPromise'>;

export function materialStatus(item: RulesItem, material: Material, visible: Record<string, unknown>): MaterialStatus {
  if (material.when && !evaluate(material.when, visible)) return 'notApplicable';
  return statusWhenApplicable(item, material);
}

/** What a material is for those it applies to, whatever the answers. */
export function statusWhenApplicable(item: Pick<RulesItem, 'deficiencyAcceptance'>, material: Material): Exclude<MaterialStatus, 'notApplicable'> {
  if (material.shared) return 'shared';
  if (material.necessity === 'deferrable') return item.deficiencyAcceptance.enabled ? 'deferrable' : 'required';
  return material.necessity;
}

export function materialsFor(item: RulesItem, answers: Record<string, unknown>): MaterialsByStatus {
  const visible = visibleAnswers(item.form, answers).answers;
  const result: MaterialsByStatus = { required: [], optional: [], deferrable: [], shared: [], notApplicable: [] };
  for (const material of item.materials) result[materialStatus(item, material, visible)].push(material);
  return result;
}

export interface MaterialNeed {
  material: Material;
  status: MaterialStatus;
  /**
   * Whether the answers so far decide a conditional material: its condition holds, or every field
   * it reads is answered. Until then the applicant is told the condition, not that it is not needed.
   */
  decided: boolean;
}

/** Every material of the item, in its order, with what the answers so far make of it (一次告知). */
export function materialNeeds(item: RulesItem, answers: Record<string, unknown>): MaterialNeed[] {
  const visible = visibleAnswers(item.form, answers).answers;
  return item.materials.map((material) => {
    const status = materialStatus(item, material, visible);
    const decided = !material.when || status !== 'notApplicable' || fieldsOf(material.when).every((field) => isAnswered(valueAt(visible, field)));
    return { material, status, decided };
  });
}

export interface SubmissionMaterials {
  /** Required materials neither supplied nor replaced by a signed promise: the case is refused. */
  missing: Material[];
  /** 容缺 materials not supplied: accepted, to be supplied by the supplement deadline. */
  deferred: Material[];
  /** Supplied ids the item does not ask for under these answers (shared, not applicable, unknown). */
  unexpected: string[];
}

/**
 * What a submission lacks. `supplied` are the materials uploaded or handed in; `promised` those
 * replaced by a signed promise (告知承诺), allowed only where the item and material permit it.
 */
export function checkSubmissionMaterials(
  item: RulesItem,
  answers: Record<string, unknown>,
  supplied: readonly string[],
  promised: readonly string[] = [],
): SubmissionMaterials {
  const byStatus = materialsFor(item, answers);
  const have = new Set(supplied);
  const promise = new Set(item.notifyPromise.enabled ? promised : []);
  const covered = (m: Material) => have.has(m.id) || (m.promiseReplaceable && promise.has(m.id));
  const asked = new Set([...byStatus.required, ...byStatus.optional, ...byStatus.deferrable].map((m) => m.id));
  return {
    missing: byStatus.required.filter((m) => !covered(m)),
    deferred: byStatus.deferrable.filter((m) => !covered(m)),
    unexpected: [...have].filter((id) => !asked.has(id)),
  };
}
