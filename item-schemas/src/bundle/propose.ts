import type { ItemDefinition } from '../model/item';
import { fieldsByPath, fieldTitle } from './base';
import { kindOf, PERSONAL, roleOf } from './field-kinds';
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
