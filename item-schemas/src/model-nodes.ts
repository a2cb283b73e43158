import type { z } from 'zod';
import type { Labels } from './model/codes';
import { ZItemDefinition } from './model/item';

/**
 * Reading the zod model of an item as a tree: what a node is once its optional / default /
 * nullable wrappers are taken off, and the title and code labels its `.meta()` carries. The
 * wording of changes walks the model with this, so a field added to the model is named by its
 * own title without anything else to update.
 */

export type ModelNode = z.ZodType;

interface Def {
  type: string;
  innerType?: ModelNode;
  element?: ModelNode;
  shape?: Record<string, ModelNode>;
  getter?: () => ModelNode;
  in?: ModelNode;
}

const defOf = (node: ModelNode) => node._zod.def as unknown as Def;

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional', 'lazy', 'pipe']);

export interface NodeInfo {
  /** The node without wrappers. */
  node: ModelNode;
  /** Its zod kind: object, array, string, number, boolean, enum, union, record, … */
  type: string;
  /** The outermost title: a field's own name before its type's general one. */
  title?: string;
  labels?: Labels<string>;
  /** The condition language, said in words as a whole. */
  condition: boolean;
}

const cache = new WeakMap<ModelNode, NodeInfo>();

export function nodeInfo(node: ModelNode): NodeInfo {
  const known = cache.get(node);
  if (known) return known;
  let current = node;
  let title: string | undefined;
  let labels: Labels<string> | undefined;
  let condition = false;
  for (let depth = 0; depth < 20; depth++) {
    const meta = current.meta() as { title?: unknown; labels?: Labels<string>; id?: unknown } | undefined;
    if (typeof meta?.title === 'string') title ??= meta.title;
    labels ??= meta?.labels;
    if (meta?.id === 'condition') condition = true;
    const def = defOf(current);
    if (!WRAPPERS.has(def.type)) break;
    const inner = def.type === 'lazy' ? def.getter?.() : def.type === 'pipe' ? def.in : def.innerType;
    if (!inner) break;
    current = inner;
  }
  const info: NodeInfo = { node: current, type: defOf(current).type, ...(title ? { title } : {}), ...(labels ? { labels } : {}), condition };
  cache.set(node, info);
  return info;
}

/** The fields of an object node, in the model's order. */
export function shapeOf(node: ModelNode): Record<string, ModelNode> | undefined {
  const info = nodeInfo(node);
  return info.type === 'object' ? defOf(info.node).shape : undefined;
}

/** The element of an array node. */
export function elementOf(node: ModelNode): ModelNode | undefined {
  const info = nodeInfo(node);
  return info.type === 'array' ? defOf(info.node).element : undefined;
}

/** The model node at a JSON Pointer into an item definition (`/materials/0/form`), if the model has one. */
export function itemNodeAt(pointer: string): ModelNode | undefined {
  let node: ModelNode | undefined = ZItemDefinition;
  for (const part of pointer.split('/').slice(1)) {
    if (!node) return undefined;
    node = /^\d+$/.test(part) ? elementOf(node) : shapeOf(node)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}
