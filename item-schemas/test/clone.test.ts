import { describe, expect, it } from 'vitest';
import { acceptUpstream, cloneStart, decisionProblem, effectiveDefinition, ZItemDefinition, overridesFrom, runPublishChecks, upstreamChanges } from '../src';
import { templates } from '../src/templates';

const city = ZItemDefinition.parse(structuredClone(templates.find((t) => t.id === 'labour-dispatch-licence')!));
const ref = { jurisdiction: '990100', itemId: city.id, version: 1 };
const countyDepartment = { name: '东城县行政审批局', creditCode: '11990121MB0000019R', nature: '1' as const };

describe('a county clone', () => {
  it('is upstream plus its overrides, remembering where it came from', () => {
    const clone = effectiveDefinition(city, ref, { promisedLimit: { value: 3, unit: 'workday' }, sharedMaterials: { [city.materials[0]!.id]: { provider: '县市场监管局' } } });
    expect(clone.promisedLimit.value).toBe(3);
    expect(clone.materials[0]!.shared).toEqual({ provider: '县市场监管局' });
    expect(clone.upstream).toEqual(ref);
    expect({ ...clone, promisedLimit: city.promisedLimit, materials: city.materials, upstream: undefined, meta: undefined }).toEqual({ ...city, upstream: undefined, meta: undefined });
  });

  it('turns an edited definition into overrides of local fields, and names any locked field changed', () => {
    const edited = { ...structuredClone(city), windows: [{ name: '东城县政务服务中心', address: '东城县中山路 1 号', hours: '工作日 9:00-17:00' }], department: countyDepartment } as Record<string, any>;
    edited.materials[1].shared = { provider: '电子证照库' };
    expect(overridesFrom(city, edited)).toEqual({ overrides: { windows: edited.windows, department: countyDepartment, sharedMaterials: { [city.materials[1]!.id]: { provider: '电子证照库' } } }, locked: [] });

    const renamed = { ...structuredClone(city), name: '改个名字', legalLimit: { value: 30, unit: 'workday' } } as Record<string, any>;
    renamed.materials[0].name = '另一份材料';
    expect(overridesFrom(city, renamed).locked.map((l) => l.title)).toEqual(['事项名称', '法定办结时限', '申请材料']);
  });

  it('sees upstream changes against its overrides, and asks about a promise beyond the new legal limit', () => {
    const v2 = { ...structuredClone(city), legalLimit: { value: 5, unit: 'workday' as const }, fees: [{ name: '工本费', charged: true, reducible: false }] } as typeof city;
    const overrides = { promisedLimit: { value: 6, unit: 'workday' as const }, windows: [{ name: '东城县政务服务中心', address: '东城县中山路 1 号', hours: '工作日 9:00-17:00' }] };
    const { changes, conflicts } = upstreamChanges(city, v2, overrides);
    expect(changes.map((c) => [c.path, c.label, c.after, c.overridden])).toEqual([
      ['/legalLimit', '法定办结时限', '5个工作日', false],
      ['/fees/0', '收费「工本费」', '是否收费：是', false],
    ]);
    expect(conflicts).toEqual([expect.objectContaining({ path: '/promisedLimit', code: 'PROMISED_EXCEEDS_LEGAL' })]);

    expect(acceptUpstream(overrides, conflicts, {}).undecided).toHaveLength(1);
    const decided = acceptUpstream(overrides, conflicts, { '/promisedLimit': { take: 'value', value: { value: 5, unit: 'workday' } } });
    expect(decided).toEqual({ overrides: { promisedLimit: { value: 5, unit: 'workday' }, windows: overrides.windows }, undecided: [], refused: [] });
    expect(acceptUpstream(overrides, conflicts, { '/promisedLimit': { take: 'upstream' } }).overrides).toEqual({ windows: overrides.windows });
  });

  it('asks when upstream changed a field the county overrides', () => {
    const v2 = { ...structuredClone(city), fees: [{ name: '工本费', charged: true, reducible: false }] } as typeof city;
    const overrides = { fees: [{ name: '工本费', charged: false, reducible: false }] };
    const { conflicts } = upstreamChanges(city, v2, overrides);
    expect(conflicts).toEqual([expect.objectContaining({ path: '/fees', code: 'BOTH_CHANGED', local: overrides.fees })]);
    expect(acceptUpstream(overrides, conflicts, { '/fees': { take: 'local' } }).overrides).toEqual(overrides);
  });

  it('never takes the city’s windows or 咨询方式: it has its own or none, and a change of the city’s is no change here', () => {
    expect(city.windows.length).toBeGreaterThan(0);
    expect(effectiveDefinition(cloneStart(city), ref, {}).windows).toEqual([]);
    const own = [{ name: '东城县政务服务中心', address: '东城县中山路 1 号', hours: '工作日 9:00-17:00' }];
    expect(overridesFrom(cloneStart(city), { ...structuredClone(city), windows: own }).overrides).toEqual({ windows: own, consultation: city.consultation });
    // The county's windows and 咨询方式 are its own even when they read as the city's did.
    expect(city.consultation).toBeTruthy();
    expect(effectiveDefinition(cloneStart(city), ref, {}).consultation).toBeUndefined();
    expect(overridesFrom(cloneStart(city), { ...structuredClone(city) }).overrides).toEqual({ windows: city.windows, consultation: city.consultation });
    const v2 = { ...structuredClone(city), windows: [{ name: '市民中心', address: '示范市人民路 2 号', hours: '工作日 9:00-17:00' }] } as typeof city;
    expect(upstreamChanges(cloneStart(city), cloneStart(v2), { windows: own })).toEqual({ changes: [], conflicts: [] });
  });

  it('says, for a clone, that the steps are set above and the promise cannot be shorter than their total', () => {
    const short = effectiveDefinition(city, ref, { promisedLimit: { value: 3, unit: 'workday' } });
    const steps = runPublishChecks(short).issues.filter((i) => i.code === 'STEPS_EXCEED_PROMISED');
    expect(steps).toEqual([
      {
        code: 'STEPS_EXCEED_PROMISED',
        path: '/promisedLimit/value',
        message: '办理环节由上级设定，承诺办结时限不能短于各环节时限合计(5个工作日)，当前为3个工作日',
        message_en: 'the steps are set by the level above: the promised limit cannot be shorter than their total (5 working days); it is 3 working days',
      },
    ]);
    // The city's own item, whose steps it may change, keeps the plain message.
    const cityShort = { ...structuredClone(city), promisedLimit: { value: 3, unit: 'workday' as const } };
    expect(runPublishChecks(cityShort).issues.find((i) => i.code === 'STEPS_EXCEED_PROMISED')).toMatchObject({ path: '/steps', message: '各环节时限合计(5个工作日)超过承诺时限(3个工作日)' });
  });

  it('refuses a decision that leaves the promise beyond the new legal limit or below the locked steps, naming the field', () => {
    const v2 = { ...structuredClone(city), legalLimit: { value: 10, unit: 'workday' as const } } as typeof city;
    const overrides = { promisedLimit: { value: 12, unit: 'workday' as const } };
    const { conflicts } = upstreamChanges(city, v2, overrides);
    expect(conflicts).toEqual([expect.objectContaining({ code: 'PROMISED_EXCEEDS_LEGAL', bounds: { legalLimit: { value: 10, unit: 'workday' }, stepsWorkdays: 5 } })]);
    const conflict = conflicts[0]!;

    // 重新设定 but leaving 12: still beyond the new legal limit.
    const kept = acceptUpstream(overrides, conflicts, { '/promisedLimit': { take: 'value', value: { value: 12, unit: 'workday' } } });
    expect(kept.refused).toEqual([
      {
        path: '/promisedLimit',
        title: '承诺办结时限',
        message: '「承诺办结时限」不能超过上级新的法定时限(10个工作日)，所选为12个工作日',
        message_en: '"Promised limit" cannot exceed upstream\'s new legal limit (10 working days); the choice is 12 working days',
      },
    ]);
    expect(kept.overrides).toEqual(overrides); // nothing taken
    expect(decisionProblem(conflict, { take: 'local' })?.message).toBe('「承诺办结时限」不能超过上级新的法定时限(10个工作日)，所选为12个工作日');

    // Below the steps the level above set (5 working days).
    expect(decisionProblem(conflict, { take: 'value', value: { value: 4, unit: 'workday' } })).toEqual({
      message: '「承诺办结时限」不能短于上级设定的各环节时限合计(5个工作日)，所选为4个工作日',
      message_en: '"Promised limit" cannot be shorter than the steps set by the level above, which add up to 5 working days; the choice is 4 working days',
    });
    expect(decisionProblem(conflict, { take: 'value', value: { value: -1 } })?.message).toMatch(/^「承诺办结时限」的新值不符合要求/);
    expect(decisionProblem(conflict, { take: 'value', value: { value: 8, unit: 'workday' } })).toBeUndefined();
    expect(decisionProblem(conflict, { take: 'upstream' })).toBeUndefined();
    expect(acceptUpstream(overrides, conflicts, { '/promisedLimit': { take: 'value', value: { value: 8, unit: 'workday' } } })).toEqual({ overrides: { promisedLimit: { value: 8, unit: 'workday' } }, undecided: [], refused: [] });
  });
});
