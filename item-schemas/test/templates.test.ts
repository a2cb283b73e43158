import { describe, expect, it } from 'vitest';
import { runPublishChecks } from '../src';
import { templates } from '../src/templates';

describe('the seed templates', () => {
  it('are at least ten distinct items', () => {
    expect(templates.length).toBeGreaterThanOrEqual(10);
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
  });

  it.each(templates.map((t) => [t.name, t] as const))('%s passes every publish-time check', (_, template) => {
    expect(runPublishChecks(template).issues).toEqual([]);
  });

  it('between them have conditional, 容缺 and shared materials', () => {
    const all = templates.flatMap((t) => t.materials ?? []);
    expect(all.some((m) => m.when)).toBe(true);
    expect(all.some((m) => m.necessity === 'deferrable')).toBe(true);
    expect(all.some((m) => m.shared)).toBe(true);
  });
});
