import { describe, expect, it } from 'vitest';
import { bundleChecks, joinAnswers, mergedMaterials, ZBundleDefinition } from '../src';
import { fromScratch, ownAnswers, publishedHeads, restaurant, restaurantBase, restaurantInput } from './bundle-fixtures';

/** 一套材料: the one checklist of 开办餐饮店, as the applicant reads it. */

const bundle = restaurant();
const base = restaurantBase();
const answers = joinAnswers(bundle, fromScratch, ownAnswers);
const checklist = mergedMaterials(bundle, base, answers);
const named = (name: string) => checklist.filter((m) => m.material.name === name);

describe('the one checklist', () => {
  it('asks for the 营业执照 once, for the three items that need it', () => {
    expect(named('营业执照')).toHaveLength(1);
    expect(named('营业执照')[0]!.for).toEqual(['食品经营许可(餐饮服务)', '公章刻制备案', '供水报装']);
    expect(named('申请人身份证明或营业执照')).toEqual([]);
  });

  it('does not ask for what any item obtains by sharing (免交), though 公章刻制 on its own asks for it', () => {
    const seal = base.seal!.materials;
    expect(seal.find((m) => m.name === '营业执照')!.shared).toBeUndefined();
    expect(seal.find((m) => m.name === '法定代表人身份证明')!.shared).toBeUndefined();
    for (const name of ['营业执照', '法定代表人身份证明']) {
      const [m] = named(name);
      expect(m!.status).toBe('shared');
      expect(m!.words.zh.shared).toMatch(/^免交：由.+共享获取，无需提交$/);
      expect(m!.words.en.shared).toMatch(/^Not asked of you/);
    }
    // Same name, same issuer: one document though nobody marked it so.
    expect(named('法定代表人身份证明')[0]!.sources).toEqual([
      { item: 'food', materialId: 'legal-rep-id' },
      { item: 'seal', materialId: 'legal-rep-id' },
    ]);
  });

  it('asks once for the premises proof the official marked equal, as strictly as the stricter item needs it', () => {
    const [proof] = named('住所(经营场所)使用证明');
    expect(proof!.for).toEqual(['企业设立登记(多证合一)', '供水报装']);
    expect(proof!.status).toBe('required');
    // With a licence already held, only 供水报装 needs it, and it takes it later (容缺).
    const later = mergedMaterials(bundle, base, { ...answers, hasLicence: true }).find((m) => m.id === 'premisesProof')!;
    expect(later.status).toBe('deferrable');
    expect(later.words.zh.later).toContain('3 个工作日内补交');
  });

  it('tells each material\'s condition in words, the scenario included, never by keys', () => {
    const sealForm = checklist.find((m) => m.material.name === '印章刻制申请表')!;
    expect(sealForm.words.zh.when).toBe('「是否需要刻制公章」为「是」时需要');
    expect(sealForm.words.en.when).toBe('Needed when “是否需要刻制公章” is “yes”');
    const authorisation = checklist.find((m) => m.material.name === '授权委托书')!;
    expect(authorisation.words.zh.when).toBe('「是否需要刻制公章」为「是」且「是否委托经办人办理」为「是」时需要');
    expect(authorisation.status).toBe('notApplicable');
    for (const m of checklist) expect(`${m.words.zh.when ?? ''}`).not.toMatch(/needSeal|byAgent|seal\.|foodTypes/);
  });

  it('drops the materials of an item that does not apply', () => {
    const noSeal = mergedMaterials(bundle, base, { ...answers, needSeal: false });
    expect(noSeal.find((m) => m.material.name === '印章刻制申请表')!.status).toBe('notApplicable');
    // The licence is still needed by 食品经营许可: still one entry, still 免交.
    expect(noSeal.find((m) => m.material.name === '营业执照')!.status).toBe('shared');
  });

  it('without answers, lists every document once with when it is needed', () => {
    const all = mergedMaterials(bundle, base);
    expect(new Set(all.map((m) => m.material.name)).size).toBe(all.length);
    expect(all.every((m) => m.decided)).toBe(true);
  });
});

describe('a material asked twice', () => {
  it('is refused when two items ask for a document of the same name that nobody marked equal', () => {
    const input = restaurantInput();
    input.materials = input.materials!.filter((m) => m.key !== 'businessLicence');
    const changed = restaurantBase();
    changed.seal!.materials.find((m) => m.id === 'business-licence')!.issuer = '示范市市场监督管理局';
    const issues = bundleChecks(input, changed, publishedHeads()).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'BUNDLE_MATERIAL_ASKED_TWICE',
      message: '「食品经营许可(餐饮服务)」和「公章刻制备案」各有一项「营业执照」：是同一份材料的，请标为相同材料(一个事项免交即全部免交)；不是的，请在事项中区分材料名称',
    });
  });

  it('is refused when one material is marked equal to two others', () => {
    const input = restaurantInput();
    input.materials!.push({ key: 'again', name: '营业执照(副本)', map: { seal: 'business-licence' } });
    const issues = bundleChecks(input, base, publishedHeads()).issues;
    expect(issues.map((i) => i.code)).toEqual(['BUNDLE_MATERIAL_MAPPED_TWICE']);
    expect(issues[0]!.message).toBe('「公章刻制备案」的「营业执照」已标为与「营业执照」相同，不能再标为「营业执照(副本)」');
  });

  it('names a material that no longer exists without its id', () => {
    const input = ZBundleDefinition.parse(restaurantInput());
    input.materials[0]!.map.water = 'gone';
    const [issue] = bundleChecks(input, base, publishedHeads()).issues;
    expect(issue).toMatchObject({ code: 'BUNDLE_MATERIAL_UNKNOWN', path: '/materials/0/map/water' });
    expect(issue!.message).not.toContain('gone');
  });
});
