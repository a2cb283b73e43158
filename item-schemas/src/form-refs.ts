/**
 * 展开本表单内的引用 / A form with its local `$ref`s replaced by what they point to, as
 * react-jsonschema-form sees it: the referenced definition with the referring node's own keywords
 * on top. Only local, non-recursive references pass the publish checks, so this terminates; the
 * expanded size is bounded so definitions used many times over cannot blow up.
 */

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How many schema nodes an expanded form may hold (a 256 KB form holds far fewer). */
export const MAX_EXPANDED_NODES = 20_000;

export class RefExpansionError extends Error {}

/** Keywords whose values are schemas, maps of schemas or lists of schemas (values of `default`, `enum`… are data). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependencies']);
const SCHEMA_VALUES = new Set(['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'not', 'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf']);

const expanded = new WeakMap<Schema, Schema>();

function target(root: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = isObject(node) ? node[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return isObject(node) ? node : undefined;
}

/** The form with every local `$ref` expanded; the same object when it has none. Throws RefExpansionError past the bound or on a cycle. */
export function inlineRefs(root: Schema): Schema {
  const known = expanded.get(root);
  if (known) return known;
  if (!JSON.stringify(root).includes('"$ref"')) {
    expanded.set(root, root);
    return root;
  }
  let nodes = 0;
  const walk = (node: unknown, trail: readonly string[]): unknown => {
    if (++nodes > MAX_EXPANDED_NODES) throw new RefExpansionError('expanded form too large');
    if (Array.isArray(node)) return node.map((n) => walk(n, trail));
    if (!isObject(node)) return node;
    let own: Schema = node;
    let path = trail;
    while (typeof own.$ref === 'string') {
      const ref: string = own.$ref;
      const resolved = target(root, ref);
      if (!resolved || path.includes(ref)) throw new RefExpansionError(`cannot expand ${ref}`);
      const { $ref: _dropped, ...siblings } = own;
      own = { ...resolved, ...siblings };
      path = [...path, ref];
    }
    const out: Schema = {};
    for (const [key, value] of Object.entries(own)) {
      if (SCHEMA_VALUES.has(key)) out[key] = walk(value, path);
      else if (SCHEMA_MAPS.has(key) && isObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v : walk(v, path)]));
      else out[key] = value;
    }
    return out;
  };
  const result = walk(root, []) as Schema;
  expanded.set(root, result);
  return result;
}
