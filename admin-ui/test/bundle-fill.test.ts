import { describe, expect, it } from 'vitest';
import { bundleChecks, unfilledCodes, ZBundleDefinition, ZItemDefinition, type BaseVersions } from '@onevisit/item-schemas';
import { bundleItemTemplates, bundleTemplates, templates } from '@onevisit/item-schemas/templates';
import { fillFromResult, splitQuestion, type BundleDraftDefinition } from '../src/bundles/bundle-definition';

/** The editor's one-click fix of a 统一社会信用代码 asked of the applicant though the 营业执照 of the first step will carry it. */

const restaurant = structuredClone(bundleTemplates[0]!) as BundleDraftDefinition;
const all = [...templates, ...bundleItemTemplates];
const base: BaseVersions = Object.fromEntries(restaurant.items!.map((i) => [i.key, ZItemDefinition.parse(structuredClone(all.find((t) => t.id === i.itemId)))]));
const heads = Object.fromEntries(restaurant.items!.map((i) => [i.key, { state: 'published' as const, version: 1 }]));
const issues = (d: BundleDraftDefinition) => bundleChecks(d, base, heads).issues;

describe('filling a code in from an earlier result', () => {
  it('asks the items’ codes as one question, filled in from the 营业执照: the checks then pass', () => {
    const apart: BundleDraftDefinition = { ...restaurant, fields: restaurant.fields!.filter((f) => f.key !== 'uscc') };
    const [gap] = unfilledCodes(ZBundleDefinition.parse(apart), base);
    expect(issues(apart).map((i) => i.code)).toEqual(['BUNDLE_RESULT_NOT_FILLED']);
    const fixed = fillFromResult(apart, gap!.asked, gap!.producer, '统一社会信用代码');
    expect(fixed.fields!.at(-1)).toEqual({ key: 'uscc', title: '统一社会信用代码', map: { food: 'uscc', seal: 'uscc' }, fromResultOf: 'company' });
    expect(issues(fixed)).toEqual([]);
  });

  it('keeps a question filled in from a result when one of its items asks it on its own again', () => {
    const one = splitQuestion(restaurant, { item: 'seal', path: 'uscc' });
    expect(one.fields!.find((f) => f.key === 'uscc')).toEqual({ key: 'uscc', title: '统一社会信用代码', map: { food: 'uscc' }, fromResultOf: 'company' });
    // The seal's code is asked of the applicant again, and the checks say so.
    expect(issues(one).map((i) => i.message)).toEqual([expect.stringMatching(/^「公章刻制备案」的「统一社会信用代码」要由申请人填写/)]);
  });
});
