import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import chineseDaysPackage from 'chinese-days/package.json' with { type: 'json' };
import { WorkCalendar, type CalendarDay } from './calendar';
import { parseDate, yearOf, type DayNumber } from './dates';

/**
 * The national calendar, from the holiday notices of 国务院办公厅 as carried by the
 * `chinese-days` package's JSON data (its Date-based functions read the runtime time zone,
 * so only the data is used). Entries look like "National Day,国庆节,3".
 */
function declaredDays(): Map<DayNumber, CalendarDay> {
  const days = new Map<DayNumber, CalendarDay>();
  const add = (entries: Record<string, string>, kind: CalendarDay['kind']) => {
    for (const [date, label] of Object.entries(entries)) {
      const name = label.split(',')[1];
      days.set(parseDate(date)!, { date, kind, ...(name ? { name } : {}) });
    }
  };
  add(chineseDays.holidays, 'holiday');
  add(chineseDays.workdays, 'workday');
  return days;
}

let national: WorkCalendar | undefined;

export function nationalCalendar(): WorkCalendar {
  if (!national) {
    const days = declaredDays();
    const years = new Set([...days.keys()].map(yearOf));
    national = new WorkCalendar(days, years, `national@chinese-days-${chineseDaysPackage.version}`);
  }
  return national;
}
