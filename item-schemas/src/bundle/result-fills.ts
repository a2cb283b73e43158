import type { ItemDefinition } from '../model/item';
import { bilingual } from '../messages';
import { fieldsByPath, fieldTitle, stageOf, type BaseVersions } from './base';
import type { BundleIssue } from './check-codes';
import { kindOf, roleOf } from './field-kinds';
import type { BundleDefinition, CanonicalField } from './model';

/**
 * A code the applicant gets only from an earlier stage, asked of them anyway: stage 1 registers
 * the company and its 营业执照 carries the 统一社会信用代码, yet a stage-2 item's 统一社会信用代码
 * is left for the applicant to type in. Someone opening a restaurant from scratch has no code
 * yet; the bundle must fill it from that result (fromResultOf), as the seed 开办餐饮店 does.
 */

/** Results whose number is the holder's 统一社会信用代码: 执照 (营业执照), 登记证书, 法人证书 (三证合一). */
export function issuesCreditCode(item: ItemDefinition): boolean {
  const result = item.result;
  return !!result && (result.type === '2' || /营业执照|登记证书|法人证书|信用代码/.test(result.name));
}

/** A later item's 统一社会信用代码 asked of the applicant while `producer`, earlier, issues it. */
export interface UnfilledCode {
  /** The base items asking it, with the field's path in each. */
  asked: Array<{ item: string; path: string }>;
  producer: string;
  /** The canonical field asking it, by its index in `fields`; absent when each item asks it on its own. */
  field?: number;
}

/** The earliest item of a stage before every one of `keys` that issues a 统一社会信用代码. */
function producerBefore(bundle: BundleDefinition, base: BaseVersions, keys: readonly string[]): string | undefined {
  const first = Math.min(...keys.map((k) => stageOf(bundle, k)));
  const before = bundle.items.filter((i) => {
    const s = stageOf(bundle, i.key);
    return s >= 0 && s < first && base[i.key] && issuesCreditCode(base[i.key]!);
  });
  return before.sort((a, b) => stageOf(bundle, a.key) - stageOf(bundle, b.key))[0]?.key;
}

/** The applicant's own (or their company's) 统一社会信用代码 fields of an item, not an agent's. */
function creditCodeFields(item: ItemDefinition): string[] {
  const schema = item.form.schema;
  return [...fieldsByPath(schema).values()].filter((f) => kindOf(f) === 'uscc' && roleOf(schema, f).role !== 'agent').map((f) => f.path);
}

/** Merged questions first, each once; then the fields each item asks on its own, together by the item that issues their code. */
export function unfilledCodes(bundle: BundleDefinition, base: BaseVersions): UnfilledCode[] {
  const merged: UnfilledCode[] = [];
  const apart = new Map<string, UnfilledCode>();
  const reported = new Set<CanonicalField>();
  // In the bundle's order: a mapping read back from the store may list its items in any order.
  const order = (key: string) => bundle.items.findIndex((i) => i.key === key);
  for (const ref of bundle.items) {
    const item = base[ref.key];
    if (!item || stageOf(bundle, ref.key) < 0) continue;
    for (const path of creditCodeFields(item)) {
      const index = bundle.fields.findIndex((c) => c.map[ref.key] === path);
      const canonical = bundle.fields[index];
      if (canonical?.fromResultOf || (canonical && reported.has(canonical))) continue;
      const asked = canonical
        ? Object.entries(canonical.map)
            .filter(([k]) => base[k])
            .sort(([a], [b]) => order(a) - order(b))
            .map(([k, p]) => ({ item: k, path: p }))
        : [{ item: ref.key, path }];
      const producer = producerBefore(bundle, base, asked.map((a) => a.item));
      if (!producer) continue;
      if (canonical) {
        reported.add(canonical);
        merged.push({ asked, producer, field: index });
      } else if (apart.has(producer)) apart.get(producer)!.asked.push(...asked);
      else apart.set(producer, { asked, producer });
    }
  }
  return [...merged, ...apart.values()];
}

/** The check: each such code named by the items' and fields' titles, with where to fix it. */
export function unfilledCodeIssues(bundle: BundleDefinition, base: BaseVersions): BundleIssue[] {
  return unfilledCodes(bundle, base).map((u) => {
    const producer = base[u.producer]!;
    const licence = producer.result!.name;
    const fields = u.asked.map((a) => `「${base[a.item]!.name}」的「${fieldTitle(base[a.item]!.form.schema, a.path)}」`).join('、');
    const fieldsEn = u.asked.map((a) => `"${fieldTitle(base[a.item]!.form.schema, a.path)}" of "${base[a.item]!.name}"`).join(', ');
    const title = u.field === undefined ? undefined : bundle.fields[u.field]!.title;
    const [zh, en] = title === undefined ? [fields, fieldsEn] : [`合并问题「${title}」(${fields})`, `the merged question "${title}" (${fieldsEn})`];
    const fill = [`由「${producer.name}」办结后自动填入`, `filled in from the result of "${producer.name}"`];
    const many = u.field === undefined && u.asked.length > 1;
    const [where, whereEn] = u.field === undefined ? [`请在“合并问题”中把${many ? '它们' : '它'}改为`, `Under “Questions asked once”, change ${many ? 'them' : 'it'} to`] : ['请在“合并问题”中把它的“怎样填写”选为', 'Under “Questions asked once”, set how it is answered to'];
    // Where the registration applies only to some applicants, the others are still asked: they hold the code.
    const when = bundle.items.find((i) => i.key === u.producer)?.when;
    const [others, othersEn] = when ? [`(不办理「${producer.name}」的申请人仍会被询问)`, ` (applicants who do not apply for "${producer.name}" are still asked)`] : ['', ''];
    return {
      code: 'BUNDLE_RESULT_NOT_FILLED' as const,
      path: u.field === undefined ? '/fields' : `/fields/${u.field}/fromResultOf`,
      ...bilingual(
        `${zh}要由申请人填写，但申请人要等「${producer.name}」办结、领到「${licence}」后才有这个代码。${where}“${fill[0]}”${others}`,
        `${en} ${many ? 'are' : 'is'} asked of the applicant, but the applicant has the code only once "${producer.name}" is done and its "${licence}" issued. ${whereEn} “${fill[1]}”${othersEn}`,
      ),
    };
  });
}
