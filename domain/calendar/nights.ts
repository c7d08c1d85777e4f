/**
 * A night is the `YYYY-MM-DD` date on which it starts, in the property's time zone.
 * All arithmetic goes through UTC so that the process time zone never shifts a date.
 */
export type Night = string;

/** `[checkIn, checkOut)`: checkOut is the departure day, not a night. */
export interface Stay {
  checkIn: Night;
  checkOut: Night;
}

const NIGHT_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function toEpochDay(night: Night): number {
  const m = NIGHT_RE.exec(night);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${night}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function fromEpochDay(day: number): Night {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isNight(value: string): boolean {
  const m = NIGHT_RE.exec(value);
  if (!m) return false;
  // Round-tripping rejects impossible dates such as 2026-02-30.
  return fromEpochDay(toEpochDay(value)) === value;
}

export function addDays(night: Night, days: number): Night {
  return fromEpochDay(toEpochDay(night) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Night, to: Night): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function dayOfWeek(night: Night): number {
  return new Date(toEpochDay(night) * DAY_MS).getUTCDay();
}

export function nightsOf(stay: Stay): Night[] {
  const count = daysBetween(stay.checkIn, stay.checkOut);
  const out: Night[] = [];
  for (let i = 0; i < count; i++) out.push(addDays(stay.checkIn, i));
  return out;
}

export function stayLength(stay: Stay): number {
  return daysBetween(stay.checkIn, stay.checkOut);
}

export function isValidStay(stay: Stay): boolean {
  return isNight(stay.checkIn) && isNight(stay.checkOut) && daysBetween(stay.checkIn, stay.checkOut) > 0;
}

/** The calendar date of `instant` in `timeZone`: "today" for a property. */
/** Building a formatter costs ~100 µs; every turn asks for "today", so keep one per zone. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function dateIn(timeZone: string, instant: Date): Night {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `MM-DD` of a night, for seasons that repeat every year. */
export function monthDay(night: Night): string {
  return night.slice(5);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
