import { describe, expect, it } from 'vitest';
import { checkSubmissionMaterials, materialsFor, runPublishChecks } from '../src';
import { template } from './fixtures';

const ids = (list: Array<{ id: string }>) => list.map((m) => m.id);
const item = runPublishChecks(template('real-estate-transfer')).item!;

describe('materials for given answers (一次告知)', () => {
  it('lists a sale’s materials: the contract applies, inheritance papers do not, shared ones are never asked', () => {
    const result = materialsFor(item, { reason: 'sale', boundaryChanged: true });
    expect(ids(result.required)).toEqual(['application', 'title-certificate', 'sale-contract']);
    expect(ids(result.deferrable)).toEqual(['survey-report']);
    expect(ids(result.shared)).toEqual(['id-card', 'tax-receipt', 'marriage-status']);
    expect(ids(result.notApplicable)).toEqual(['inheritance-proof', 'gift-contract']);
  });

  it('changes with the answers', () => {
    const result = materialsFor(item, { reason: 'inheritance', boundaryChanged: false });
    expect(ids(result.required)).toContain('inheritance-proof');
    expect(ids(result.required)).not.toContain('sale-contract');
    expect(ids(result.notApplicable)).toContain('survey-report');
  });

  it('treats a 容缺 material as required when the item does not accept deficiencies', () => {
    const strict = { ...item, deficiencyAcceptance: { ...item.deficiencyAcceptance, enabled: false } };
    expect(ids(materialsFor(strict, { reason: 'sale', boundaryChanged: true }).required)).toContain('survey-report');
  });
});

describe('a submission’s materials', () => {
  const answers = { reason: 'sale', boundaryChanged: true };

  it('is refused for a missing required material, naming it', () => {
    const result = checkSubmissionMaterials(item, answers, ['application', 'survey-report']);
    expect(ids(result.missing)).toEqual(['title-certificate', 'sale-contract']);
  });

  it('is accepted with only a 容缺 material missing, which is then deferred', () => {
    const result = checkSubmissionMaterials(item, answers, ['application', 'title-certificate', 'sale-contract']);
    expect(result.missing).toEqual([]);
    expect(ids(result.deferred)).toEqual(['survey-report']);
  });

  it('flags materials supplied that are not asked for, such as shared ones', () => {
    const result = checkSubmissionMaterials(item, answers, ['application', 'title-certificate', 'sale-contract', 'tax-receipt']);
    expect(result.unexpected).toEqual(['tax-receipt']);
  });

  it('lets a signed promise replace a material only where the item and material allow it', () => {
    const company = runPublishChecks(template('company-registration')).item!;
    const answers = { companyType: 'llc' };
    expect(ids(checkSubmissionMaterials(company, answers, ['application', 'articles'], ['premises']).missing)).toEqual([]);
    expect(ids(checkSubmissionMaterials(company, answers, ['premises'], ['application', 'articles']).missing)).toEqual(['application', 'articles']);
  });
});
