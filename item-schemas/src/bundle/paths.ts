import type { Condition } from '../model/condition';
import type { ItemDefinition } from '../model/item';
import { allOf } from './base';
import type { BundleDefinition } from './model';

/**
 * Where a base item's field sits in the merged form: a canonical field's key when the bundle
 * maps it, else under the item's group (`food.premises`). Conditions written for the base item
 * are carried over with their paths moved the same way.
 */

type Mapping = Pick<BundleDefinition, 'fields'>;

/** The canonical field that answers a base item's field, if any. */
export function canonicalFor(bundle: Mapping, itemKey: string, path: string) {
  return bundle.fields.find((c) => c.map[itemKey] === path);
}

export function mergedPath(bundle: Mapping, itemKey: string, path: string): string {
  return canonicalFor(bundle, itemKey, path)?.key ?? `${itemKey}.${path}`;
}

export function translateCondition(condition: Condition, move: (path: string) => string): Condition {
  if ('all' in condition) return { all: condition.all.map((c) => translateCondition(c, move)) };
  if ('any' in condition) return { any: condition.any.map((c) => translateCondition(c, move)) };
  if ('not' in condition) return { not: translateCondition(condition.not, move) };
  return { ...condition, field: move(condition.field) };
}

/** When a base item's field is shown in its own form: its own condition and its groups', in merged paths. */
export function fieldVisibility(bundle: Mapping, itemKey: string, item: ItemDefinition, path: string): Condition | undefined {
  const parts = path.split('.');
  const own = parts.map((_, i) => item.form.visibleWhen[parts.slice(0, i + 1).join('.')]);
  return allOf(own.map((c) => (c ? translateCondition(c, (p) => mergedPath(bundle, itemKey, p)) : undefined)));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function setValueAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isObject(node[part])) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}
