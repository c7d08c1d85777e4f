import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { ExportEntry } from '../../../domain/calendar/unit-export';

export interface UnitCalendarText {
  /** Shown by the other platform as the calendar's name. */
  calendarName: string;
  /** Every event's summary: the platform and the property, nothing about the guest. */
  summary: string;
  entries: ExportEntry[];
}

/**
 * All-day events given as `YYYY-MM-DD` strings with no calendar time zone: ical-generator
 * then writes VALUE=DATE values, which no reader can shift by a day.
 */
export function renderUnitCalendar(text: UnitCalendarText): string {
  const cal = ical({
    name: text.calendarName,
    prodId: { company: 'Majordome', product: 'Calendar export', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const e of text.entries) {
    cal.createEvent({
      id: e.uid,
      start: e.start,
      end: e.end,
      allDay: true,
      summary: text.summary,
      stamp: new Date(e.stamp),
      status: e.status === 'confirmed' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
    });
  }
  return cal.toString();
}
