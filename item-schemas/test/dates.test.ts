import { describe, expect, it } from 'vitest';
import { formatDate, parseDate, shanghaiDateOf } from '../src';

describe('dates', () => {
  it('round-trips every day from 1900 to 2200 and agrees with Date.UTC', () => {
    for (let ms = Date.UTC(1900, 0, 1); ms <= Date.UTC(2200, 11, 31); ms += 86_400_000) {
      const text = new Date(ms).toISOString().slice(0, 10);
      const day = parseDate(text)!;
      expect(day).toBe(ms / 86_400_000);
      expect(formatDate(day)).toBe(text);
    }
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '26-01-01', '2026-1-1', ''])('rejects %j', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it('accepts 29 February in leap years only', () => {
    expect(parseDate('2024-02-29')).toBeDefined();
    expect(parseDate('2100-02-29')).toBeUndefined();
    expect(parseDate('2000-02-29')).toBeDefined();
  });

  it('takes today in Asia/Shanghai: 2026-09-30 16:30 UTC is already 10-01 there', () => {
    expect(shanghaiDateOf(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
    expect(shanghaiDateOf(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
  });
});
