import type { FormField } from '../form-fields';
import type { ItemDefinition } from '../model/item';
import { fieldsByPath, fieldTitle } from './base';
import { fieldSchemaAt, mergeFieldSchemas } from './field-schemas';
import type { CanonicalField } from './model';

/**
 * The editor's first proposal of one form (一表申请): fields that ask the same thing of the
 * applicant in several base items become one canonical field. The same thing is the same kind
 * of answer about the same person or body — an ID number of the 法定代表人, the company's
 * 统一社会信用代码, the contact mobile — found by format and title as the applicant fields are;
 * fields of no known kind are the same when they have the same key. Only fields that can share
 * an answer are proposed; the official then changes the mapping as they see fit.
 */

export interface BaseItemRef {
  key: string;
  item: ItemDefinition;
}

type Kind = 'idCard' | 'uscc' | 'mobile' | 'postcode' | 'email' | 'name' | 'entityName' | 'domicile' | 'premises' | 'address';

const byFormat: Record<string, Kind> = { 'cn-id-card': 'idCard', 'cn-uscc': 'uscc', 'cn-mobile': 'mobile', 'cn-postcode': 'postcode', email: 'email' };

const byTitle: ReadonlyArray<[RegExp, Kind]> = [
  [/身份证/, 'idCard'],
  [/统一社会信用代码|信用代码/, 'uscc'],
  [/手机|联系电话|移动电话/, 'mobile'],
  [/邮政编码|邮编/, 'postcode'],
  [/电子邮箱|邮箱/, 'email'],
  [/姓名/, 'name'],
  [/(企业|单位|经营者|申请人|机构|公司|主体).*名称|^名称$/, 'entityName'],
  [/住所/, 'domicile'],
  [/经营场所|经营地址|场所地址|(用水|用电|用气|安装)地址/, 'premises'],
  [/地址/, 'address'],
];

/** Kinds that belong to a person, so whose they are matters: the 法定代表人's mobile is not the 经办人's. */
const PERSONAL: ReadonlySet<Kind> = new Set(['idCard', 'mobile', 'email', 'name']);

function kindOf(field: FormField): Kind | undefined {
  if (field.format && byFormat[field.format]) return byFormat[field.format];
  if (field.type !== 'string' || field.options) return undefined;
  return byTitle.find(([pattern]) => pattern.test(field.title))?.[1];
}

/** Whose answer it is: the 法定代表人, an 经办人, the group it sits in, or the applicant. */
function roleOf(schema: Record<string, unknown>, field: FormField): { role: string; keyPrefix: string } {
  const titles = fieldTitle(schema, field.path);
  if (/法定代表人|法人代表|负责人/.test(titles)) return { role: 'legalRep', keyPrefix: 'legalRep' };
  if (/经办人|代理人|受托人/.test(titles)) return { role: 'agent', keyPrefix: 'agent' };
  const parts = field.path.split('.');
  if (parts.length === 1) return { role: 'applicant', keyPrefix: '' };
  const group = fieldsByPath(schema).get(parts.slice(0, -1).join('.'))?.title ?? parts.slice(0, -1).join('.');
  return { role: `group:${group}`, keyPrefix: parts.slice(0, -1).join('_') };
}

interface Candidate {
  signature: string;
  keyBase: string;
  itemKey: string;
  path: string;
  title: string;
  schema: Record<string, unknown>;
}

function candidates({ key, item }: BaseItemRef): Candidate[] {
  const schema = item.form.schema;
  const seen = new Set<string>();
  const found: Candidate[] = [];
  // Outer fields first: the applicant's own answers are at the top of a form.
  const fields = [...fieldsByPath(schema).values()].sort((a, b) => a.path.split('.').length - b.path.split('.').length);
  for (const field of fields) {
    const fieldSchema = fieldSchemaAt(schema, field.path);
    if (!fieldSchema || 'reason' in mergeFieldSchemas([fieldSchema])) continue;
    const kind = kindOf(field);
    let signature: string;
    let keyBase: string;
    if (kind) {
      const { role, keyPrefix } = PERSONAL.has(kind) || field.path.includes('.') ? roleOf(schema, field) : { role: '', keyPrefix: '' };
      signature = `kind:${kind}|${role}`;
      keyBase = keyPrefix ? `${keyPrefix}${kind.charAt(0).toUpperCase()}${kind.slice(1)}` : kind;
    } else {
      signature = `key:${field.path}`;
      keyBase = field.path.replace(/\./g, '_');
    }
    if (seen.has(signature)) continue;
    seen.add(signature);
    found.push({ signature, keyBase, itemKey: key, path: field.path, title: fieldTitle(schema, field.path, ''), schema: fieldSchema });
  }
  return found;
}

export function proposeFieldMerge(baseItems: readonly BaseItemRef[]): CanonicalField[] {
  const groups = new Map<string, Candidate[]>();
  for (const ref of baseItems) for (const c of candidates(ref)) groups.set(c.signature, [...(groups.get(c.signature) ?? []), c]);
  const taken = new Set(baseItems.map((b) => b.key));
  const proposed: CanonicalField[] = [];
  for (const group of groups.values()) {
    // Keep the fields that can share an answer with those kept before them.
    const kept: Candidate[] = [];
    for (const c of group) if (!('reason' in mergeFieldSchemas([...kept, c].map((k) => k.schema)))) kept.push(c);
    if (kept.length < 2) continue;
    let key = kept[0]!.keyBase.slice(0, 36);
    for (let n = 2; taken.has(key); n++) key = `${kept[0]!.keyBase.slice(0, 36)}${n}`;
    taken.add(key);
    proposed.push({ key, title: kept[0]!.title, map: Object.fromEntries(kept.map((c) => [c.itemKey, c.path])) });
  }
  return proposed;
}
