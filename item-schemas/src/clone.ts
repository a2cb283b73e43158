import { z } from 'zod';
import isDeepStrictEqual from 'fast-deep-equal';
import { fieldChanges, type LabelledChange } from './change-labels';
import { itemFieldTitle } from './json-schema';
import { ZItemDefinition, type ItemDefinition } from './model/item';
import { ZMaterial } from './model/material';
import type { TimeLimit } from './deadlines';
import type { Bilingual } from './messages';
import { asWorkdays, exceedsLimit, stepsWorkdays } from './time-limits';
import { itemValueWords } from './value-words';
import { englishTitle } from './english-titles';
import { describeIssues } from './zod-issues';

/**
 * County clones of city items (DOMAIN §3). A clone keeps only its overrides of the local fields;
 * its effective definition is always the upstream version it follows plus those overrides. The
 * basic elements — name, codes, type, legal basis, legal limit, the materials asked for, the
 * form, the steps — stay as upstream sets them.
 */

/** Fields a county may set for itself, with their titles. */
export const localFields = {
  taskCode: ['实施编码', 'Implementation code'],
  department: ['实施主体', 'Implementing department'],
  windows: ['办理地点和时间', 'Windows and hours'],
  consultation: ['咨询方式', 'Enquiries'],
  complaintPhone: ['监督投诉电话', 'Complaints line'],
  promisedLimit: ['承诺办结时限', 'Promised limit'],
  fees: ['收费', 'Fees'],
  faqs: ['常见问题', 'FAQs'],
} as const;
export type LocalField = keyof typeof localFields;
const LOCAL_KEYS = Object.keys(localFields) as LocalField[];
const shape = ZItemDefinition.shape;

export const ZLocalOverrides = z
  .object({
    taskCode: shape.taskCode,
    department: shape.department.optional(),
    windows: shape.windows.unwrap().optional(),
    consultation: shape.consultation,
    complaintPhone: shape.complaintPhone,
    promisedLimit: shape.promisedLimit.optional(),
    fees: shape.fees.unwrap().optional(),
    faqs: shape.faqs.unwrap().optional(),
    /** Materials the county obtains by sharing (免交), or no longer does (null), by material id. */
    sharedMaterials: z.record(z.string(), ZMaterial.shape.shared.unwrap().nullable()).optional(),
  })
  .strict();
export type LocalOverrides = z.infer<typeof ZLocalOverrides>;

/**
 * What a clone starts from: the upstream version without its windows and its 咨询方式. Those are
 * places and lines in the upstream's own jurisdiction, where the county's applicants are not
 * served: a clone has those the county gives it, or none (its pages then send applicants to its
 * 实施主体).
 */
export function cloneStart(upstream: ItemDefinition): ItemDefinition {
  const { consultation: _upstreamLine, ...rest } = upstream;
  return { ...rest, windows: [] };
}

/** The local fields a clone does not take from upstream (cloneStart): the county's own, or none. */
export const notInherited: ReadonlySet<LocalField> = new Set(['windows', 'consultation']);

/** Which upstream item and version a clone follows. */
export interface UpstreamRef {
  jurisdiction: string;
  itemId: string;
  version: number;
}

const MODEL_ORDER = Object.keys(ZItemDefinition.shape);
const rank = (key: string) => (MODEL_ORDER.includes(key) ? MODEL_ORDER.indexOf(key) : MODEL_ORDER.length);

/** The fields of two definitions in the model's order, whatever order a store gave them back in. */
function fieldsOf(...definitions: Array<Record<string, unknown>>): string[] {
  return [...new Set(definitions.flatMap((d) => Object.keys(d)))].sort((x, y) => rank(x) - rank(y));
}

/** Fields that are never compared: identity and bookkeeping. */
const UNCOMPARED = new Set(['id', 'upstream', 'meta']);

/** The clone as it applies: upstream, with the county's overrides, remembering where it came from. */
export function effectiveDefinition(upstream: ItemDefinition, ref: UpstreamRef, overrides: LocalOverrides): ItemDefinition {
  const { sharedMaterials, ...fields } = overrides;
  const materials = upstream.materials.map((m) => {
    if (!sharedMaterials || !(m.id in sharedMaterials)) return m;
    const shared = sharedMaterials[m.id];
    const { shared: _upstreamShared, ...rest } = m;
    return shared ? { ...rest, shared } : rest;
  });
  return { ...upstream, ...fields, materials, upstream: ref, meta: undefined } as ItemDefinition;
}

export interface LockedChange {
  path: string;
  title: string;
}

/**
 * What an edited definition overrides, compared with the upstream version: local fields that
 * differ become overrides, any other difference is a change to a locked field.
 */
export function overridesFrom(upstream: ItemDefinition, edited: Record<string, unknown>): { overrides: LocalOverrides; locked: LockedChange[] } {
  const overrides: Record<string, unknown> = {};
  const locked: LockedChange[] = [];
  const lock = (path: string) => locked.push({ path, title: itemFieldTitle(path) ?? path.slice(1) });
  const up = upstream as unknown as Record<string, unknown>;
  for (const key of fieldsOf(up, edited)) {
    if (UNCOMPARED.has(key) || isDeepStrictEqual(up[key], edited[key])) continue;
    if ((LOCAL_KEYS as string[]).includes(key)) overrides[key] = edited[key];
    else if (key !== 'materials') lock(`/${key}`);
  }
  const editedMaterials = Array.isArray(edited.materials) ? (edited.materials as Array<Record<string, unknown>>) : [];
  const withoutShared = (m: Record<string, unknown>) => ({ ...m, shared: undefined });
  if (editedMaterials.length !== upstream.materials.length || upstream.materials.some((m, i) => !isDeepStrictEqual(withoutShared(m), withoutShared(editedMaterials[i] ?? {})))) {
    lock('/materials');
  } else {
    const shared: Record<string, unknown> = {};
    upstream.materials.forEach((m, i) => {
      const mine = editedMaterials[i]!.shared;
      if (!isDeepStrictEqual(m.shared, mine)) shared[m.id] = mine ?? null;
    });
    if (Object.keys(shared).length > 0) overrides.sharedMaterials = shared;
  }
  return { overrides: overrides as LocalOverrides, locked };
}

/** One change upstream made, in words (see change-labels), and whether the county overrides it. */
export interface UpstreamChange extends LabelledChange {
  /** The title of the top-level field it is under. */
  title: string;
  /** The county overrides this field (or shares this material itself): its own value stays unless it decides otherwise. */
  overridden: boolean;
}

/** What a promised limit must fit in under the new upstream version: its legal limit and its (locked) steps. */
export interface PromisedBounds {
  legalLimit: TimeLimit | null;
  /** The steps' total in working days: the promise cannot be shorter. */
  stepsWorkdays: number;
}

export interface OverrideConflict {
  path: string;
  title: string;
  code: 'BOTH_CHANGED' | 'PROMISED_EXCEEDS_LEGAL' | 'MATERIAL_GONE';
  message: string;
  message_en: string;
  local: unknown;
  upstream: unknown;
  /** On the promised limit: the bounds any decision must keep to, so the editor can say so before sending. */
  bounds?: PromisedBounds;
}

/** Upstream old → new, attribute by attribute in words, against the county's overrides; and what needs a decision. */
export function upstreamChanges(before: ItemDefinition, after: ItemDefinition, overrides: LocalOverrides): { changes: UpstreamChange[]; conflicts: OverrideConflict[] } {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  const changed = fieldsOf(b, a).filter((key) => !UNCOMPARED.has(key) && !isDeepStrictEqual(b[key], a[key]));
  const overridden = (key: string) => key in overrides && (LOCAL_KEYS as string[]).includes(key);
  const titleOf = (key: string) => itemFieldTitle(`/${key}`) ?? key;
  // A material's sharing the county set itself is its own, whatever upstream does to it.
  const sharedHere = (path: string) => {
    const index = /^\/materials\/(\d+)\/shared(\/|$)/.exec(path)?.[1];
    if (index === undefined || !overrides.sharedMaterials) return false;
    const ids = [after.materials[Number(index)]?.id, before.materials[Number(index)]?.id];
    return ids.some((id) => id !== undefined && id in overrides.sharedMaterials!);
  };
  const changes: UpstreamChange[] = changed.flatMap((key) =>
    fieldChanges(key, b[key], a[key], { before, after }).map((change) => ({ ...change, title: titleOf(key), overridden: overridden(key) || sharedHere(change.path) })),
  );
  const conflicts: OverrideConflict[] = [];
  for (const key of changed) {
    if (!overridden(key)) continue;
    const title = titleOf(key);
    conflicts.push({
      path: `/${key}`,
      title,
      code: 'BOTH_CHANGED',
      message: `上级修改了「${title}」，本地也有覆盖：保留本地值还是采用上级新值？`,
      message_en: `upstream changed "${title}", which this county overrides: keep the local value or take upstream's?`,
      local: overrides[key as LocalField],
      upstream: a[key],
    });
  }
  const promised = overrides.promisedLimit;
  const limitWords = (limit: unknown) => itemValueWords('/promisedLimit', limit);
  if (promised && after.legalLimit && exceedsLimit(promised, after.legalLimit) && !conflicts.some((c) => c.path === '/promisedLimit')) {
    conflicts.push({
      path: '/promisedLimit',
      title: localFields.promisedLimit[0],
      code: 'PROMISED_EXCEEDS_LEGAL',
      message: `本地承诺时限(${limitWords(promised).zh})超过了上级新的法定时限(${limitWords(after.legalLimit).zh})，请重新决定`,
      message_en: `the local promised limit (${limitWords(promised).en}) exceeds upstream's new legal limit (${limitWords(after.legalLimit).en}); decide again`,
      local: promised,
      upstream: after.promisedLimit,
    });
  }
  const bounds: PromisedBounds = { legalLimit: after.legalLimit, stepsWorkdays: stepsWorkdays(after.steps) };
  for (const conflict of conflicts) if (conflict.path === '/promisedLimit') conflict.bounds = bounds;
  for (const id of Object.keys(overrides.sharedMaterials ?? {})) {
    if (!after.materials.some((m) => m.id === id)) {
      const name = before.materials.find((m) => m.id === id)?.name ?? id;
      conflicts.push({ path: `/materials/${id}/shared`, title: name, code: 'MATERIAL_GONE', message: `上级已删除材料「${name}」，本地的免交设置将失效`, message_en: `upstream removed the material "${name}"; the local sharing setting lapses`, local: overrides.sharedMaterials![id], upstream: undefined });
    }
  }
  return { changes, conflicts };
}

/** A county's answer to one conflict: keep its value, take upstream's, or set a new one. */
export const ZConflictDecision = z.union([z.object({ take: z.literal('local') }), z.object({ take: z.literal('upstream') }), z.object({ take: z.literal('value'), value: z.unknown() })]);
export type ConflictDecision = z.infer<typeof ZConflictDecision>;

/** Why a promised limit does not fit the new upstream version, naming the field; undefined when it fits. */
export function promisedLimitProblem(promised: TimeLimit, bounds: PromisedBounds): Bilingual | undefined {
  const [zh, en] = localFields.promisedLimit;
  const words = (limit: unknown) => itemValueWords('/promisedLimit', limit);
  const chosen = words(promised);
  if (bounds.legalLimit && exceedsLimit(promised, bounds.legalLimit)) {
    const legal = words(bounds.legalLimit);
    return {
      message: `「${zh}」不能超过上级新的法定时限(${legal.zh})，所选为${chosen.zh}`,
      message_en: `"${en}" cannot exceed upstream's new legal limit (${legal.en}); the choice is ${chosen.en}`,
    };
  }
  if (asWorkdays(promised) < bounds.stepsWorkdays) {
    return {
      message: `「${zh}」不能短于上级设定的各环节时限合计(${bounds.stepsWorkdays}个工作日)，所选为${chosen.zh}`,
      message_en: `"${en}" cannot be shorter than the steps set by the level above, which add up to ${bounds.stepsWorkdays} working days; the choice is ${chosen.en}`,
    };
  }
  return undefined;
}

/**
 * Why a decision cannot be taken: its value is not a valid one for the field, or the promised
 * limit it leads to still breaks the rule the conflict was raised for. Undefined when it can.
 */
export function decisionProblem(conflict: OverrideConflict, decision: ConflictDecision): Bilingual | undefined {
  if (conflict.code === 'MATERIAL_GONE') return undefined;
  const key = conflict.path.slice(1) as LocalField;
  const title = conflict.title;
  let value: unknown;
  if (decision.take === 'local') value = conflict.local;
  else if (decision.take === 'upstream') value = conflict.upstream;
  else {
    const parsed = key in ZLocalOverrides.shape ? ZLocalOverrides.shape[key].safeParse(decision.value) : undefined;
    if (decision.value === undefined || !parsed?.success) {
      const first = parsed && !parsed.success ? describeIssues(parsed.error.issues)[0] : undefined;
      return {
        message: `「${title}」的新值不符合要求${first ? `：${first.message}` : ''}`,
        message_en: `the new value of "${englishTitle(title)}" is not valid${first ? `: ${first.message_en}` : ''}`,
      };
    }
    value = parsed.data;
  }
  if (key === 'promisedLimit' && conflict.bounds && value) return promisedLimitProblem(value as TimeLimit, conflict.bounds);
  return undefined;
}

/** A decision refused, with why, naming the field. */
export interface RefusedDecision extends Bilingual {
  path: string;
  title: string;
}

/**
 * The overrides after taking a new upstream version with these decisions. A conflict without a
 * decision is undecided; a decision that would leave the item unpublishable is refused.
 */
export function acceptUpstream(
  overrides: LocalOverrides,
  conflicts: OverrideConflict[],
  decisions: Record<string, ConflictDecision>,
): { overrides: LocalOverrides; undecided: OverrideConflict[]; refused: RefusedDecision[] } {
  const next: Record<string, unknown> = structuredClone(overrides);
  const undecided: OverrideConflict[] = [];
  const refused: RefusedDecision[] = [];
  for (const conflict of conflicts) {
    if (conflict.code === 'MATERIAL_GONE') {
      const id = conflict.path.split('/')[2]!;
      delete (next.sharedMaterials as Record<string, unknown>)[id];
      continue;
    }
    const decision = decisions[conflict.path];
    const key = conflict.path.slice(1);
    const problem = decision && decisionProblem(conflict, decision);
    if (!decision) undecided.push(conflict);
    else if (problem) refused.push({ path: conflict.path, title: conflict.title, ...problem });
    else if (decision.take === 'upstream') delete next[key];
    else if (decision.take === 'value') next[key] = decision.value;
  }
  if (next.sharedMaterials && Object.keys(next.sharedMaterials).length === 0) delete next.sharedMaterials;
  return { overrides: ZLocalOverrides.parse(next), undecided, refused };
}
