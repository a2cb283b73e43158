import isDeepStrictEqual from 'fast-deep-equal';
import { englishElementTitle } from './english-titles';
import { formChanges } from './form-changes';
import { countsAsTold } from './material-words';
import { labelled, renamed, updated, within, type LabelledChange, type Place } from './labelled-change';
import { elementOf, nodeInfo, shapeOf, type ModelNode } from './model-nodes';
import { ZIntakeForm } from './model/form';
import { ZItemDefinition } from './model/item';
import { ZMaterial, type Material } from './model/material';
import { elementName, identityKey, isEmpty, noWords, readsAsOne, sideOf, summaryWords, titleWords, valueWords, type Side, type Words } from './value-words';

export type { LabelledChange } from './labelled-change';

/**
 * What changed between two versions of an item, each change labelled with the model's titles
 * and its values in words (申请材料「营业执照」 › 原件份数: 1 份 → 2 份). Elements of lists are
 * matched by their id or name, so a material moved up is not reported as every material
 * changing. Used by the version diff and by a county's view of upstream changes.
 */

interface Sides {
  before: Side;
  after: Side;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const quoted = (title: Words, name: Words): Words => ({ zh: `${title.zh}「${name.zh}」`, en: `${title.en} “${name.en}”` });

/**
 * A value as the model reads it: absent where the model has a default reads as that default, so
 * a version written before an element existed (服务选项 in model 1) differs from a later one
 * only where someone changed something.
 */
function asRead(node: ModelNode, value: unknown): unknown {
  // A material's counts as citizens are told them: 0 originals of an original is one.
  if (node === ZMaterial && isRecord(value)) return { ...value, ...countsAsTold(value as Material) };
  if (value !== undefined) return value;
  const read = node.safeParse(undefined);
  return read.success ? read.data : undefined;
}

function walk(node: ModelNode, before: unknown, after: unknown, at: Place, sides: Sides, out: LabelledChange[]): void {
  const [b, a] = [asRead(node, before), asRead(node, after)];
  if (isDeepStrictEqual(b, a)) return;
  const info = nodeInfo(node);
  if (info.node === ZIntakeForm) {
    out.push(...formChanges(b, a, at));
    return;
  }
  const element = elementOf(node);
  if (element && shapeOf(element) && (Array.isArray(b) || b === undefined) && (Array.isArray(a) || a === undefined)) {
    listChanges(element, (b as unknown[] | undefined) ?? [], (a as unknown[] | undefined) ?? [], at, sides, out);
    return;
  }
  const shape = shapeOf(node);
  if (!shape || !isRecord(b) || !isRecord(a) || info.condition || readsAsOne(node)) {
    const [before, after] = [valueWords(node, b, sides.before), valueWords(node, a, sides.after)];
    const same = before.zh === after.zh && before.en === after.en;
    const change = labelled(at, before, same ? updated(after) : after);
    if (change) out.push(change);
    return;
  }
  for (const [key, child] of Object.entries(shape)) walk(child, b[key], a[key], within(at, key, titleWords(child)), sides, out);
}

/** Elements matched by identity (an id, else their name); unmatched ones were added or removed. */
function listChanges(element: ModelNode, b: unknown[], a: unknown[], at: Place, sides: Sides, out: LabelledChange[]): void {
  const key = identityKey(element);
  const idOf = (v: unknown) => (key && isRecord(v) && !isEmpty(v[key]) ? JSON.stringify(v[key]) : undefined);
  const pairs: Array<[number, number]> = [];
  const usedBefore = new Set<number>();
  const usedAfter = new Set<number>();
  a.forEach((value, j) => {
    const id = idOf(value);
    const i = id === undefined ? -1 : b.findIndex((old, i) => !usedBefore.has(i) && idOf(old) === id);
    if (i < 0) return;
    pairs.push([i, j]);
    usedBefore.add(i);
    usedAfter.add(j);
  });
  // Without a stable id, a renamed element (a window with a new name) is still the same one
  // when it keeps something else: pair what is left in order where that holds.
  if (key !== 'id') {
    const leftBefore = b.map((_, i) => i).filter((i) => !usedBefore.has(i));
    const leftAfter = a.map((_, j) => j).filter((j) => !usedAfter.has(j));
    for (let n = 0; n < Math.min(leftBefore.length, leftAfter.length); n++) {
      const [i, j] = [leftBefore[n]!, leftAfter[n]!];
      if (!sharesAttribute(b[i], a[j], key)) continue;
      pairs.push([i, j]);
      usedBefore.add(i);
      usedAfter.add(j);
    }
  }
  pairs.sort((x, y) => x[1] - y[1]);

  const title = at.trail.at(-1) ?? noWords;
  // An element is named by its own title where it has one (办理窗口「市民中心」 in 办理地点和时间).
  const own = nodeInfo(element).title;
  const elementTitle: Words = own ? { zh: own, en: englishElementTitle(own) } : title;
  const nameOf = (value: unknown, index: number): Words => elementName(element, value) ?? { zh: `第${index + 1}项`, en: `#${index + 1}` };
  const elementPlace = (i: number, j: number, value: unknown, index: number): Place => ({ before: `${at.before}/${i}`, after: `${at.after}/${j}`, trail: renamed(at.trail, quoted(elementTitle, nameOf(value, index))) });

  if (pairs.some(([i], n) => n > 0 && i < pairs[n - 1]![0])) {
    const names = (list: unknown[]) => ({ zh: list.map((v, i) => nameOf(v, i).zh).join('、'), en: list.map((v, i) => nameOf(v, i).en).join(', ') });
    const change = labelled({ ...at, trail: renamed(at.trail, { zh: `${title.zh}的顺序`, en: `Order of ${lowerFirst(title.en)}` }) }, names(b), names(a));
    if (change) out.push({ ...change, kind: 'changed' });
  }
  b.forEach((value, i) => {
    if (usedBefore.has(i)) return;
    const change = labelled(elementPlace(i, i, value, i), summaryOrName(element, value, sides.before), noWords);
    if (change) out.push(change);
  });
  a.forEach((value, j) => {
    const pair = pairs.find(([, pj]) => pj === j);
    if (pair) {
      walk(element, b[pair[0]], value, elementPlace(pair[0], j, value, j), sides, out);
      return;
    }
    const change = labelled(elementPlace(j, j, value, j), noWords, summaryOrName(element, value, sides.after));
    if (change) out.push(change);
  });
}

/** An element added or removed is told by its main attributes; one with nothing else to say, as present. */
function summaryOrName(element: ModelNode, value: unknown, side: Side): Words {
  const summary = summaryWords(element, value, side);
  return summary.zh ? summary : { zh: '(有)', en: '(present)' };
}

function sharesAttribute(b: unknown, a: unknown, key: string | undefined): boolean {
  if (!isRecord(b) || !isRecord(a)) return false;
  return Object.keys(a).some((k) => k !== key && !isEmpty(a[k]) && isDeepStrictEqual(a[k], b[k]));
}

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

/** The changes under one field of the item (`materials`), labelled from that field's title. */
export function fieldChanges(key: string, before: unknown, after: unknown, versions: { before: unknown; after: unknown }): LabelledChange[] {
  if (isDeepStrictEqual(before, after)) return [];
  const node = ZItemDefinition.shape[key as keyof typeof ZItemDefinition.shape] as ModelNode | undefined;
  const root: Place = { before: '', after: '', trail: [] };
  if (!node) {
    // Not in the model (a field since retired): said to have changed, never named by its key.
    const change = labelled(within(root, key, { zh: '其他设置', en: 'Other settings' }), { zh: '(原设置)', en: '(as before)' }, { zh: '(已修改)', en: '(changed)' });
    return change ? [change] : [];
  }
  const out: LabelledChange[] = [];
  walk(node, before, after, within(root, key, titleWords(node)), { before: sideOf(versions.before), after: sideOf(versions.after) }, out);
  return out;
}

/** Everything that changed between two versions of an item, in the model's order (version metadata left out). */
export function itemChanges(before: object, after: object): LabelledChange[] {
  const [b, a] = [before as Record<string, unknown>, after as Record<string, unknown>];
  const keys = Object.keys(ZItemDefinition.shape).filter((k) => k !== 'meta');
  return keys.flatMap((key) => fieldChanges(key, b[key], a[key], { before, after }));
}
