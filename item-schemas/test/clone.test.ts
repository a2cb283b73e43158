import { describe, expect, it } from 'vitest';
import { acceptUpstream, effectiveDefinition, itemDefinition, overridesFrom, upstreamChanges } from '../src';
import { templates } from '../src/templates';

const city = itemDefinition.parse(structuredClone(templates.find((t) => t.id === 'labour-dispatch-licence')!));
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
    const v2 = { ...structuredClone(city), legalLimit: { value: 4, unit: 'workday' as const }, fees: [{ name: '工本费', charged: true, reducible: false }] } as typeof city;
    const overrides = { promisedLimit: { value: 5, unit: 'workday' as const }, windows: [{ name: '东城县政务服务中心', address: '东城县中山路 1 号', hours: '工作日 9:00-17:00' }] };
    const { changes, conflicts } = upstreamChanges(city, v2, overrides);
    expect(changes.map((c) => [c.path, c.label, c.after, c.overridden])).toEqual([
      ['/legalLimit', '法定办结时限', '4个工作日', false],
      ['/fees/0', '收费「工本费」', '是否收费：是', false],
    ]);
    expect(conflicts).toEqual([expect.objectContaining({ path: '/promisedLimit', code: 'PROMISED_EXCEEDS_LEGAL' })]);

    expect(acceptUpstream(overrides, conflicts, {}).undecided).toHaveLength(1);
    const decided = acceptUpstream(overrides, conflicts, { '/promisedLimit': { take: 'value', value: { value: 3, unit: 'workday' } } });
    expect(decided).toEqual({ overrides: { promisedLimit: { value: 3, unit: 'workday' }, windows: overrides.windows }, undecided: [] });
    expect(acceptUpstream(overrides, conflicts, { '/promisedLimit': { take: 'upstream' } }).overrides).toEqual({ windows: overrides.windows });
  });

  it('asks when upstream changed a field the county overrides', () => {
    const v2 = { ...structuredClone(city), windows: [{ name: '市民中心', address: '示范市人民路 2 号', hours: '工作日 9:00-17:00' }] } as typeof city;
    const overrides = { windows: [{ name: '东城县政务服务中心', address: '东城县中山路 1 号', hours: '工作日 9:00-17:00' }] };
    const { conflicts } = upstreamChanges(city, v2, overrides);
    expect(conflicts).toEqual([expect.objectContaining({ path: '/windows', code: 'BOTH_CHANGED', local: overrides.windows })]);
    expect(acceptUpstream(overrides, conflicts, { '/windows': { take: 'local' } }).overrides).toEqual(overrides);
  });
});
