import { dayIndex, nightAt } from './day-index';
import type { Night } from './nights';
import { nightOf, type WallTime } from './wall-clock';

/**
 * Whether an all-day event's DTEND is the departure day (RFC 5545, and what Airbnb,
 * Booking.com and Google send) or the last night, as a few channel managers export it.
 */
export const ALL_DAY_END_MODES = ['departure', 'last-night'] as const;
export type AllDayEnd = (typeof ALL_DAY_END_MODES)[number];

/** `[from, to)`: the nights an import looks at. */
export interface NightRange {
  from: Night;
  to: Night;
}

export interface NightRules {
  allDayEnd: AllDayEnd;
  /**
   * A timed event blocks night N when it overlaps N at `nightStarts` to N+1 at `nightEnds`,
   * local time: the span a guest of that night occupies the unit. 15:00 to 11:00 the next
   * day blocks one night; an owner's stay from Friday 18:00 to Sunday 12:00 blocks two.
   */
  nightStarts: string;
  nightEnds: string;
}

export const DEFAULT_NIGHT_RULES: NightRules = { allDayEnd: 'departure', nightStarts: '15:00', nightEnds: '11:00' };

/**
 * One occurrence of an event, already placed in the property's time zone. `end` is null when
 * the feed gave neither DTEND nor DURATION: such an event blocks exactly one night.
 */
export type EventSpan =
  | { allDay: true; start: Night; end: Night | null }
  | { allDay: false; start: WallTime; end: WallTime | null };

/** The nights of `range` that `span` blocks, in order. */
export function nightsOfSpan(span: EventSpan, rules: NightRules, range: NightRange): Night[] {
  return span.allDay ? allDayNights(span.start, span.end, rules.allDayEnd, range) : timedNights(span.start, span.end, rules, range);
}

function allDayNights(start: Night, end: Night | null, mode: AllDayEnd, range: NightRange): Night[] {
  const first = dayIndex(start);
  let departure = end === null ? first + 1 : mode === 'last-night' ? dayIndex(end) + 1 : dayIndex(end);
  // DTEND on DTSTART is a one-day block written carelessly, not an empty one.
  if (departure <= first) departure = first + 1;
  return clip(first, departure, range);
}

function timedNights(start: WallTime, end: WallTime | null, rules: NightRules, range: NightRange): Night[] {
  const startDay = dayIndex(nightOf(start));
  if (end === null || end <= start) return clip(startDay, startDay + 1, range);
  const out: Night[] = [];
  // Wall times compare as strings; the 15:00 and 11:00 edges are far from any DST change.
  const first = Math.max(startDay - 1, dayIndex(range.from));
  const last = Math.min(dayIndex(nightOf(end)), dayIndex(range.to) - 1);
  for (let day = first; day <= last; day++) {
    const night = nightAt(day);
    if (start < `${nightAt(day + 1)}T${rules.nightEnds}` && end > `${night}T${rules.nightStarts}`) out.push(night);
  }
  return out;
}

/** `[start, departure)` in day numbers, intersected with the range, without building nights outside it. */
function clip(start: number, departure: number, range: NightRange): Night[] {
  const from = Math.max(start, dayIndex(range.from));
  const to = Math.min(departure, dayIndex(range.to));
  const out: Night[] = [];
  for (let day = from; day < to; day++) out.push(nightAt(day));
  return out;
}
