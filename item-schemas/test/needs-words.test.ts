import { describe, expect, it } from 'vitest';
import { materialNeeds, needMark, needsSummary, runPublishChecks } from '../src';
import { template } from './fixtures';

/** What the answers so far make of every material: marked only where they decide it. */
const item = runPublishChecks(template('real-estate-transfer')).item!;
const marks = (answers: Record<string, unknown>) =>
  Object.fromEntries(materialNeeds(item, answers).flatMap((n) => (n.material.when ? [[n.material.id, needMark(n, 'zh')?.text ?? '']] : [])));

describe('materials marked by the answers so far', () => {
  it('lists every material, and marks none before the answers decide them', () => {
    expect(materialNeeds(item, {}).map((n) => n.material.id)).toEqual(item.materials.map((m) => m.id));
    expect(marks({})).toEqual({ 'sale-contract': '', 'inheritance-proof': '', 'gift-contract': '', 'survey-report': '' });
    expect(needsSummary(materialNeeds(item, {}), 'zh')).toBe('按您目前的填写：需要提交 2 项，另有 4 项取决于尚未填写的内容。');
  });

  it('marks what an answer requires and what it rules out', () => {
    expect(marks({ reason: 'gift', boundaryChanged: true })).toEqual({
      'sale-contract': '按您的填写不需要',
      'inheritance-proof': '按您的填写不需要',
      'gift-contract': '按您的填写需要',
      'survey-report': '按您的填写需要',
    });
    const needs = materialNeeds(item, { reason: 'gift', boundaryChanged: true });
    expect(needsSummary(needs, 'zh')).toBe('按您目前的填写：需要提交 4 项(其中 1 项可容缺后补)。');
    expect(needsSummary(needs, 'en')).toBe('For your answers so far: 4 to bring (1 of them may come later).');
    expect(needMark(needs.find((n) => n.material.id === 'sale-contract')!, 'en')?.text).toBe('not needed for your answers');
  });
});
