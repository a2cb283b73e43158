import { applicantFieldPaths } from '../applicant';
import { evaluate } from '../conditions';
import { inlineRefs } from '../form-refs';
import type { Condition } from '../model/condition';
import type { IntakeForm } from '../model/form';
import type { ItemDefinition } from '../model/item';
import { allOf, anyOf, itemsInStageOrder, type BaseVersions } from './base';
import { fieldSchemaAt, mergeFieldSchemas } from './field-schemas';
import type { BundleDefinition, CanonicalField } from './model';
import { canonicalFor, fieldVisibility, mergedPath, translateCondition } from './paths';

/**
 * 一表申请: the one form of a bundle, generated from its base items' pinned forms, never copied
 * by hand. The scenario questions come first, then each canonical field once, then each base
 * item's remaining fields in a group titled with the item's name. A group is shown only when
 * its item applies; a canonical field when any item it answers applies and shows it.
 */

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** When a base item applies (over the scenario answers); undefined = always. */
export function itemApplies(bundle: Pick<BundleDefinition, 'items'>, key: string): Condition | undefined {
  return bundle.items.find((i) => i.key === key)?.when;
}

/** The keys of the base items that apply to these answers, in stage order. */
export function applicableItems(bundle: Pick<BundleDefinition, 'items' | 'stages'>, answers: Record<string, unknown>): string[] {
  return itemsInStageOrder(bundle)
    .filter((i) => !i.when || evaluate(i.when, answers))
    .map((i) => i.key);
}

/** Whether a field and each group around it are required in their parents. */
function requiredAt(schema: Schema, path: string): boolean {
  let node: unknown = inlineRefs(schema);
  for (const part of path.split('.')) {
    if (!isObject(node) || !Array.isArray(node.required) || !node.required.includes(part)) return false;
    node = isObject(node.properties) ? node.properties[part] : undefined;
  }
  return true;
}

/** Removes a field from a schema, and a group left with nothing in it. */
function removeField(schema: Schema, path: string): void {
  const parts = path.split('.');
  const chain: Schema[] = [schema];
  for (const part of parts.slice(0, -1)) {
    const next = isObject(chain.at(-1)!.properties) ? (chain.at(-1)!.properties as Schema)[part] : undefined;
    if (!isObject(next)) return;
    chain.push(next);
  }
  for (let i = parts.length - 1; i >= 0; i--) {
    const node = chain[i]!;
    if (!isObject(node.properties)) return;
    delete node.properties[parts[i]!];
    if (Array.isArray(node.required)) node.required = node.required.filter((r) => r !== parts[i]);
    if (i === 0 || Object.keys(node.properties).length > 0) return;
  }
}

/** Removes a field's settings from a uiSchema, and its name from the order of its group. */
function removeUi(ui: Schema, path: string): void {
  const parts = path.split('.');
  let node: unknown = ui;
  for (const part of parts.slice(0, -1)) node = isObject(node) ? node[part] : undefined;
  if (!isObject(node)) return;
  const last = parts.at(-1)!;
  delete node[last];
  if (Array.isArray(node['ui:order'])) node['ui:order'] = node['ui:order'].filter((k) => k !== last);
}

/** Drops from every `ui:order` the fields the schema no longer has (the page refuses an order naming a missing field). */
function syncOrder(schema: Schema, ui: Schema): void {
  const properties = isObject(schema.properties) ? schema.properties : {};
  if (Array.isArray(ui['ui:order'])) ui['ui:order'] = ui['ui:order'].filter((k) => k === '*' || k in properties);
  for (const [key, value] of Object.entries(ui)) {
    if (key.startsWith('ui:') || !isObject(value)) continue;
    if (isObject(properties[key])) syncOrder(properties[key] as Schema, value);
    else delete ui[key];
  }
}

function uiAt(ui: Schema, path: string): Schema | undefined {
  let node: unknown = ui;
  for (const part of path.split('.')) node = isObject(node) ? node[part] : undefined;
  return isObject(node) ? node : undefined;
}

interface Placed {
  key: string;
  schema: Schema;
  ui?: Schema;
  required: boolean;
  visibleWhen?: Condition;
}

/** A canonical field as the merged form asks it, or nothing when it is never asked (filled from a result). */
function placeCanonical(bundle: BundleDefinition, base: BaseVersions, c: CanonicalField): Placed | undefined {
  const producer = c.fromResultOf ? itemApplies(bundle, c.fromResultOf) : undefined;
  if (c.fromResultOf && !producer) return undefined;
  const mapped = Object.entries(c.map).filter(([k, p]) => base[k] && fieldSchemaAt(base[k].form.schema, p));
  const schemas = mapped.map(([k, p]) => fieldSchemaAt(base[k]!.form.schema, p)!);
  const merge = mergeFieldSchemas(schemas);
  // An incompatible mapping is the checks' to refuse; the preview still shows the first field.
  const schema = 'schema' in merge ? merge.schema : (schemas[0] ?? { type: 'string' });
  const shown = mapped.length === 0 ? undefined : anyOf(mapped.map(([k, p]) => allOf([itemApplies(bundle, k), fieldVisibility(bundle, k, base[k]!, p)])));
  const first = mapped[0];
  return {
    key: c.key,
    schema: { ...schema, title: c.title },
    ui: first ? uiAt(base[first[0]]!.form.uiSchema, first[1]) : undefined,
    required: mapped.some(([k, p]) => requiredAt(base[k]!.form.schema, p)),
    visibleWhen: allOf([shown, producer ? { not: producer } : undefined]),
  };
}

/** A base item's fields that no canonical field answers, as a group titled with the item's name. */
function placeGroup(bundle: BundleDefinition, key: string, item: ItemDefinition): { placed?: Placed; visibleWhen: Record<string, Condition> } {
  const schema = structuredClone(inlineRefs(item.form.schema));
  const ui = structuredClone(item.form.uiSchema);
  const mapped = bundle.fields.map((c) => c.map[key]).filter((p): p is string => p !== undefined);
  for (const path of mapped) {
    removeField(schema, path);
    removeUi(ui, path);
  }
  syncOrder(schema, ui);
  const visibleWhen: Record<string, Condition> = {};
  const when = itemApplies(bundle, key);
  if (when) visibleWhen[key] = when;
  for (const [path, condition] of Object.entries(item.form.visibleWhen)) {
    if (canonicalFor(bundle, key, path) || !fieldSchemaAt(schema, path)) continue;
    visibleWhen[`${key}.${path}`] = translateCondition(condition, (p) => mergedPath(bundle, key, p));
  }
  if (!isObject(schema.properties) || Object.keys(schema.properties).length === 0) return { visibleWhen: {} };
  const { $schema: _dialect, $id: _id, definitions: _definitions, $defs: _defs, ...group } = schema;
  const required = Array.isArray(group.required) && group.required.length > 0;
  return { placed: { key, schema: { ...group, type: 'object', title: item.name }, ui, required }, visibleWhen };
}

export function mergedForm(bundle: BundleDefinition, base: BaseVersions): IntakeForm {
  const scenario = inlineRefs(bundle.scenario.schema);
  const scenarioProps = isObject(scenario.properties) ? scenario.properties : {};
  const scenarioKeys = new Set(Object.keys(scenarioProps));
  const properties: Schema = { ...scenarioProps };
  const required: string[] = Array.isArray(scenario.required) ? scenario.required.filter((r): r is string => typeof r === 'string') : [];
  const { 'ui:order': scenarioOrder, ...scenarioUi } = bundle.scenario.uiSchema;
  const uiSchema: Schema = { ...scenarioUi };
  const order: string[] = Array.isArray(scenarioOrder) ? scenarioOrder.filter((k): k is string => scenarioKeys.has(k as string)) : [];
  for (const k of scenarioKeys) if (!order.includes(k)) order.push(k);
  const visibleWhen: Record<string, Condition> = { ...bundle.scenario.visibleWhen };
  const place = (p: Placed) => {
    properties[p.key] = p.schema;
    if (p.required) required.push(p.key);
    if (p.ui) uiSchema[p.key] = p.ui;
    if (p.visibleWhen) visibleWhen[p.key] = p.visibleWhen;
    order.push(p.key);
  };
  for (const c of bundle.fields) {
    if (scenarioKeys.has(c.key)) continue;
    const placed = placeCanonical(bundle, base, c);
    if (placed) place(placed);
  }
  for (const { key } of itemsInStageOrder(bundle)) {
    const item = base[key];
    if (!item) continue;
    const group = placeGroup(bundle, key, item);
    if (group.placed) place(group.placed);
    Object.assign(visibleWhen, group.visibleWhen);
  }
  uiSchema['ui:order'] = order;
  return {
    schema: { type: 'object', properties, required: [...new Set(required)] },
    uiSchema,
    visibleWhen,
    applicantFields: mergedApplicant(bundle, base, properties),
  };
}

/**
 * Who applies, for notices and the tracking page: the base items' applicant fields where the
 * merged form asks them, a canonical field first (it is asked whichever items apply).
 */
function mergedApplicant(bundle: BundleDefinition, base: BaseVersions, properties: Schema): IntakeForm['applicantFields'] {
  const found: IntakeForm['applicantFields'] = {};
  for (const which of ['name', 'idNumber', 'mobile'] as const) {
    const candidates = itemsInStageOrder(bundle)
      .flatMap(({ key }) => {
        const path = base[key] ? applicantFieldPaths(base[key].form)[which] : undefined;
        return path ? [mergedPath(bundle, key, path)] : [];
      })
      .filter((p) => p.split('.')[0]! in properties);
    const chosen = candidates.find((p) => !p.includes('.')) ?? candidates[0];
    if (chosen) found[which] = chosen;
  }
  return found;
}
