import { fieldsOf, isAnswered, visibleAnswers } from '../conditions';
import { formFields, valueAt } from '../form-fields';
import { materialWords, type MaterialWords } from '../material-words';
import { materialStatus, statusWhenApplicable, type MaterialStatus } from '../materials';
import type { IntakeForm } from '../model/form';
import type { ItemDefinition } from '../model/item';
import type { Material } from '../model/material';
import { splitAnswers } from './answers';
import { allOf, anyOf, itemsInStageOrder, type BaseVersions } from './base';
import { itemApplies, mergedForm } from './form';
import type { BundleDefinition } from './model';
import { mergedPath, translateCondition } from './paths';

/**
 * 一套材料: the bundle's one checklist. Materials that are the same document — the same name
 * from the same issuer, or marked equal by the official — are asked once; a document any base
 * item obtains by sharing (免交) is never asked, whichever item it is for; a document is needed
 * as strictly as the strictest item needing it, and when any item needing it applies.
 */

export interface MaterialSource {
  item: string;
  materialId: string;
}

export interface BundleMaterial {
  /** The equivalence's key, or the first source's `item.materialId`. */
  id: string;
  sources: MaterialSource[];
  /** The names of the base items that need it. */
  for: string[];
  /** As the bundle asks it: strictest necessity, shared if any source is, its condition in the merged form's fields. */
  material: Material;
  /** For these answers, or for those it applies to when no answers are given. */
  status: MaterialStatus;
  /** Whether the answers so far decide a conditional material (always true without answers). */
  decided: boolean;
  words: { zh: MaterialWords; en: MaterialWords };
}

type Asked = Exclude<MaterialStatus, 'notApplicable' | 'shared'>;
const STRICTNESS: readonly Asked[] = ['optional', 'deferrable', 'required'];
const strictest = (statuses: readonly Asked[]): Asked => statuses.reduce((a, b) => (STRICTNESS.indexOf(b) > STRICTNESS.indexOf(a) ? b : a), 'optional');

/** Same document: the official's equivalences first, then the same name from the same issuer. */
function groupSources(bundle: BundleDefinition, base: BaseVersions): Array<{ id: string; name?: string; sources: MaterialSource[] }> {
  const groups: Array<{ id: string; name?: string; sources: MaterialSource[] }> = [];
  const byMaterial = new Map<string, (typeof groups)[number]>();
  const byNameIssuer = new Map<string, (typeof groups)[number]>();
  const explicit = new Map<string, (typeof bundle.materials)[number]>();
  for (const eq of bundle.materials) for (const [item, id] of Object.entries(eq.map)) explicit.set(`${item}.${id}`, eq);
  for (const { key } of itemsInStageOrder(bundle)) {
    for (const m of base[key]?.materials ?? []) {
      const ref = `${key}.${m.id}`;
      const eq = explicit.get(ref);
      const sameness = `${m.name.trim()}|${(m.issuer ?? '').trim()}`;
      let group = eq ? byMaterial.get(`eq:${eq.key}`) : byNameIssuer.get(sameness);
      if (!group) {
        group = { id: eq?.key ?? ref, name: eq?.name, sources: [] };
        groups.push(group);
        if (eq) byMaterial.set(`eq:${eq.key}`, group);
        else byNameIssuer.set(sameness, group);
      }
      group.sources.push({ item: key, materialId: m.id });
    }
  }
  return groups;
}

const materialOf = (base: BaseVersions, s: MaterialSource) => base[s.item]!.materials.find((m) => m.id === s.materialId)!;

/**
 * The material as the bundle asks it, and the terms its words are told with: 免交 and when it is
 * needed from every source; how strictly, how many copies and whether later from those asking
 * (the applicable ones, when the answers are known).
 */
function asAsked(bundle: BundleDefinition, base: BaseVersions, name: string | undefined, sources: MaterialSource[], asking: MaterialSource[]): { material: Material; terms: Pick<ItemDefinition, 'deficiencyAcceptance' | 'notifyPromise'> } {
  const all = sources.map((s) => ({ item: base[s.item]!, m: materialOf(base, s), key: s.item }));
  const pairs = asking.map((s) => ({ item: base[s.item]!, m: materialOf(base, s), key: s.item }));
  const shared = all.find((p) => p.m.shared)?.m.shared;
  const necessity = strictest(pairs.map((p) => statusWhenApplicable(p.item, p.m) as Asked | 'shared').filter((s): s is Asked => s !== 'shared'));
  const deferring = pairs.filter((p) => p.m.necessity === 'deferrable' && p.item.deficiencyAcceptance.enabled);
  // The shortest supplement period of the items that defer it: the applicant meets all of them.
  const deficiency = deferring.map((p) => p.item.deficiencyAcceptance).sort((a, b) => a.supplementDays - b.supplementDays)[0] ?? { enabled: false, supplementDays: 0, onMissed: 'reject' as const };
  const replaceable = pairs.every((p) => p.m.promiseReplaceable && p.item.notifyPromise.enabled);
  const when = anyOf(all.map((p) => allOf([itemApplies(bundle, p.key), p.m.when ? translateCondition(p.m.when, (f) => mergedPath(bundle, p.key, f)) : undefined])));
  const first = pairs[0]!.m;
  const material: Material = {
    ...first,
    name: name ?? first.name,
    necessity,
    key: pairs.some((p) => p.m.key),
    originals: Math.max(...pairs.map((p) => p.m.originals)),
    copies: Math.max(...pairs.map((p) => p.m.copies)),
    shared,
    promiseReplaceable: replaceable,
    when,
  };
  if (!shared) delete material.shared;
  if (!when) delete material.when;
  return { material, terms: { deficiencyAcceptance: deficiency, notifyPromise: { enabled: replaceable } } };
}

export function mergedMaterials(bundle: BundleDefinition, base: BaseVersions, answers?: Record<string, unknown>, form: IntakeForm = mergedForm(bundle, base)): BundleMaterial[] {
  const fields = new Map(formFields(form.schema).map((f) => [f.path, f]));
  const visible = answers ? visibleAnswers(form, answers).answers : undefined;
  const split = visible ? splitAnswers(bundle, visible) : undefined;
  const itemVisible = new Map(Object.entries(split ?? {}).map(([k, a]) => [k, visibleAnswers(base[k]!.form, a).answers]));
  return groupSources(bundle, base).map(({ id, name, sources }) => {
    const applicable = visible ? sources.filter((s) => itemVisible.has(s.item) && materialStatus(base[s.item]!, materialOf(base, s), itemVisible.get(s.item)!) !== 'notApplicable') : sources;
    const { material, terms } = asAsked(bundle, base, name, sources, applicable.length > 0 ? applicable : sources);
    let status: MaterialStatus = material.shared ? 'shared' : statusWhenApplicable(terms, material);
    if (applicable.length === 0) status = 'notApplicable';
    const decided = !visible || !material.when || status !== 'notApplicable' || fieldsOf(material.when).every((f) => isAnswered(valueAt(visible, f)));
    return {
      id,
      sources,
      for: [...new Set(sources.map((s) => base[s.item]!.name))],
      material,
      status,
      decided,
      words: { zh: materialWords(terms, material, fields, 'zh'), en: materialWords(terms, material, fields, 'en') },
    };
  });
}
