import { valueAt, withoutValueAt } from '../form-fields';
import type { BundleDefinition } from './model';
import { applicableItems } from './form';
import { setValueAt } from './paths';

/**
 * 一次提交, then 一次分办: the merged answers split into each base item's own answers (what each
 * child case gets, under the item's own field keys), and back.
 */

type Answers = Record<string, unknown>;
const isObject = (v: unknown): v is Answers => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Each applicable base item's answers, by its key in the bundle. */
export function splitAnswers(bundle: Pick<BundleDefinition, 'items' | 'stages' | 'fields'>, answers: Answers): Record<string, Answers> {
  const split: Record<string, Answers> = {};
  for (const key of applicableItems(bundle, answers)) {
    const own = isObject(answers[key]) ? structuredClone(answers[key]) : {};
    for (const c of bundle.fields) {
      const path = c.map[key];
      if (path !== undefined && answers[c.key] !== undefined) setValueAt(own, path, structuredClone(answers[c.key]));
    }
    split[key] = own;
  }
  return split;
}

/**
 * The merged answers of scenario answers and each base item's answers: for a form filled from
 * earlier applications, and the editor's preview. A canonical field takes the first item's value.
 */
export function joinAnswers(bundle: Pick<BundleDefinition, 'fields'>, scenario: Answers, byItem: Readonly<Record<string, Answers>>): Answers {
  const merged: Answers = structuredClone(scenario);
  for (const [key, answers] of Object.entries(byItem)) {
    const own = structuredClone(answers);
    for (const c of bundle.fields) {
      const path = c.map[key];
      if (path === undefined) continue;
      const value = valueAt(own, path);
      if (value !== undefined && merged[c.key] === undefined) merged[c.key] = value;
      withoutValueAt(own, path);
    }
    merged[key] = own;
  }
  return merged;
}
