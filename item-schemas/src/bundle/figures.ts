import { visibleAnswers } from '../conditions';
import { formFields } from '../form-fields';
import { materialsFor } from '../materials';
import { splitAnswers } from './answers';
import type { BaseVersions } from './base';
import { mergedForm } from './form';
import { mergedMaterials } from './materials';
import type { BundleDefinition } from './model';

/**
 * What one application saves the applicant: questions and documents asked in the one form and
 * checklist against the sum of the base items' own (the figures `npm run bench -- onething` prints).
 */

export interface BundleFigures {
  items: number;
  /** Questions of the merged form, scenario questions included. */
  fieldsAsked: number;
  /** Questions of the base items' forms, added up. */
  fieldsSeparately: number;
  /** Documents the one checklist asks for (not 免交, and, given answers, applicable). */
  materialsAsked: number;
  /** Documents the base items ask for each on its own, added up. */
  materialsSeparately: number;
}

/** Answers a person gives: every field but the groups that hold them. */
const questions = (schema: Record<string, unknown>) => formFields(schema).filter((f) => f.type !== 'object').length;

export function bundleFigures(bundle: BundleDefinition, base: BaseVersions, answers?: Record<string, unknown>): BundleFigures {
  const form = mergedForm(bundle, base);
  const keys = bundle.items.map((i) => i.key).filter((k) => base[k]);
  const perItem = answers ? splitAnswers(bundle, visibleAnswers(form, answers).answers) : undefined;
  const separately = keys.reduce((sum, k) => {
    const item = base[k]!;
    if (!perItem) return sum + item.materials.filter((m) => !m.shared).length;
    if (!perItem[k]) return sum;
    const by = materialsFor(item, perItem[k]);
    return sum + by.required.length + by.optional.length + by.deferrable.length;
  }, 0);
  const asked = mergedMaterials(bundle, base, answers, form).filter((m) => m.status !== 'shared' && m.status !== 'notApplicable').length;
  return {
    items: keys.length,
    fieldsAsked: questions(form.schema),
    fieldsSeparately: keys.reduce((sum, k) => sum + questions(base[k]!.form.schema), 0),
    materialsAsked: asked,
    materialsSeparately: separately,
  };
}
