import { describe, expect, it } from 'vitest';
import { dueDate, nationalCalendar, parseDate, warningLevel, workdaysUsed, type TimeLimit } from '../src';

const calendar = nationalCalendar();
const wd = (value: number): TimeLimit => ({ value, unit: 'workday' });
const due = (from: string, limit: TimeLimit, pauses?: Array<{ from: string; to: string }>) =>
  dueDate(calendar, { from, limit, pauses }).due;
const isWorkday = (date: string) => calendar.isWorkday(parseDate(date)!);

describe('the 2026 national calendar', () => {
  const blocks: Array<[string, string, string]> = [
    ['元旦', '2026-01-01', '2026-01-03'],
    ['春节', '2026-02-15', '2026-02-23'],
    ['清明', '2026-04-04', '2026-04-06'],
    ['劳动节', '2026-05-01', '2026-05-05'],
    ['端午', '2026-06-19', '2026-06-21'],
    ['中秋', '2026-09-25', '2026-09-27'],
    ['国庆', '2026-10-01', '2026-10-07'],
  ];

  it.each(blocks)('%s: every day from %s to %s is a day off, and the next day after the block counts', (_, first, last) => {
    for (let d = parseDate(first)!; d <= parseDate(last)!; d++) expect(calendar.isWorkday(d)).toBe(false);
    // One working day from the day before the block lands after the block.
    const before = new Date(Date.parse(first) - 86_400_000).toISOString().slice(0, 10);
    expect(due(before, wd(1)) > last).toBe(true);
  });

  it.each(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])(
    'the make-up day %s (a weekend) is a working day',
    (date) => {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      expect([0, 6]).toContain(weekday);
      expect(isWorkday(date)).toBe(true);
    },
  );

  it('has 248 working days in 2026', () => {
    expect(workdaysUsed(calendar, { from: '2025-12-31', to: '2026-12-31' })).toBe(248);
  });

  it('counts across National Day: 5 working days from 2026-09-30 end on 2026-10-13', () => {
    // 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13.
    expect(due('2026-09-30', wd(5))).toBe('2026-10-13');
  });

  it('does not count the start day, and ends on the N-th working day after it', () => {
    expect(due('2026-03-02', wd(1))).toBe('2026-03-03');
    expect(due('2026-03-06', wd(1))).toBe('2026-03-09'); // Friday → Monday
    expect(due('2026-02-13', wd(1))).toBe('2026-02-14'); // Friday → make-up Saturday
    expect(due('2026-02-14', wd(1))).toBe('2026-02-24'); // across the Spring Festival
  });

  it('treats a 0-day limit (即办) as the start day itself', () => {
    expect(due('2026-03-04', wd(0))).toBe('2026-03-04');
    expect(due('2026-10-03', wd(0))).toBe('2026-10-03');
  });
});

describe('natural-day limits', () => {
  it('ends N calendar days later when that is a working day', () => {
    expect(due('2026-03-02', { value: 10, unit: 'natural' })).toBe('2026-03-12');
  });

  it('rolls forward to the next working day when the last day is a rest day', () => {
    expect(due('2026-03-02', { value: 5, unit: 'natural' })).toBe('2026-03-09'); // Saturday → Monday
    expect(due('2026-09-21', { value: 10, unit: 'natural' })).toBe('2026-10-08'); // 10-01 → after National Day
  });
});

describe('paused clocks (特别程序)', () => {
  it('adds back the working days a pause covered', () => {
    // Without a pause: 10 WD from 2026-03-02 is 2026-03-16. A pause of 3-04..3-06 (3 WD) moves it 3 WD.
    expect(due('2026-03-02', wd(10))).toBe('2026-03-16');
    expect(due('2026-03-02', wd(10), [{ from: '2026-03-04', to: '2026-03-06' }])).toBe('2026-03-19');
  });

  it('merges overlapping pauses and ignores pauses after the due date', () => {
    const pauses = [
      { from: '2026-03-04', to: '2026-03-05' },
      { from: '2026-03-05', to: '2026-03-06' },
      { from: '2026-06-01', to: '2026-06-30' },
    ];
    expect(due('2026-03-02', wd(10), pauses)).toBe('2026-03-19');
  });

  it('adds nothing for a pause over days that were not working days anyway', () => {
    expect(due('2026-09-30', wd(5), [{ from: '2026-10-01', to: '2026-10-07' }])).toBe('2026-10-13');
  });

  it('subtracts paused days from the working days used', () => {
    expect(workdaysUsed(calendar, { from: '2026-03-02', to: '2026-03-13', pauses: [{ from: '2026-03-04', to: '2026-03-06' }] })).toBe(6);
  });
});

describe('provisional results', () => {
  it('flags a due date in a year without an official notice', () => {
    const result = dueDate(calendar, { from: '2026-12-28', limit: wd(5) });
    expect(result.provisional).toBe(true);
    expect(result.due).toBe('2027-01-04');
    expect(dueDate(calendar, { from: '2026-12-01', limit: wd(5) }).provisional).toBe(false);
  });

  it('becomes official once next year is imported as an overlay', () => {
    const withNotice = calendar.overlay({ days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }], officialYears: [2027] }, 'notice-2027');
    const result = dueDate(withNotice, { from: '2026-12-28', limit: wd(5) });
    expect(result.provisional).toBe(false);
    expect(result.due).toBe('2027-01-05');
    expect(result.calendarVersion).not.toBe(calendar.version);
  });
});

describe('jurisdiction overlays', () => {
  // A minority autonomous county with a local festival day, and a parent holiday worked locally.
  const county = calendar.overlay(
    { days: [{ date: '2026-03-10', kind: 'holiday', name: '三月三' }, { date: '2026-10-07', kind: 'workday' }] },
    '示范县',
  );

  it('adds local holidays on top of the national ones', () => {
    expect(dueDate(county, { from: '2026-03-09', limit: wd(1) }).due).toBe('2026-03-11');
    expect(due('2026-03-09', wd(1))).toBe('2026-03-10');
  });

  it('can turn a parent holiday into a local working day', () => {
    expect(dueDate(county, { from: '2026-09-30', limit: wd(1) }).due).toBe('2026-10-07');
  });

  it('inherits: a city overlay under a county overlay keeps both', () => {
    const city = calendar.overlay({ days: [{ date: '2026-03-11', kind: 'holiday' }] }, '示范市');
    const child = city.overlay({ days: [{ date: '2026-03-10', kind: 'holiday' }] }, '示范县');
    expect(dueDate(child, { from: '2026-03-09', limit: wd(1) }).due).toBe('2026-03-12');
    expect(child.label).toBe(`${calendar.label}+示范市+示范县`);
  });

  it('gives every distinct calendar a distinct version', () => {
    expect(new Set([calendar.version, county.version]).size).toBe(2);
  });
});

describe('warning levels', () => {
  const from = '2026-03-02';
  const dueOn = due(from, wd(10)); // 2026-03-16

  it('is normal, yellow at 50%, red at 90%, overdue after the due date', () => {
    expect(warningLevel(calendar, { from, due: dueOn, today: '2026-03-05' })).toBe('normal');
    expect(warningLevel(calendar, { from, due: dueOn, today: '2026-03-09' })).toBe('yellow'); // 5 of 10
    expect(warningLevel(calendar, { from, due: dueOn, today: '2026-03-13' })).toBe('red'); // 9 of 10
    expect(warningLevel(calendar, { from, due: dueOn, today: dueOn })).toBe('red');
    expect(warningLevel(calendar, { from, due: dueOn, today: '2026-03-17' })).toBe('overdue');
  });

  it('honours per-jurisdiction thresholds', () => {
    expect(warningLevel(calendar, { from, due: dueOn, today: '2026-03-05', thresholds: { yellow: 0.3 } })).toBe('yellow');
  });
});

describe('bad input', () => {
  it('rejects impossible dates and dates outside the calendar', () => {
    expect(() => due('2026-02-30', wd(1))).toThrow(/valid/);
    expect(() => due('1999-01-01', wd(1))).toThrow(/range/);
  });
});
