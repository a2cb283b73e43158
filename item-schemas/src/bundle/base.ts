import equal from 'fast-deep-equal';
import { formFields, type FormField } from '../form-fields';
import { inlineRefs } from '../form-refs';
import type { Condition } from '../model/condition';
import type { ItemDefinition } from '../model/item';
import type { BundleDefinition, BundleItem } from './model';

/**
 * The pinned base versions of a bundle and how the bundle reads them: in stage order, their
 * fields by path, a field named as an official knows it (「食品经营许可」的「法定代表人 身份证号码」).
 */

/** The pinned version of each base item, by its key in the bundle. */
export type BaseVersions = Readonly<Record<string, ItemDefinition>>;

/** The bundle's base items in stage order (then their order in the bundle), each once. */
export function itemsInStageOrder(bundle: Pick<BundleDefinition, 'items' | 'stages'>): BundleItem[] {
  const staged = bundle.stages.flatMap((s) => s.items);
  const rank = (key: string) => {
    const i = staged.indexOf(key);
    return i < 0 ? staged.length : i;
  };
  return [...bundle.items].sort((a, b) => rank(a.key) - rank(b.key));
}

/** The stage (0-based) a base item runs in, or -1 when no stage names it. */
export function stageOf(bundle: Pick<BundleDefinition, 'stages'>, key: string): number {
  return bundle.stages.findIndex((s) => s.items.includes(key));
}

const fieldCache = new WeakMap<object, Map<string, FormField>>();

/** A base item's fields by dotted path (local references expanded). */
export function fieldsByPath(schema: Record<string, unknown>): Map<string, FormField> {
  let known = fieldCache.get(schema);
  if (!known) {
    known = new Map(formFields(inlineRefs(schema)).map((f) => [f.path, f]));
    fieldCache.set(schema, known);
  }
  return known;
}

/** A field's title with its groups' titles before it: 法定代表人 身份证号码. */
export function fieldTitle(schema: Record<string, unknown>, path: string, separator = ' '): string {
  const fields = fieldsByPath(schema);
  const parts = path.split('.');
  return parts
    .map((_, i) => fields.get(parts.slice(0, i + 1).join('.'))?.title ?? parts[i]!)
    .join(separator);
}

/** 「食品经营许可」的「统一社会信用代码」 / “食品经营许可”: “统一社会信用代码” */
export function itemFieldWords(item: ItemDefinition | undefined, path: string): { zh: string; en: string } {
  const title = item ? fieldTitle(item.form.schema, path) : '';
  const name = item?.name ?? '';
  return { zh: `「${name}」的「${title}」`, en: `"${title}" of "${name}"` };
}

/** Conditions joined one level deep, each once: they read as one list in words. */
function flatten(conditions: readonly Condition[], joiner: 'all' | 'any'): Condition[] {
  const flat = conditions.flatMap((c) => (joiner in c ? (c as Record<typeof joiner, Condition[]>)[joiner] : [c]));
  return flat.filter((c, i) => flat.findIndex((d) => equal(c, d)) === i);
}

/** All of the conditions (absent ones hold always); undefined when nothing is required. */
export function allOf(conditions: ReadonlyArray<Condition | undefined>): Condition | undefined {
  const present = flatten(conditions.filter((c): c is Condition => c !== undefined), 'all');
  return present.length === 0 ? undefined : present.length === 1 ? present[0] : { all: present };
}

/** Any of the conditions; undefined (always) when there are none or one of them always holds. */
export function anyOf(conditions: ReadonlyArray<Condition | undefined>): Condition | undefined {
  if (conditions.length === 0 || conditions.some((c) => c === undefined)) return undefined;
  const present = flatten(conditions as Condition[], 'any');
  return present.length === 1 ? present[0] : { any: present };
}
