import type { BaseVersions, BundleDefinition, BundleDefinitionInput, BundleItem, CanonicalField, MaterialEquivalence } from '@onevisit/item-schemas';

/**
 * The draft of a 一件事 as the screens change it: which items in which step, the departments
 * taking part (from the items), the questions asked once and the documents handed in once.
 * A draft may be incomplete; the checks say what is missing.
 */

export type BundleDraftDefinition = Partial<BundleDefinitionInput> & { id: string };

/** A base item's key in the bundle, from its id: company-registration → companyRegistration. */
export function itemKeyOf(itemId: string, taken: ReadonlySet<string>): string {
  const camel = itemId.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9_]/g, '');
  const base = (/^[A-Za-z]/.test(camel) ? camel : `item${camel}`).slice(0, 36);
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}${n}`;
  return key;
}

/** Each item's step (0-based), by its key: the order of the stages. */
export function stepOf(definition: BundleDraftDefinition): Map<string, number> {
  const steps = new Map<string, number>();
  (definition.stages ?? []).forEach((stage, s) => stage.items.forEach((key) => steps.has(key) || steps.set(key, s)));
  return steps;
}

/** The stages from each item's step: empty steps dropped, items in the bundle's order, the names kept by position. */
export function stagesFrom(items: readonly Pick<BundleItem, 'key'>[], steps: ReadonlyMap<string, number>, names: ReadonlyArray<string | undefined> = []): NonNullable<BundleDefinitionInput['stages']> {
  const used = [...new Set(items.map((i) => steps.get(i.key) ?? 0))].sort((a, b) => a - b);
  return used.map((step, n) => ({ ...(names[n] ? { name: names[n] } : {}), items: items.filter((i) => (steps.get(i.key) ?? 0) === step).map((i) => i.key) }));
}

/** The lead department (kept while one of the items is its) and every other item's department as cooperating. */
export function departmentsFrom(definition: BundleDraftDefinition, base: BaseVersions): Pick<BundleDefinitionInput, 'leadDepartment' | 'cooperatingDepartments'> | undefined {
  const steps = stepOf(definition);
  const ordered = [...(definition.items ?? [])].sort((a, b) => (steps.get(a.key) ?? 0) - (steps.get(b.key) ?? 0));
  const all = [...new Map(ordered.flatMap((i) => (base[i.key] ? [base[i.key]!.department] : [])).map((d) => [d.creditCode, d])).values()];
  if (all.length === 0) return undefined;
  const lead: BundleDefinition['leadDepartment'] = all.find((d) => d.creditCode === definition.leadDepartment?.creditCode) ?? all[0]!;
  return { leadDepartment: lead, cooperatingDepartments: all.filter((d) => d.creditCode !== lead.creditCode) };
}

/** A question of a base item: which item, where in its form. */
export interface Question {
  item: string;
  path: string;
}

const fieldsOf = (definition: BundleDraftDefinition): CanonicalField[] => definition.fields ?? [];

/** A question asked on its own again: taken out of its group, and a group left with one question is no group. */
export function splitQuestion(definition: BundleDraftDefinition, q: Question): BundleDraftDefinition {
  const fields = fieldsOf(definition)
    .map((c) => (c.map[q.item] === q.path ? { ...c, map: Object.fromEntries(Object.entries(c.map).filter(([k]) => k !== q.item)) } : c))
    // A question filled in from a result stays one, however many items it answers.
    .filter((c) => Object.keys(c.map).length > (c.fromResultOf ? 0 : 1) || isScenarioKey(definition, c.key));
  return { ...definition, fields };
}

/** Questions no longer asked: one group answering them all, filled in from `producer`'s result (营业执照 → 统一社会信用代码). */
export function fillFromResult(definition: BundleDraftDefinition, asked: readonly Question[], producer: string, title: string): BundleDraftDefinition {
  const moved = asked.reduce(splitQuestion, definition);
  return { ...moved, fields: [...fieldsOf(moved), { key: newKey(moved, asked[0]!), title, map: Object.fromEntries(asked.map((q) => [q.item, q.path])), fromResultOf: producer }] };
}

/** Every question of a group asked on its own. */
export function splitGroup(definition: BundleDraftDefinition, key: string): BundleDraftDefinition {
  return { ...definition, fields: fieldsOf(definition).filter((c) => c.key !== key) };
}

const isScenarioKey = (definition: BundleDraftDefinition, key: string) => Object.hasOwn((definition.scenario?.schema as { properties?: object } | undefined)?.properties ?? {}, key);

/**
 * Two questions asked as one: the second joins the first's group (leaving its own, and its item's
 * other question in that group, if any); with neither in a group, a new one named as the first.
 */
export function joinQuestions(definition: BundleDraftDefinition, a: Question, b: Question, title: string): BundleDraftDefinition {
  const moved = splitQuestion(definition, b);
  const fields = fieldsOf(moved);
  const group = fields.find((c) => c.map[a.item] === a.path);
  if (group) return { ...moved, fields: fields.map((c) => (c === group ? { ...c, map: { ...c.map, [b.item]: b.path } } : c)) };
  return { ...moved, fields: [...fields, { key: newKey(moved, a), title, map: { [a.item]: a.path, [b.item]: b.path } }] };
}

/** A key for a new group, from its first question's path, taken by no group or item. */
function newKey(definition: BundleDraftDefinition, first: Question): string {
  const taken = new Set([...fieldsOf(definition).map((c) => c.key), ...(definition.items ?? []).map((i) => i.key)]);
  const stem = first.path.split('.').map((p, i) => (i === 0 ? p : p.charAt(0).toUpperCase() + p.slice(1))).join('').replace(/[^A-Za-z0-9_]/g, '');
  const keyBase = (/^[A-Za-z]/.test(stem) ? stem : `q${stem}`).slice(0, 36);
  let key = keyBase;
  for (let n = 2; taken.has(key); n++) key = `${keyBase}${n}`;
  return key;
}

/** Two documents handed in once: the second joins the first's equivalence, or a new one named as the first. */
export function joinMaterials(definition: BundleDraftDefinition, a: { item: string; materialId: string; name: string }, b: { item: string; materialId: string }): BundleDraftDefinition {
  const materials: MaterialEquivalence[] = (definition.materials ?? []).map((eq) => (eq.map[b.item] === b.materialId ? { ...eq, map: Object.fromEntries(Object.entries(eq.map).filter(([k]) => k !== b.item)) } : eq));
  const group = materials.find((eq) => eq.map[a.item] === a.materialId);
  if (group) return { ...definition, materials: materials.map((eq) => (eq === group ? { ...eq, map: { ...eq.map, [b.item]: b.materialId } } : eq)) };
  const taken = new Set(materials.map((eq) => eq.key));
  let key = 'same1';
  for (let n = 2; taken.has(key); n++) key = `same${n}`;
  return { ...definition, materials: [...materials.filter((eq) => Object.keys(eq.map).length > 0), { key, name: a.name, map: { [a.item]: a.materialId, [b.item]: b.materialId } }] };
}

/** A document marked equal to others handed in on its own again. */
export function splitMaterials(definition: BundleDraftDefinition, key: string): BundleDraftDefinition {
  return { ...definition, materials: (definition.materials ?? []).filter((eq) => eq.key !== key) };
}

/** Whether two definitions say the same, whatever order their keys were stored in. */
export function sameDefinition(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, x]) => [k, canonical(x)])) : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
