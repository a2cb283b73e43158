import { describe, expect, it } from 'vitest';
import { itemChanges, MODEL_VERSION, migrateDefinition, onlineLevel, runPublishChecks, ZItemDefinition } from '../src';
import fixture from './fixtures/model-v1-real-estate-transfer.json' with { type: 'json' };

const storedV1 = fixture as Record<string, unknown>;

// The fixture is a definition exactly as the first model stored it: no modelVersion, 网办深度 a level.
describe('definitions stored with model version 1', () => {
  it('read in the current model and pass every publish-time check', () => {
    const migrated = migrateDefinition(structuredClone(storedV1));
    expect(migrated.modelVersion).toBe(MODEL_VERSION);
    expect(runPublishChecks(migrated).issues).toEqual([]);
  });

  it('differ from the same item in the current model in nothing: elements they never had read as the model\'s defaults', () => {
    const migrated = migrateDefinition(structuredClone(storedV1));
    const current = ZItemDefinition.parse(migrated);
    expect(current.serviceOptions).toMatchObject({ inServiceHall: true });
    expect(itemChanges(migrated, current)).toEqual([]);
    expect(itemChanges(migrated, { ...current, serviceOptions: { ...current.serviceOptions, appointment: true } }).map((c) => c.label)).toEqual(['办理方式 › 支持预约办理']);
  });

  it('keep their meaning: each old 网办深度 level reads as the same level', () => {
    for (const level of ['1', '2', '3', '4'] as const) {
      const migrated = migrateDefinition({ ...storedV1, onlineDepth: level });
      expect(onlineLevel(migrated.onlineDepth as never)).toBe(level);
    }
  });

  it('move 行政备案 from 21 to 11, the local power extensions', () => {
    expect(migrateDefinition({ ...storedV1, itemType: '21' }).itemType).toBe('11');
    expect(migrateDefinition({ ...storedV1, itemType: '01' }).itemType).toBe('01');
  });

  it("migrate a county's overrides, which hold only some fields", () => {
    expect(migrateDefinition({ onlineDepth: '3' })).toEqual({ onlineDepth: ['1', '2', '3', '4'], modelVersion: MODEL_VERSION });
  });

  it('need no step for the 简称 and 搜索关键词 added later: without them a definition reads as none given, and nothing differs', () => {
    const current = migrateDefinition(structuredClone(storedV1));
    expect('shortName' in current || 'keywords' in current).toBe(false);
    const read = ZItemDefinition.parse(current);
    expect(read.shortName).toBeUndefined();
    expect(read.keywords).toEqual([]);
    expect(itemChanges(current, read)).toEqual([]);
    expect(runPublishChecks(current).issues).toEqual([]);
  });

  it('leave current definitions as they are, the same object', () => {
    const current = migrateDefinition(structuredClone(storedV1));
    expect(migrateDefinition(current)).toBe(current);
    expect(migrateDefinition({ ...current, itemType: '21' }).itemType).toBe('21');
  });
});
