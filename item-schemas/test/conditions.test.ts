import { describe, expect, it } from 'vitest';
import { evaluate, visibleAnswers, type Condition } from '../src';

describe('evaluating conditions', () => {
  const answers = { applicant: { type: 'company', employees: 12 }, crops: ['小麦', '玉米'], agreed: true, note: '' };

  it.each<[Condition, boolean]>([
    [{ field: 'applicant.type', op: 'eq', value: 'company' }, true],
    [{ field: 'applicant.type', op: 'ne', value: 'company' }, false],
    [{ field: 'applicant.employees', op: 'gte', value: 12 }, true],
    [{ field: 'applicant.employees', op: 'gt', value: 12 }, false],
    [{ field: 'applicant.employees', op: 'lt', value: '20' }, false], // no coercion between strings and numbers
    [{ field: 'applicant.type', op: 'in', value: ['company', 'organisation'] }, true],
    [{ field: 'applicant.type', op: 'notIn', value: ['person'] }, true],
    [{ field: 'crops', op: 'contains', value: '玉米' }, true],
    [{ field: 'crops', op: 'contains', value: '水稻' }, false],
    [{ field: 'note', op: 'isSet' }, false],
    [{ field: 'missing', op: 'isNotSet' }, true],
    [{ all: [{ field: 'agreed', op: 'eq', value: true }, { field: 'crops', op: 'contains', value: '小麦' }] }, true],
    [{ any: [{ field: 'agreed', op: 'eq', value: false }, { field: 'crops', op: 'contains', value: '水稻' }] }, false],
    [{ not: { field: 'agreed', op: 'eq', value: true } }, false],
  ])('%j → %s', (condition, expected) => {
    expect(evaluate(condition, answers)).toBe(expected);
  });
});

describe('visibility', () => {
  it('hides fields in dependency order, so a field hidden by a hidden field is hidden too', () => {
    const visibleWhen: Record<string, Condition> = {
      school: { field: 'kind', op: 'eq', value: 'student' },
      grade: { field: 'school', op: 'isSet' },
    };
    const result = visibleAnswers({ visibleWhen }, { kind: 'public', school: '一中', grade: '高三' });
    expect(result.answers).toEqual({ kind: 'public' });
    expect(result.hidden.sort()).toEqual(['grade', 'school']);
  });
});
