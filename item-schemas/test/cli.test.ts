import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../cli/onevisit.mjs');
const templates = join(import.meta.dirname, '../templates');
const dir = mkdtempSync(join(tmpdir(), 'onevisit-cli-'));

function onevisit(args: string[], tz = 'Asia/Shanghai') {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, TZ: tz } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('onevisit deadline', () => {
  it.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles'])('prints the same due date under TZ=%s', (tz) => {
    expect(onevisit(['deadline', '--from', '2026-09-30', '--days', '5'], tz)).toEqual({ code: 0, out: '2026-10-13\n', err: '' });
  });

  it('says provisional on line 2 past the last official year', () => {
    expect(onevisit(['deadline', '--from', '2026-12-28', '--days', '5']).out).toBe('2027-01-04\nprovisional\n');
  });

  it('counts natural days and rolls forward', () => {
    expect(onevisit(['deadline', '--from', '2026-03-02', '--days', '5', '--unit', 'natural']).out).toBe('2026-03-09\n');
  });

  it('applies a calendar file over the national calendar', () => {
    const file = join(dir, 'county.json');
    writeFileSync(file, JSON.stringify({ days: [{ date: '2026-03-10', kind: 'holiday', name: '三月三' }] }));
    expect(onevisit(['deadline', '--from', '2026-03-09', '--days', '1', '--calendar', file]).out).toBe('2026-03-11\n');
  });

  it.each([
    [['--from', '2026-02-30', '--days', '5'], /not a valid YYYY-MM-DD/],
    [['--from', '2026-01-05', '--days', '-3'], /--days must be a whole number/],
    [['--from', '2026-01-05'], /--days/],
    [['--from', '2026-01-05', '--days', '5', '--unit', 'week'], /--unit/],
    [['--from', '1990-01-05', '--days', '5'], /outside/],
  ])('rejects %j with one line and exit 2', (args, message) => {
    const result = onevisit(['deadline', ...args]);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(message);
    expect(result.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('onevisit validate', () => {
  it('passes the templates', () => {
    const result = onevisit(['validate', join(templates, 'putonghua-test.json'), join(templates, 'water-connection.json')]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/putonghua-test.json: ok\n.*water-connection.json: ok\n/);
  });

  it('prints each problem with its path and code, exit 1', () => {
    const item = JSON.parse(readFileSync(join(templates, 'labour-dispatch-licence.json'), 'utf8'));
    item.promisedLimit.value = 30;
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(item));
    const result = onevisit(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('/promisedLimit/value PROMISED_EXCEEDS_LEGAL 承诺时限(30个工作日)不能超过法定时限(20个工作日)');
    expect(result.out.trim().split('\n')).toHaveLength(1);
  });

  it('rejects a malformed file with one line, exit 2', () => {
    const file = join(dir, 'malformed.json');
    writeFileSync(file, '{"name": ');
    const result = onevisit(['validate', file]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^onevisit: item file .* is not valid JSON/);
    expect(result.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('onevisit materials', () => {
  it('prints the materials by status for the answers', () => {
    const result = onevisit(['materials', join(templates, 'real-estate-transfer.json'), '--answers', '{"reason":"inheritance","boundaryChanged":true}']);
    expect(result.code).toBe(0);
    const [required, deferrable] = result.out.split(/\n(?=\S)/);
    expect(required).toMatch(/^必须提交/);
    expect(required).toContain('inheritance-proof');
    expect(required).not.toContain('sale-contract');
    expect(deferrable).toMatch(/^可容缺后补[^]*survey-report/);
    expect(result.out).toMatch(/共享免交[^]*tax-receipt\t完税凭证\t\(税务部门\)/);
  });

  it('rejects answers that are not JSON, exit 2', () => {
    const result = onevisit(['materials', join(templates, 'real-estate-transfer.json'), '--answers', '{reason']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--answers is not valid JSON/);
  });
});

describe('onevisit schema', () => {
  it('shows every element with its Chinese title, and the code lists with their national codes', () => {
    const { code, out } = onevisit(['schema']);
    expect(code).toBe(0);
    for (const [path, title] of <Array<[string, string]>>[
      ['acceptanceConditions', '受理条件'],
      ['crossRegion', '通办范围'],
      ['result.name', '结果名称'],
      ['onlineDepth', '网上办理深度'],
      ['themes.personal', '自然人主题'],
      ['complaintPhone', '监督投诉电话'],
      ['tree.businessKind', '业务办理项类型'],
      ['materials[].signature', '签字要求'],
      ['shortName', '简称'],
      ['keywords', '搜索关键词'],
    ]) expect(out).toMatch(new RegExp(`^ +${path.replace(/[.[\]]/g, '\\$&')} +${title}\\(`, 'm'));
    expect(out).toMatch(/^ +result\.name +结果名称\(文本，必填\)$/m);
    expect(out).toMatch(/^ +effectiveFrom +计划生效日期\(日期 YYYY-MM-DD\)$/m);
    // National codes first, with the value a definition writes where it differs.
    expect(out).toMatch(/^办件类型  \(caseType\)\n  1  即办件  Decided on the spot  \[值 immediate\]$/m);
    expect(out).toMatch(/^  11  行政备案  Administrative filing$/m);
    expect(out).toMatch(/^  7  互联网电子证照反馈  Electronic certificate issued online$/m);
    expect(out).toMatch(/^  4  Ⅳ级 全程网办  Level IV: fully online$/m);
  });

  it('prints the model as JSON Schema with --json, and refuses anything else', () => {
    const json = onevisit(['schema', '--json']);
    expect(JSON.parse(json.out).properties.crossRegion.title).toBe('通办范围');
    const wrong = onevisit(['schema', '--yaml']);
    expect(wrong).toMatchObject({ code: 2, out: '', err: 'onevisit: schema takes only --json\n' });
  });
});
