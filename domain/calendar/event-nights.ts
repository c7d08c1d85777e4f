import { addDays, daysBetween, type Night } from './nights';
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
  let departure = end === null ? addDays(start, 1) : mode === 'last-night' ? addDays(end, 1) : end;
  // DTEND on DTSTART is a one-day block written carelessly, not an empty one.
  if (departure <= start) departure = addDays(start, 1);
  return clip(start, departure, range);
}

function timedNights(start: WallTime, end: WallTime | null, rules: NightRules, range: NightRange): Night[] {
  if (end === null || end <= start) return clip(nightOf(start), addDays(nightOf(start), 1), range);
  const out: Night[] = [];
  // Wall times compare as strings; the 15:00 and 11:00 edges are far from any DST change.
  const first = addDays(nightOf(start), -1) < range.from ? range.from : addDays(nightOf(start), -1);
  const last = nightOf(end) < range.to ? nightOf(end) : addDays(range.to, -1);
  for (let night = first; night <= last; night = addDays(night, 1)) {
    if (start < `${addDays(night, 1)}T${rules.nightEnds}` && end > `${night}T${rules.nightStarts}`) out.push(night);
  }
  return out;
}

/** `[start, departure)` intersected with the range, without building nights outside it. */
function clip(start: Night, departure: Night, range: NightRange): Night[] {
  const from = start > range.from ? start : range.from;
  const to = departure < range.to ? departure : range.to;
  const count = daysBetween(from, to);
  const out: Night[] = [];
  for (let i = 0; i < count; i++) out.push(addDays(from, i));
  return out;
}
