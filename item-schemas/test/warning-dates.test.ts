import { describe, expect, it } from 'vitest';
import { formatDate, nationalCalendar, parseDate, warningDates, warningLevel } from '../src';

const calendar = nationalCalendar();

describe('warningDates', () => {
  it('names the days a 5-day promise turns yellow, red and overdue', () => {
    // Accepted Wednesday 9/30/2026: 10/8, 10/9, 10/10 (make-up Saturday), 10/12, 10/13.
    expect(warningDates(calendar, { from: '2026-09-30', due: '2026-10-13' })).toEqual({ yellow: '2026-10-10', red: '2026-10-13', overdue: '2026-10-14' });
  });

  it('agrees with warningLevel on every day, for many clocks, thresholds and pauses', () => {
    const start = parseDate('2026-01-01')!;
    for (let i = 0; i < 60; i++) {
      const from = formatDate(start + ((i * 37) % 330));
      const limit = (i * 7) % 25;
      const pauses = i % 3 === 0 ? [{ from: formatDate(parseDate(from)! + 2), to: formatDate(parseDate(from)! + 2 + (i % 9)) }] : [];
      const thresholds = i % 2 === 0 ? { yellow: 0.5, red: 0.9 } : { yellow: 0.3, red: 0.75 };
      const due = formatDate(calendar.addWorkdays(parseDate(from)!, limit));
      const dates = warningDates(calendar, { from, due, pauses, thresholds });
      for (let d = parseDate(from)!; d <= parseDate(due)! + 3; d++) {
        const today = formatDate(d);
        const expected = today >= dates.overdue ? 'overdue' : dates.red && today >= dates.red ? 'red' : dates.yellow && today >= dates.yellow ? 'yellow' : 'normal';
        expect(warningLevel(calendar, { from, due, today, pauses, thresholds }), `${from} +${limit} on ${today}`).toBe(expected);
      }
    }
  });
});
