import type { Words } from './value-words';

/**
 * One change between two versions of an item, as an official reads it: which field (by its
 * title, elements of lists by their name), and the values before and after in words. `path`
 * keeps the JSON Pointer for code that links to the field.
 */
export interface LabelledChange {
  /** JSON Pointer of what changed in the newer version (in the older one for what was removed). */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  /** 申请材料「营业执照」 › 原件份数 */
  label: string;
  label_en: string;
  /** The value before, in words; empty when there was none. */
  before: string;
  before_en: string;
  /** The value after, in words; empty when there is none. */
  after: string;
  after_en: string;
}

/** Where a change is: pointers into both versions (elements of lists may have moved) and the titles leading to it. */
export interface Place {
  before: string;
  after: string;
  trail: Words[];
}

const SEPARATOR = ' › ';

/** One step down: a field title joins the trail, unless it already says its parent ("实施主体" › "实施主体名称" reads "实施主体名称"). */
export function within(place: Place, key: string, title: Words | undefined): Place {
  const step = { before: `${place.before}/${escape(key)}`, after: `${place.after}/${escape(key)}` };
  if (!title) return { ...step, trail: place.trail };
  const last = place.trail.at(-1);
  const trail = last && title.zh.startsWith(last.zh) && title.zh !== last.zh ? [...place.trail.slice(0, -1), title] : [...place.trail, title];
  return { ...step, trail };
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The trail with its last title replaced, e.g. 申请材料 → 申请材料「营业执照」. */
export function renamed(trail: Words[], last: Words): Words[] {
  return [...trail.slice(0, -1), last];
}

/** The change, or nothing when the words do not differ. */
export function labelled(place: Place, before: Words, after: Words): LabelledChange | undefined {
  if ((!before.zh && !after.zh) || (before.zh === after.zh && before.en === after.en)) return undefined;
  const kind = !before.zh ? 'added' : !after.zh ? 'removed' : 'changed';
  return {
    path: kind === 'removed' ? place.before : place.after,
    kind,
    label: place.trail.map((t) => t.zh).join(SEPARATOR),
    label_en: place.trail.map((t) => t.en).join(SEPARATOR),
    before: before.zh,
    before_en: before.en,
    after: after.zh,
    after_en: after.en,
  };
}

/** A value that changed yet reads as before (a new file under the old name) is said to be updated. */
export function updated(after: Words): Words {
  return after.zh ? { zh: `${after.zh}（已更新）`, en: `${after.en} (updated)` } : after;
}
