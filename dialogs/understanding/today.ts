/**
 * "Today" in the property's time zone. Same answer as domain/calendar/nights.ts `dateIn`,
 * but with the Intl formatter kept per time zone: building one costs ~110 µs, which would
 * be most of the cost of understanding a message.
 */
import { dateIn } from '../../domain/calendar/nights';
import type { Night } from '../../domain/calendar/nights';

const formatters = new Map<string, Intl.DateTimeFormat>();
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function todayIn(timeZone: string, now: Date): Night {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    if (formatters.size > 64) formatters.clear();
    formatters.set(timeZone, f);
  }
  const s = f.format(now);
  // en-CA formats as YYYY-MM-DD; should an ICU update ever change that, fall back to the domain's parts-based way.
  return ISO_DATE.test(s) ? s : dateIn(timeZone, now);
}
