import { conditionWords } from './condition-words';
import { englishTitle } from './english-titles';
import { formFields, type FormField } from './form-fields';
import { fileTypeWords, materialWords } from './material-words';
import { elementOf, itemNodeAt, nodeInfo, shapeOf, type ModelNode } from './model-nodes';
import type { Condition } from './model/condition';
import { ZItemDefinition } from './model/item';
import { ZMaterial } from './model/material';
import { ZStep } from './model/step';
import { ZDeficiencyAcceptance, ZFee, ZServiceWindow } from './model/terms';

/**
 * Values of an item definition in words, as officials read them: limits in 工作日, codes by
 * their labels, counts with 份, materials and steps by their name and main attributes, never
 * JSON and never a key of the model. Chinese and English side by side.
 */

export interface Words {
  zh: string;
  en: string;
}

export const noWords: Words = { zh: '', en: '' };
const same = (text: string): Words => ({ zh: text, en: text });

/** What a version says about its own values: its form's fields name what conditions read. */
export interface Side {
  fields: readonly FormField[];
}

export function sideOf(definition: unknown): Side {
  const schema = (definition as { form?: { schema?: unknown } } | undefined)?.form?.schema;
  return { fields: schema && typeof schema === 'object' ? formFields(schema as Record<string, unknown>) : [] };
}

export const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type Unit = (n: number) => Words;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const workdays: Unit = (n) => ({ zh: `${n}个工作日`, en: plural(n, 'working day') });
const naturalDays: Unit = (n) => ({ zh: `${n}个自然日`, en: plural(n, 'calendar day') });

let units: Map<ModelNode, Unit> | undefined;
/** Numbers that mean something counted: copies, working days, visits, megabytes. */
function unitOf(node: ModelNode): Unit | undefined {
  units ??= new Map<ModelNode, Unit>([
    [ZMaterial.shape.originals, (n) => ({ zh: `${n} 份`, en: plural(n, 'original') })],
    [ZMaterial.shape.copies, (n) => ({ zh: `${n} 份`, en: plural(n, 'copy', 'copies') })],
    [ZStep.shape.limitDays, workdays],
    [ZDeficiencyAcceptance.shape.supplementDays, workdays],
    [ZItemDefinition.shape.maxVisits, (n) => ({ zh: `${n} 次`, en: plural(n, 'visit') })],
    [ZItemDefinition.shape.uploadLimitMb, (n) => same(`${n} MB`)],
  ]);
  return units.get(node);
}

/** The title of a field, without the unit its values now carry ("环节时限(工作日)" → "环节时限"). */
export function titleWords(node: ModelNode): Words | undefined {
  const title = nodeInfo(node).title;
  if (!title) return undefined;
  const zh = unitOf(node) ? title.replace(/\((工作日|MB)\)$/, '') : title;
  return { zh, en: englishTitle(zh) };
}

const shapeKeys = (node: ModelNode) => Object.keys(shapeOf(node) ?? {});
const isTimeLimit = (node: ModelNode) => shapeKeys(node).join() === 'value,unit';
const isFileRef = (node: ModelNode) => shapeKeys(node).join() === 'key,name,contentType';

/** Time limits and files read as one value (5个工作日, a file's name), not attribute by attribute. */
export const readsAsOne = (node: ModelNode): boolean => isTimeLimit(node) || isFileRef(node);

/** The attribute that tells elements of a list apart: an id where they have one, else what names them. */
export function identityKey(element: ModelNode): string | undefined {
  const keys = shapeKeys(element);
  return ['id', 'name', 'question', 'law', 'method', 'kind'].find((k) => keys.includes(k));
}

/** What an element of a list is called: its name, or the label of the code that identifies it. */
export function elementName(element: ModelNode, value: unknown): Words | undefined {
  if (!isRecord(value)) return undefined;
  const key = identityKey(element);
  if (!key) return undefined;
  const shown = key === 'id' && 'name' in (shapeOf(element) ?? {}) ? 'name' : key;
  const node = shapeOf(element)![shown]!;
  const words = valueWords(node, value[shown], { fields: [] });
  return words.zh ? words : undefined;
}

/** Lists are read as lists: 、 in Chinese, commas in English. */
function joined(list: Words[], zhSep = '、', enSep = ', '): Words {
  const shown = list.filter((w) => w.zh || w.en);
  return { zh: shown.map((w) => w.zh).join(zhSep), en: shown.map((w) => w.en).join(enSep) };
}

/** Attributes in one English sentence: labels written to stand alone ("Required") lose their capital inside it. */
function sentence(list: Words[]): Words {
  const shown = list.filter((w) => w.zh || w.en);
  return joined(shown.map((w, i) => (i > 0 && /^[A-Z][a-z]/.test(w.en) ? { ...w, en: w.en.charAt(0).toLowerCase() + w.en.slice(1) } : w)), '；', '; ');
}

/** A value of the model in words, by what its node is. */
export function valueWords(node: ModelNode, value: unknown, side: Side): Words {
  const info = nodeInfo(node);
  if (value === null && isTimeLimit(info.node)) return { zh: '法律未规定', en: 'not set by law' };
  if (value === undefined || value === null) return noWords;
  if (info.labels && (typeof value === 'string' || typeof value === 'number')) {
    const label = info.labels[String(value)];
    return label ? { zh: label[0], en: label[1] } : same(String(value));
  }
  if (info.condition) {
    try {
      return { zh: conditionWords(value as Condition, side.fields), en: conditionWords(value as Condition, side.fields, 'en') };
    } catch {
      return { zh: '(条件)', en: '(a condition)' };
    }
  }
  if (typeof value === 'boolean') return value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
  if (typeof value === 'number') return unitOf(node)?.(value) ?? same(String(value));
  if (typeof value === 'string') return same(value);
  if (Array.isArray(value)) {
    if (node === ZMaterial.shape.acceptedTypes) {
      const types = value.filter((v): v is string => typeof v === 'string');
      return { zh: fileTypeWords(types), en: fileTypeWords(types, 'en') };
    }
    const element = elementOf(node);
    if (!element || !shapeOf(element)) return joined(value.map((v) => (element ? valueWords(element, v, side) : scalarWords(v))));
    return joined(
      value.map((v) => namedSummary(element, v, side)),
      '；',
      '; ',
    );
  }
  if (isRecord(value)) {
    if (isTimeLimit(info.node) && typeof value.value === 'number') return (value.unit === 'natural' ? naturalDays : workdays)(value.value);
    if (isFileRef(info.node)) return same(String(value.name ?? ''));
    if (shapeOf(node)) return namedSummary(node, value, side);
  }
  return scalarWords(value);
}

/** An object by its name with its main attributes: 市民中心（办理地点：…）. */
function namedSummary(node: ModelNode, value: unknown, side: Side): Words {
  const name = elementName(node, value);
  const summary = summaryWords(node, value, side);
  if (!name) return summary;
  return summary.zh ? { zh: `${name.zh}（${summary.zh}）`, en: `${name.en} (${summary.en})` } : name;
}

/** Something outside the model (a stray value): text as it is, anything structured as "set". */
function scalarWords(value: unknown): Words {
  if (value === undefined || value === null) return noWords;
  if (typeof value === 'boolean') return value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
  if (typeof value !== 'object') return same(String(value));
  return { zh: '(已设置)', en: '(set)' };
}

let mainAttributes: Map<ModelNode, string[]> | undefined;
/** The attributes that say what an element is, where the rest would crowd them out. */
function mainOf(node: ModelNode): string[] | undefined {
  mainAttributes ??= new Map<ModelNode, string[]>([
    [ZStep, ['role', 'limitDays', 'parallelGroup', 'onTimeout']],
    [ZServiceWindow, ['address', 'hours', 'phone']],
    [ZFee, ['charged', 'standard', 'basis']],
  ]);
  return mainAttributes.get(nodeInfo(node).node);
}

// Only what a material asks of the applicant: 容缺 and 告知承诺 sentences depend on the item's settings and are told elsewhere.
const WITHOUT_ITEM_SETTINGS = { deficiencyAcceptance: { enabled: false, supplementDays: 0, onMissed: 'reject' as const }, notifyPromise: { enabled: false } };

/** An object in a line: its main attributes as "标题：值", a material as it is told to applicants. */
export function summaryWords(node: ModelNode, value: unknown, side: Side): Words {
  if (!isRecord(value)) return scalarWords(value);
  const info = nodeInfo(node);
  if (info.node === ZMaterial) {
    const parsed = ZMaterial.safeParse(value);
    if (parsed.success) {
      const m = parsed.data;
      const [zh, en] = (['zh', 'en'] as const).map((lang) => materialWords(WITHOUT_ITEM_SETTINGS, m, side.fields, lang));
      const necessity = valueWords(ZMaterial.shape.necessity, m.necessity, side);
      const parts: Words[] = [
        { zh: zh!.copies, en: en!.copies },
        { zh: zh!.form, en: en!.form },
        necessity,
        ...(m.key ? [{ zh: '关键材料', en: 'key material' }] : []),
        { zh: zh!.source, en: en!.source },
        ...(zh!.when ? [{ zh: zh!.when, en: en!.when! }] : []),
        ...(zh!.shared ? [{ zh: zh!.shared, en: en!.shared! }] : []),
      ];
      return sentence(parts);
    }
  }
  const shape = shapeOf(node) ?? {};
  const key = identityKey(node);
  const keys = mainOf(node) ?? Object.keys(shape).filter((k) => k !== key && k !== 'id');
  const parts: Words[] = [];
  for (const k of keys) {
    const child = shape[k];
    if (!child || isEmpty(value[k])) continue;
    const title = titleWords(child);
    const shown = valueWords(child, value[k], side);
    if (!shown.zh) continue;
    parts.push(title ? { zh: `${title.zh}：${shown.zh}`, en: `${title.en}: ${shown.en}` } : shown);
  }
  return sentence(parts);
}

/**
 * A value at a place in an item definition in words (`/department` → its name, code and
 * status), for showing a county's own value beside upstream's when it decides between them.
 */
export function itemValueWords(pointer: string, value: unknown, definition?: unknown): Words {
  const node = itemNodeAt(pointer);
  const side = sideOf(definition);
  return node ? valueWords(node, value, side) : scalarWords(value);
}
