import { inlineRefs } from '../form-refs';
import { bilingual } from '../messages';
import { itemFieldWords, stageOf, type BaseVersions } from './base';
import type { BundleIssue } from './check-codes';
import { fieldSchemaAt, incompatibilityWords, mergeFieldSchemas } from './field-schemas';
import { mergedMaterials } from './materials';
import type { BundleDefinition, CanonicalField } from './model';

/**
 * The checks of 一表申请 and 一套材料: every canonical field answers fields that exist and can
 * share one answer, each base field is answered once, a field filled from an earlier result
 * comes from an earlier stage; every equivalence names real materials, each once, and no
 * document is left asked twice. Fields are named by their titles, never by their keys.
 */

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

const nameOf = (bundle: BundleDefinition, base: BaseVersions, key: string) => base[key]?.name ?? bundle.items.find((i) => i.key === key)?.itemId ?? key;

function keyIssues(bundle: BundleDefinition): BundleIssue[] {
  const itemKeys = new Set(bundle.items.map((i) => i.key));
  const seen = new Set<string>();
  const issues: BundleIssue[] = [];
  const questions = inlineRefs(bundle.scenario.schema).properties;
  for (const [key, question] of Object.entries(isObject(questions) ? questions : {})) {
    if (!itemKeys.has(key)) continue;
    const title = isObject(question) && typeof question.title === 'string' ? question.title : key;
    issues.push({
      code: 'BUNDLE_KEY_CONFLICT',
      path: `/scenario/schema/properties/${key}`,
      ...bilingual(`情形问题「${title}」的标识与一个事项分组相同，请换一个标识`, `the scenario question "${title}" has the key of an item group; choose another key`),
    });
  }
  bundle.fields.forEach((c, i) => {
    if (itemKeys.has(c.key) || seen.has(c.key))
      issues.push({
        code: 'BUNDLE_KEY_CONFLICT',
        path: `/fields/${i}/key`,
        ...bilingual(`合并问题「${c.title}」的标识与其他字段或事项分组重复，请换一个标识`, `the merged question "${c.title}" has the key of another field or item group; choose another key`),
      });
    seen.add(c.key);
  });
  return issues;
}

interface Mapped {
  item: string;
  path: string;
  schema: Schema;
  words: { zh: string; en: string };
}

function canonicalIssues(bundle: BundleDefinition, base: BaseVersions, c: CanonicalField, at: string, answered: Map<string, string>): BundleIssue[] {
  const issues: BundleIssue[] = [];
  const items = new Set(bundle.items.map((i) => i.key));
  const mapped: Mapped[] = [];
  const scenario = inlineRefs(bundle.scenario.schema).properties;
  const question = isObject(scenario) && isObject(scenario[c.key]) ? (scenario[c.key] as Schema) : undefined;
  if (question) mapped.push({ item: '', path: c.key, schema: question, words: { zh: `情形问题「${String(question.title ?? c.title)}」`, en: `the scenario question "${String(question.title ?? c.title)}"` } });
  if (Object.keys(c.map).length === 0)
    issues.push({ code: 'BUNDLE_MAPPING_EMPTY', path: `${at}/map`, ...bilingual(`合并问题「${c.title}」没有对应任何事项的字段，请选择或删除它`, `the merged question "${c.title}" answers no item's field; choose some or remove it`) });
  for (const [key, path] of Object.entries(c.map)) {
    const where = `${at}/map/${key}`;
    const item = base[key];
    // An item of the bundle whose version cannot be read is reported once, by the items' checks.
    if (items.has(key) && !item) continue;
    if (!items.has(key) || !item) {
      issues.push({ code: 'BUNDLE_MAPPING_UNKNOWN_ITEM', path: where, ...bilingual(`合并问题「${c.title}」对应的事项不在本一件事中`, `the merged question "${c.title}" answers an item that is not in this bundle`) });
      continue;
    }
    const schema = fieldSchemaAt(item.form.schema, path);
    if (!schema) {
      issues.push({
        code: 'BUNDLE_MAPPING_UNKNOWN_FIELD',
        path: where,
        ...bilingual(`合并问题「${c.title}」对应的「${item.name}」字段在其第 ${bundleVersion(bundle, key)} 版中不存在，请重新选择`, `the field of "${item.name}" the merged question "${c.title}" answers is not in its version ${bundleVersion(bundle, key)}; choose it again`),
      });
      continue;
    }
    const words = itemFieldWords(item, path);
    const other = answered.get(`${key}.${path}`);
    if (other !== undefined)
      issues.push({ code: 'BUNDLE_MAPPING_FIELD_TWICE', path: where, ...bilingual(`${words.zh}已由合并问题「${other}」填写，不能再对应「${c.title}」`, `${words.en} is already answered by the merged question "${other}", not also by "${c.title}"`) });
    else answered.set(`${key}.${path}`, c.title);
    mapped.push({ item: key, path, schema, words });
  }
  for (let i = 1; i < mapped.length; i++) {
    if (!('reason' in mergeFieldSchemas(mapped.slice(0, i + 1).map((m) => m.schema)))) continue;
    // Name the two that disagree: the first earlier field this one cannot share an answer with.
    const b = mapped[i]!;
    const a = mapped.slice(0, i).find((m) => 'reason' in mergeFieldSchemas([m.schema, b.schema])) ?? mapped[0]!;
    const why = mergeFieldSchemas([a.schema, b.schema]);
    const said = incompatibilityWords('reason' in why ? why : { reason: 'bounds' }, a, b);
    issues.push({
      code: 'BUNDLE_MAPPING_INCOMPATIBLE',
      path: b.item ? `${at}/map/${b.item}` : `${at}/key`,
      ...bilingual(`合并问题「${c.title}」不能同时填写${a.words.zh}和${b.words.zh}：${said.zh}`, `the merged question "${c.title}" cannot answer both ${a.words.en} and ${b.words.en}: ${said.en}`),
    });
    break;
  }
  if (c.fromResultOf) {
    const producer = stageOf(bundle, c.fromResultOf);
    const producerName = nameOf(bundle, base, c.fromResultOf);
    if (!items.has(c.fromResultOf))
      issues.push({ code: 'BUNDLE_MAPPING_UNKNOWN_ITEM', path: `${at}/fromResultOf`, ...bilingual(`合并问题「${c.title}」由其结果填入的事项不在本一件事中`, `the merged question "${c.title}" is filled from an item that is not in this bundle`) });
    else
      for (const m of mapped.filter((m) => m.item && stageOf(bundle, m.item) <= producer))
        issues.push({
          code: 'BUNDLE_RESULT_STAGE_ORDER',
          path: `${at}/fromResultOf`,
          ...bilingual(
            `合并问题「${c.title}」由「${producerName}」的办理结果填入，${m.words.zh}所在事项须安排在「${producerName}」之后的阶段`,
            `the merged question "${c.title}" is filled from the result of "${producerName}": the item of ${m.words.en} must run in a later stage`,
          ),
        });
  }
  return issues;
}

const bundleVersion = (bundle: BundleDefinition, key: string) => bundle.items.find((i) => i.key === key)?.version ?? '?';

export function fieldMappingIssues(bundle: BundleDefinition, base: BaseVersions): BundleIssue[] {
  const answered = new Map<string, string>();
  return [...keyIssues(bundle), ...bundle.fields.flatMap((c, i) => canonicalIssues(bundle, base, c, `/fields/${i}`, answered))];
}

export function materialIssues(bundle: BundleDefinition, base: BaseVersions): BundleIssue[] {
  const issues: BundleIssue[] = [];
  const marked = new Map<string, string>();
  bundle.materials.forEach((eq, i) => {
    const label = eq.name ?? eq.key;
    for (const [key, id] of Object.entries(eq.map)) {
      const item = base[key];
      const material = item?.materials.find((m) => m.id === id);
      if (!item && bundle.items.some((x) => x.key === key)) continue;
      if (!item || !material || !bundle.items.some((x) => x.key === key)) {
        issues.push({
          code: 'BUNDLE_MATERIAL_UNKNOWN',
          path: `/materials/${i}/map/${key}`,
          ...bilingual(`相同材料「${label}」对应的${item ? `「${item.name}」材料已不存在` : '事项不在本一件事中'}，请重新选择`, `the equal material "${label}" names ${item ? `a material "${item.name}" no longer has` : 'an item not in this bundle'}; choose again`),
        });
        continue;
      }
      const before = marked.get(`${key}.${id}`);
      if (before !== undefined)
        issues.push({
          code: 'BUNDLE_MATERIAL_MAPPED_TWICE',
          path: `/materials/${i}/map/${key}`,
          ...bilingual(`「${item.name}」的「${material.name}」已标为与「${before}」相同，不能再标为「${label}」`, `"${material.name}" of "${item.name}" is already marked equal to "${before}", not also to "${label}"`),
        });
      else marked.set(`${key}.${id}`, label);
    }
  });
  if (issues.length > 0) return issues;
  // The same name still in two entries (their issuers differ): the applicant cannot tell them apart,
  // and one may be asked for though the other is obtained by sharing.
  const listed = mergedMaterials(bundle, base);
  const seen = new Map<string, (typeof listed)[number]>();
  for (const m of listed) {
    const name = m.material.name.trim();
    const first = seen.get(name);
    if (!first) {
      seen.set(name, m);
      continue;
    }
    const [a, b] = [first.for.join('、'), m.for.join('、')];
    issues.push({
      code: 'BUNDLE_MATERIAL_ASKED_TWICE',
      path: '/materials',
      ...bilingual(
        `「${a}」和「${b}」各有一项「${name}」：是同一份材料的，请标为相同材料(一个事项免交即全部免交)；不是的，请在事项中区分材料名称`,
        `"${a}" and "${b}" each list a "${name}": if it is the same document, mark them equal (免交 for one is 免交 for all); if not, give them different names in the items`,
      ),
    });
  }
  return issues;
}
