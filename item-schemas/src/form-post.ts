import { getUiOptions, type UiSchema } from '@rjsf/utils';
import { choiceOptions, decodeOption, fieldType, isMultipleChoice, widgetOf } from './form-options';
import { inlineRefs } from './form-refs';

/**
 * Answers from a form posted without JavaScript (or by the page script, which posts the same
 * fields). The citizen form is react-jsonschema-form with bracketed names (`root[transferee][name]`,
 * `root[crops][]`); this reads the post back by the schema, as the page was rendered: references
 * expanded, options from their index, yes/no from every widget, locked fields from what was stored
 * (never from the post). What cannot be read is left as posted for validation to report.
 *
 * Beside the answers, the page posts markers so an empty answer is told from an absent field: a
 * check box posts "false" before its own "on", a multiple choice "" and a repeating group "" under
 * its own name, and each of its entries "" under `…[n][]`, so an entry none of whose fields posts
 * (radios left unpicked) keeps its place.
 */

type Schema = Record<string, unknown>;
export type PostedFields = Record<string, string | string[]>;
export interface PostedForm {
  schema: Schema;
  uiSchema?: Schema;
}

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_DEPTH = 32;
/** Entries a repeating group may post (list numbers above this are ignored). */
export const MAX_LIST_ENTRIES = 500;

function last(posted: string | string[] | undefined): string | undefined {
  return Array.isArray(posted) ? posted[posted.length - 1] : posted;
}

/** A field the applicant cannot change: its value comes from what was stored, else its default. */
function isLocked(schema: Schema, ui: Schema): boolean {
  const options = getUiOptions(ui as UiSchema);
  return schema.readOnly === true || options.disabled === true || options.readonly === true || widgetOf(schema, ui) === 'hidden';
}

function scalar(schema: Schema, ui: Schema, raw: string): unknown {
  const options = choiceOptions(schema, ui);
  const type = fieldType(schema);
  const widget = widgetOf(schema, ui);
  if (type === 'boolean' && widget === 'checkbox') return raw === 'on' ? true : raw === 'false' ? false : raw;
  // rjsf's time widget stores whole minutes with seconds (09:30 → 09:30:00).
  if (widget === 'time' && /^\d{2}:\d{2}$/.test(raw)) return `${raw}:00`;
  if (options) return decodeOption(raw, options, ui) ?? raw;
  if (type === 'number' || type === 'integer') {
    const n = Number(raw.trim());
    return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
  }
  // Browsers send a textarea's line breaks as CRLF.
  return raw.replace(/\r\n/g, '\n');
}

/**
 * 每个列表的编号，一次读出 / The entry numbers posted under each list name, from one pass over the
 * posted names (`root[crops][2][name]` numbers 2 under `root[crops]`), so reading a list never
 * scans the post again: reading a post stays linear in its size.
 */
function listIndexes(fields: PostedFields): Map<string, Set<number>> {
  const lists = new Map<string, Set<number>>();
  for (const key of Object.keys(fields)) {
    for (const match of key.matchAll(/\[(\d{1,3})\]/g)) {
      const index = Number(match[1]);
      if (index >= MAX_LIST_ENTRIES) continue;
      const list = key.slice(0, match.index);
      let indexes = lists.get(list);
      if (!indexes) lists.set(list, (indexes = new Set()));
      indexes.add(index);
    }
  }
  return lists;
}

function read(schema: Schema, ui: Schema, name: string, fields: PostedFields, lists: Map<string, Set<number>>, stored: unknown, locked: boolean, required: boolean, depth: number): unknown {
  if (depth > MAX_DEPTH) return undefined;
  locked ||= isLocked(schema, ui);
  const type = fieldType(schema);
  if (type === 'object' && isObject(schema.properties)) {
    const value: Schema = {};
    const requiredKeys = Array.isArray(schema.required) ? schema.required : [];
    for (const [key, child] of Object.entries(schema.properties)) {
      if (!isObject(child)) continue;
      const v = read(child, isObject(ui[key]) ? ui[key] : {}, `${name}[${key}]`, fields, lists, isObject(stored) ? stored[key] : undefined, locked, requiredKeys.includes(key), depth + 1);
      if (v !== undefined) value[key] = v;
    }
    // A group left blank is no answer, unless it must be there (its own fields say what is missing).
    return Object.keys(value).length > 0 || required ? value : undefined;
  }
  if (locked) return stored ?? schema.default;
  if (type === 'array' && isObject(schema.items)) {
    const items = schema.items;
    const itemsUi = isObject(ui.items) ? ui.items : {};
    if (isMultipleChoice(schema)) {
      const posted = fields[`${name}[]`];
      if (posted === undefined) return undefined;
      const options = choiceOptions(items, isObject(ui.items) ? ui.items : ui)!;
      return (Array.isArray(posted) ? posted : [posted]).filter((raw) => raw !== '').map((raw) => decodeOption(raw, options, ui) ?? raw);
    }
    // 按编号顺序读回每一项 / Entries in the order of their numbers; a blank group entry keeps its place.
    const indexes = lists.get(name) ?? new Set<number>();
    if (indexes.size === 0) return fields[name] === undefined ? undefined : [];
    const storedList = Array.isArray(stored) ? stored : [];
    return [...indexes]
      .sort((a, b) => a - b)
      .map((i) => read(items, itemsUi, `${name}[${i}]`, fields, lists, storedList[i], false, true, depth + 1))
      .filter((entry) => entry !== undefined);
  }
  const raw = last(fields[name]);
  if (raw === undefined || raw === '') return raw === '' ? getUiOptions(ui as UiSchema).emptyValue : undefined;
  return scalar(schema, ui, raw);
}

/** The answers a post gives for the form; `stored` holds the answers locked fields keep. */
export function answersFromPost(form: PostedForm, fields: PostedFields, stored: Record<string, unknown> = {}, root = 'root'): Record<string, unknown> {
  const answers = read(inlineRefs(form.schema), form.uiSchema ?? {}, root, fields, listIndexes(fields), stored, false, true, 0);
  return isObject(answers) ? answers : {};
}
