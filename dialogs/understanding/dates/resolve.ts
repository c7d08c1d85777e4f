/**
 * Calendar arithmetic for the stay conventions of issue #3, on `YYYY-MM-DD` nights only
 * (never a Date in the process time zone):
 * - a date without a year is its next occurrence on or after today;
 * - a day of the month alone is the next such day on or after today;
 * - a bare weekday is the next one after today; "this <weekday>" may be today;
 * - "next <weekday>" is the one in next calendar week (weeks start on Monday), which on a
 *   Saturday or Sunday is the coming one;
 * - a departure without a month takes the arrival's month, or the next month.
 */
import { addDays, dayOfWeek } from '../../../domain/calendar/nights';
import type { Night } from '../../../domain/calendar/nights';
import type { DateRef } from './extract';

const pad = (n: number): string => String(n).padStart(2, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The night `year-month-day`, or null when that date does not exist (Feb 30, Nov 31). */
export function night(year: number, month: number, day: number): Night | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const max = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > max || year < 1000 || year > 9999) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const yearOf = (n: Night): number => Number(n.slice(0, 4));
const monthOf = (n: Night): number => Number(n.slice(5, 7));

/** Next (month, day) on or after `from` (strictly after when `strict`). Feb 29 waits for a leap year. */
export function nextMonthDay(month: number, day: number, from: Night, strict: boolean): Night | null {
  for (let y = yearOf(from); y <= yearOf(from) + 8; y++) {
    const n = night(y, month, day);
    if (n !== null && (strict ? n > from : n >= from)) return n;
  }
  return null;
}

/** Next day-of-month `day` on or after `from` (strictly after when `strict`), skipping months too short for it. */
export function nextDayOfMonth(day: number, from: Night, strict: boolean, weekday: number | null = null): Night | null {
  let y = yearOf(from);
  let m = monthOf(from);
  for (let i = 0; i < 24; i++) {
    const n = night(y, m, day);
    if (n !== null && (strict ? n > from : n >= from) && (weekday === null || dayOfWeek(n) === weekday)) return n;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return weekday !== null ? nextDayOfMonth(day, from, strict, null) : null;
}

/** The first `weekday` strictly after `from` (or on it when `inclusive`). */
export function nextWeekday(weekday: number, from: Night, inclusive: boolean): Night {
  const diff = (weekday - dayOfWeek(from) + 7) % 7;
  return addDays(from, diff === 0 && !inclusive ? 7 : diff);
}

/** "next <weekday>": the one in next calendar week; on a weekend, the coming one. */
export function nextWeekWeekday(weekday: number, today: Night): Night {
  const dow = dayOfWeek(today);
  if (dow === 6 || dow === 0) return nextWeekday(weekday, today, false);
  const daysToNextMonday = 8 - dow; // Monday = 1
  const nextMonday = addDays(today, daysToNextMonday);
  return addDays(nextMonday, (weekday + 6) % 7);
}

/** Easter Sunday of `year` (anonymous Gregorian algorithm). */
export function easterSunday(year: number): Night {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return night(year, month, day)!;
}

function nextEaster(from: Night, strict: boolean, offset = 0): Night {
  for (let y = yearOf(from) - 1; ; y++) {
    const e = addDays(easterSunday(y), offset);
    if (strict ? e > from : e >= from) return e;
  }
}

/** The nth `weekday` of `month` (n = -1: the last) next on or after `from`. */
function nextNthWeekday(month: number, weekday: number, n: number, from: Night, strict: boolean): Night | null {
  for (let y = yearOf(from); y <= yearOf(from) + 1; y++) {
    const first = nextWeekday(weekday, night(y, month, 1)!, true);
    let d: Night;
    if (n > 0) d = addDays(first, 7 * (n - 1));
    else {
      d = first;
      while (monthOf(addDays(d, 7)) === month) d = addDays(d, 7);
    }
    if (monthOf(d) !== month) continue;
    if (strict ? d > from : d >= from) return d;
  }
  return null;
}

/** The Saturday of the nth weekend (n = -1: the last) of `month` in `year`. */
function nthSaturday(year: number, month: number, n: number): Night | null {
  const first = night(year, month, 1)!;
  const firstSat = nextWeekday(6, first, true);
  if (n > 0) {
    const sat = addDays(firstSat, 7 * (n - 1));
    return monthOf(sat) === month ? sat : null;
  }
  let sat = firstSat;
  while (monthOf(addDays(sat, 7)) === month) sat = addDays(sat, 7);
  return sat;
}

/** The next such weekend whose Friday is on or after today; its Saturday. */
function nextMonthWeekend(month: number, n: number, today: Night): Night | null {
  for (let y = yearOf(today); y <= yearOf(today) + 1; y++) {
    const sat = nthSaturday(y, month, n);
    if (sat !== null && addDays(sat, -1) >= today) return sat;
  }
  return null;
}

/** An arrival (or a lone date): resolved forward from today. */
export function resolveStart(ref: DateRef, today: Night): Night | null {
  switch (ref.kind) {
    case 'rel':
      return addDays(today, ref.days);
    case 'easter':
      return nextEaster(today, false, ref.offset);
    case 'nthWeekday':
      return nextNthWeekday(ref.month, ref.wd, ref.n, today, false);
    case 'monthWeekend':
      return nextMonthWeekend(ref.month, ref.n, today);
    case 'wd':
      if (ref.mod === 'next') return nextWeekWeekday(ref.wd, today);
      return addDays(nextWeekday(ref.wd, today, ref.mod === 'this'), 7 * (ref.plusWeeks ?? 0));
    case 'cal': {
      if (ref.month !== null && ref.year !== null) return night(ref.year, ref.month, ref.day);
      if (ref.month !== null) return nextMonthDay(ref.month, ref.day, today, false);
      if (ref.nextMonth) {
        const m = monthOf(today) === 12 ? 1 : monthOf(today) + 1;
        const y = monthOf(today) === 12 ? yearOf(today) + 1 : yearOf(today);
        return night(y, m, ref.day);
      }
      return nextDayOfMonth(ref.day, today, false, ref.wd);
    }
  }
}

/** A departure: the first matching day after the arrival. */
export function resolveEnd(ref: DateRef, start: Night, today: Night): Night | null {
  switch (ref.kind) {
    case 'rel':
      return addDays(today, ref.days);
    case 'easter':
      return nextEaster(start, true, ref.offset);
    case 'nthWeekday':
      return nextNthWeekday(ref.month, ref.wd, ref.n, start, true);
    case 'monthWeekend':
      return nextMonthWeekend(ref.month, ref.n, addDays(start, 1));
    case 'wd':
      return nextWeekday(ref.wd, start, false);
    case 'cal': {
      if (ref.month !== null && ref.year !== null) return night(ref.year, ref.month, ref.day);
      if (ref.month !== null) return nextMonthDay(ref.month, ref.day, start, true);
      return nextDayOfMonth(ref.day, start, true, null);
    }
  }
}

/**
 * A range: the arrival without a month borrows the departure's ("du 12 au 15 décembre"),
 * or the month before when its day is later ("du 28 au 3 janvier"); a departure with an
 * explicit year pins the arrival's year too.
 */
export function resolveRange(a: DateRef, b: DateRef, today: Night): { checkIn: Night | null; checkOut: Night | null } {
  if (b.kind === 'cal' && b.nextMonth && b.month === null) {
    // "du 12 au 15 du mois prochain": both days are in next month.
    const m = monthOf(today) === 12 ? 1 : monthOf(today) + 1;
    b = { ...b, month: m, year: m === 1 ? yearOf(today) + 1 : yearOf(today), nextMonth: false };
  }
  let arrival: DateRef = a;
  if (a.kind === 'cal' && a.month === null && !a.nextMonth && b.kind === 'cal' && b.month !== null) {
    let month = b.month;
    let year = b.year;
    if (a.day > b.day) {
      month = b.month === 1 ? 12 : b.month - 1;
      if (year !== null && b.month === 1) year -= 1;
    }
    arrival = { ...a, month, year };
  } else if (a.kind === 'cal' && a.month !== null && a.year === null && b.kind === 'cal' && b.month !== null && b.year !== null) {
    const year = a.month > b.month || (a.month === b.month && a.day > b.day) ? b.year - 1 : b.year;
    arrival = { ...a, year };
  }
  const checkIn = resolveStart(arrival, today);
  if (checkIn === null) return { checkIn: null, checkOut: null };
  const checkOut = resolveEnd(b, checkIn, today);
  if (checkOut === null || checkOut <= checkIn) return { checkIn, checkOut: null };
  return { checkIn, checkOut };
}

/** The Friday of a weekend stay: this/next weekend, or the weekend containing a date. */
export function weekendFriday(kind: 'this' | 'next' | 'of', ref: DateRef, today: Night): Night | null {
  if (kind === 'this') return nextWeekday(5, today, true);
  if (kind === 'next') return nextWeekWeekday(5, today);
  const d = resolveStart(ref, today);
  if (d === null) return null;
  const dow = dayOfWeek(d);
  if (dow === 5) return d;
  if (dow === 6) return addDays(d, -1);
  if (dow === 0) return addDays(d, -2);
  // A Monday (Easter Monday, Memorial Day) closes the weekend before it.
  if (dow === 1) return addDays(d, -3);
  return nextWeekday(5, d, false);
}
