import { describe, expect, it } from 'vitest';
import { checkFormSchema, SCHEMA_LIMITS } from '../src';

const formWith = (patterns: string[]) => ({
  type: 'object',
  properties: Object.fromEntries(patterns.map((pattern, i) => [`field${i}`, { type: 'string', pattern }])),
});

const everyday: Array<[string, string]> = [
  ['US ZIP code (safe-regex2 refused it)', String.raw`^\d{5}(?:[-\s]\d{4})?$`],
  ['landline with area code (safe-regex2 refused it)', String.raw`^(0\d{2,3}-)?\d{7,8}$`],
  ['身份证号', String.raw`^[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]$`],
  ['手机号', String.raw`^1[3-9]\d{9}$`],
  ['邮政编码', String.raw`^\d{6}$`],
  ['Chinese name', String.raw`^[\u4e00-\u9fa5]{2,20}$`],
];

const redos = [String.raw`^(a+)+$`, String.raw`(x+x+)+y`, String.raw`^(\w+\s?)*$`];

describe('form schema patterns', () => {
  it.each(everyday)('accept %s', (_name, pattern) => {
    expect(checkFormSchema(formWith([pattern]))).toEqual([]);
  });

  it.each(redos)('refuse %s, which backtracks catastrophically, naming it', (pattern) => {
    const issues = checkFormSchema(formWith([pattern]));
    expect(issues).toEqual([expect.objectContaining({ code: 'SCHEMA_UNSAFE_PATTERN', path: '/properties/field0/pattern' })]);
    expect(issues[0]!.message).toContain(`「${pattern}」`);
    expect(issues[0]!.message).toContain('卡顿');
    expect(issues[0]!.message_en).toContain(`"${pattern}"`);
  });

  it('refuse a pattern in patternProperties too', () => {
    const schema = { type: 'object', properties: {}, patternProperties: { '^(a+)+$': { type: 'string' } } };
    expect(checkFormSchema(schema).map((i) => [i.code, i.path])).toEqual([['SCHEMA_UNSAFE_PATTERN', '/patternProperties/^(a+)+$']]);
  });

  it('refuse a pattern the automaton cannot model: stalling, or too complex to confirm, whichever the fuzzing reaches in its time', () => {
    // A backreference: recheck fuzzes it, and given its second, longer try it finds the stall.
    const issues = checkFormSchema(formWith([String.raw`^(\d+)\1$`]));
    expect(issues.map((i) => i.code)).toEqual(['SCHEMA_UNSAFE_PATTERN']);
    expect(issues[0]!.message).toMatch(/可能导致系统卡顿|过于复杂，无法确认安全/);
  });

  it('keep refusing invalid and over-long patterns', () => {
    const long = `^${'a'.repeat(SCHEMA_LIMITS.maxPatternLength)}$`;
    const issues = checkFormSchema(formWith(['[', long]));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['SCHEMA_INVALID', '/properties/field0/pattern'],
      ['SCHEMA_UNSAFE_PATTERN', '/properties/field1/pattern'],
    ]);
    expect(issues[1]!.message).toContain('过长');
  });

  it('report each field that uses an unsafe pattern', () => {
    expect(checkFormSchema(formWith(['^(a+)+$', String.raw`^\d{6}$`, '^(a+)+$'])).map((i) => i.path))
      .toEqual(['/properties/field0/pattern', '/properties/field2/pattern']);
  });

  it('check a form of ten everyday patterns (time printed, not asserted)', () => {
    const ten = [...everyday.map(([, p]) => p), String.raw`^\d{17}[\dXx]$`, String.raw`^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$`,
      String.raw`^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$`, String.raw`^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][A-Z0-9]{5,6}$`];
    const started = performance.now();
    expect(checkFormSchema(formWith(ten))).toEqual([]);
    console.log(`checkFormSchema, ${ten.length} patterns: ${Math.round(performance.now() - started)} ms`);
  });
});
