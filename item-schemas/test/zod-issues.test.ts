import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeIssues } from '../src';

describe('validation messages', () => {
  it('say in plain Chinese what is wrong, with the English alongside', () => {
    const schema = z.object({ name: z.string().min(1), code: z.string().max(4), tags: z.array(z.string()).min(1), age: z.number().int().min(18), kind: z.enum(['a', 'b']), ok: z.boolean(), id: z.string().regex(/^x/, '中文说明 / English note') });
    const result = schema.safeParse({ name: '', code: '12345', tags: [], age: 16, kind: 'c', id: 'y' });
    expect(describeIssues(result.error!.issues).map((i) => [i.path, i.message])).toEqual([
      ['/name', '不能为空'],
      ['/code', '不能超过 4 个字符'],
      ['/tags', '至少需要 1 项'],
      ['/age', '不能小于 18'],
      ['/kind', '只能是以下之一："a"、"b"'],
      ['/ok', '应为是或否'],
      ['/id', '中文说明'],
    ]);
    expect(describeIssues(result.error!.issues)[6]!.message_en).toBe('English note');
  });
});
