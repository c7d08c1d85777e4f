/**
 * Turns date mentions into a stay: ranges ("from A to B", "A-B", "entre A et B", "arriving
 * A, leaving B"), lengths ("N nights from A", "A for N nights"), single nights ("tonight",
 * "friday night"), lists of nights ("tonight and tomorrow night"), weekends, and corrections
 * inside one message ("12-15 dec, sorry, the 16th"). One date with nothing else gives an
 * arrival only; no date gives nothing.
 */
import { addDays, daysBetween } from '../../../domain/calendar/nights';
import type { Night } from '../../../domain/calendar/nights';
import { has, type Anchor, type DateFacts, type Item, type Length } from './extract';
import { resolveEnd, resolveRange, resolveStart, weekendFriday } from './resolve';

export interface StayGuess {
  checkIn: Night | null;
  checkOut: Night | null;
  /** The length the guest said ("3 nights"), or null. */
  nights: number | null;
}

const EMPTY: StayGuess = { checkIn: null, checkOut: null, nights: null };

/** Whether the items between two anchors make them a range ("to", "-", "au", "and" after "between"). */
function linked(items: readonly Item[], a: Anchor, b: Anchor): 'range' | 'list' | 'and' | 'comma' | null {
  let to = false;
  let and = false;
  for (let j = a.end; j < b.start; j++) {
    const it = items[j]!;
    if (has(it, 'to') !== undefined) to = true;
    else if (has(it, 'and') !== undefined) and = true;
    else if (has(it, 'dayart') !== undefined || has(it, 'of') !== undefined || has(it, 'from') !== undefined || has(it, 'this') !== undefined) continue;
    else if (it.n === null && (it.t === ',' || it.t === '.' || it.t === '...')) continue;
    else if (has(it, 'depart') !== undefined) to = true;
    else return null;
  }
  if (to) return 'range';
  if (!and && b.start > a.end && items[a.end]!.t === ',') return 'comma';
  if (and) {
    for (let j = a.start - 1; j >= Math.max(0, a.start - 3); j--) if (has(items[j], 'between') !== undefined) return 'range';
    if (b.night || a.night) return 'list';
    // "les nuits du 12 et du 13", "the nights of the 12th and 13th"
    for (let j = a.start - 1; j >= Math.max(0, a.start - 3); j--) {
      const u = has(items[j], 'unit');
      if (u !== undefined && u.u === 'night') return 'list';
    }
    return 'and';
  }
  return null;
}

/**
 * "the 12th, 13th and 14th", "friday, saturday and sunday night": consecutive days listed
 * with commas and a final "and" are nights; the stay ends the morning after the last.
 */
function nightsList(items: readonly Item[], anchors: readonly Anchor[], today: Night): StayGuess | null {
  for (let k = 0; k + 2 < anchors.length; k++) {
    let end = k;
    while (end + 1 < anchors.length && linked(items, anchors[end]!, anchors[end + 1]!) === 'comma') end++;
    if (end === k) continue;
    if (end + 1 >= anchors.length || linked(items, anchors[end]!, anchors[end + 1]!) !== 'and') {
      // Every later start inside this run of commas ends where it ends, and fails alike:
      // skipping them keeps a long list of dates ("12th, 13th, …") linear.
      k = end - 1;
      continue;
    }
    end++;
    // Months said once at the end ("12th, 13th and 14th december") belong to every day.
    const last = anchors[end]!.ref;
    const month = last.kind === 'cal' ? last.month : null;
    const days: Night[] = [];
    for (let j = k; j <= end; j++) {
      const r = anchors[j]!.ref;
      const ref = r.kind === 'cal' && r.month === null && month !== null ? { ...r, month } : r;
      const n = j === k ? resolveStart(ref, today) : resolveEnd(ref, days[days.length - 1]!, today);
      if (n === null) return null;
      days.push(n);
    }
    for (let j = 1; j < days.length; j++) if (daysBetween(days[j - 1]!, days[j]!) !== 1) return null;
    return withNights(days[0]!, addDays(days[days.length - 1]!, 1));
  }
  return null;
}

/**
 * "Valentine's weekend, Friday to Monday", "easter weekend friday to monday": the weekdays are
 * those around that weekend, not the next ones from today.
 */
function weekdaysOfAWeekend(items: readonly Item[], anchors: readonly Anchor[], today: Night): StayGuess | null {
  const wk = anchors.findIndex((a) => a.weekend === 'of');
  if (wk < 0) return null;
  for (let k = wk + 1; k + 1 < anchors.length; k++) {
    const a = anchors[k]!;
    const b = anchors[k + 1]!;
    if (a.ref.kind !== 'wd' || b.ref.kind !== 'wd' || linked(items, a, b) !== 'range') continue;
    const fri = weekendFriday('of', anchors[wk]!.ref, today);
    if (fri === null) return null;
    // The day named, within three days of that Friday.
    const checkIn = addDays(fri, ((a.ref.wd - 5 + 10) % 7) - 3);
    const checkOut = resolveEnd(b.ref, checkIn, today);
    return checkOut !== null ? withNights(checkIn, checkOut) : null;
  }
  return null;
}

function lastLength(lengths: readonly Length[]): number | null {
  return lengths.length > 0 ? lengths[lengths.length - 1]!.nights : null;
}

function single(a: Anchor, len: number | null, today: Night): StayGuess {
  if (a.weekend !== 'none') {
    const fri = weekendFriday(a.weekend, a.ref, today);
    if (fri === null) return EMPTY;
    const n = len ?? 2;
    return { checkIn: fri, checkOut: addDays(fri, n), nights: n };
  }
  const checkIn = resolveStart(a.ref, today);
  if (checkIn === null) return EMPTY;
  if (len !== null) return { checkIn, checkOut: addDays(checkIn, len), nights: len };
  if (a.night) return { checkIn, checkOut: addDays(checkIn, 1), nights: 1 };
  return { checkIn, checkOut: null, nights: null };
}

function pair(a: Anchor, b: Anchor, today: Night, contextMonth: number | null = null): StayGuess {
  if (a.weekend !== 'none') {
    const fri = weekendFriday(a.weekend, a.ref, today);
    if (fri === null) return EMPTY;
    const out = resolveEnd(b.ref, fri, today);
    return out !== null && out > fri ? withNights(fri, out) : { checkIn: fri, checkOut: null, nights: null };
  }
  let ref = a.ref;
  if (contextMonth !== null && ref.kind === 'cal' && ref.month === null && !ref.nextMonth && b.ref.kind === 'cal' && b.ref.month === null) ref = { ...ref, month: contextMonth };
  const r = resolveRange(ref, b.ref, today);
  return r.checkIn !== null && r.checkOut !== null ? withNights(r.checkIn, r.checkOut) : { checkIn: r.checkIn, checkOut: null, nights: null };
}

function withNights(checkIn: Night, checkOut: Night): StayGuess {
  return { checkIn, checkOut, nights: daysBetween(checkIn, checkOut) };
}

/** The stay told by anchors and lengths, with no corrections to apply. */
function assemble(items: readonly Item[], anchors: readonly Anchor[], lengths: readonly Length[], today: Night, contextMonth: number | null = null): StayGuess {
  const len = lastLength(lengths);
  const listed = nightsList(items, anchors, today);
  if (listed !== null) return listed;
  const aroundWeekend = weekdaysOfAWeekend(items, anchors, today);
  if (aroundWeekend !== null) return aroundWeekend;
  for (let k = 0; k + 1 < anchors.length; k++) {
    const a = anchors[k]!;
    const b = anchors[k + 1]!;
    const link = linked(items, a, b);
    if (link === 'range') return pair(a, b, today, contextMonth);
    if (link === 'comma') continue;
    if (link === 'and') {
      // "tomorrow and the day after", "le 12 et le 13": two consecutive days are two nights.
      const s = pair(a, b, today);
      if (s.checkIn !== null && s.checkOut !== null && daysBetween(s.checkIn, s.checkOut) === 1) return withNights(s.checkIn, addDays(s.checkOut, 1));
      continue;
    }
    if (link === 'list') {
      // A list of nights: arrive on the first, leave the morning after the last.
      const s = pair(a, b, today);
      if (s.checkOut !== null) return withNights(s.checkIn!, addDays(s.checkOut, 1));
      return s;
    }
  }
  const arrival = anchors.find((a) => a.role === 'arrive');
  const departure = anchors.find((a) => a.role === 'depart' && (arrival === undefined || a.start > arrival.start));
  if (arrival !== undefined && departure !== undefined) return pair(arrival, departure, today);
  const primary = arrival ?? anchors.find((a) => a.role !== 'depart');
  // "venir le 24 au soir et repartir le 26": an arrival said plainly, then a departure.
  const laterDeparture = primary === undefined ? undefined : anchors.find((a) => a.role === 'depart' && a.start > primary.start);
  if (primary !== undefined && laterDeparture !== undefined) {
    const s = pair(primary, laterDeparture, today, contextMonth);
    if (s.checkOut !== null) return s;
  }
  if (primary !== undefined) return single(primary, len, today);
  if (departure !== undefined) {
    const out = resolveStart(departure.ref, today);
    if (out === null) return EMPTY;
    if (len !== null) return { checkIn: addDays(out, -len), checkOut: out, nights: len };
    return { checkIn: null, checkOut: out, nights: null };
  }
  return { checkIn: null, checkOut: null, nights: len };
}

/**
 * The stay in the message. With a correction word, what follows it overrides what comes
 * before: a full range replaces the stay, a lone departure ("au 16") or a lone date closest
 * to the old departure replaces the departure, another lone date the arrival, and a length
 * the length.
 */
export function stayFrom(facts: DateFacts, today: Night): StayGuess {
  const { items, anchors, lengths, corrections, contextMonth } = facts;
  // Only the last correction with a date or a length on each side counts; finding it without
  // splitting the dates at every correction keeps "sorry sorry sorry…" linear.
  let firstEnd = Infinity;
  let lastStart = -Infinity;
  for (const x of [...anchors, ...lengths]) {
    firstEnd = Math.min(firstEnd, x.end);
    lastStart = Math.max(lastStart, x.start);
  }
  for (let c = corrections.length - 1; c >= 0; c--) {
    const at = corrections[c]!;
    if (!(firstEnd <= at && lastStart > at)) continue;
    const beforeA = anchors.filter((a) => a.end <= at);
    const afterA = anchors.filter((a) => a.start > at);
    const beforeL = lengths.filter((l) => l.end <= at);
    const afterL = lengths.filter((l) => l.start > at);
    const base = assemble(items, beforeA, beforeL, today);
    const fix = assemble(items, afterA, afterL, today, contextMonth);
    if (fix.checkIn !== null && fix.checkOut !== null) return fix;
    if (afterA.length === 0) {
      // Only a new length: keep the arrival.
      if (base.checkIn === null) return { ...base, nights: fix.nights };
      return { checkIn: base.checkIn, checkOut: fix.nights !== null ? addDays(base.checkIn, fix.nights) : base.checkOut, nights: fix.nights };
    }
    if (base.checkIn === null) return fix;
    const lone = afterA[0]!;
    if (lone.role === 'depart' || (lone.role === null && isWeakTo(items, lone))) {
      const out = resolveEnd(lone.ref, base.checkIn, today);
      if (out !== null && out > base.checkIn) return withNights(base.checkIn, out);
    }
    const when = fix.checkIn ?? resolveStart(lone.ref, today);
    if (when === null) return base;
    if (base.checkOut !== null && lone.role !== 'arrive') {
      // "12-15, sorry the 16th": the date nearer the old departure replaces it.
      const toOut = Math.abs(daysBetween(base.checkOut, when));
      const toIn = Math.abs(daysBetween(base.checkIn, when));
      if (toOut < toIn && when > base.checkIn) return withNights(base.checkIn, when);
    }
    if (base.checkOut !== null && base.checkOut > when) return withNights(when, base.checkOut);
    const n = fix.nights ?? base.nights;
    return n !== null ? withNights(when, addDays(when, n)) : { checkIn: when, checkOut: null, nights: null };
  }
  return assemble(items, anchors, lengths, today, contextMonth);
}

function isWeakTo(items: readonly Item[], a: Anchor): boolean {
  for (let j = a.start - 1; j >= Math.max(0, a.start - 2); j--) {
    if (has(items[j], 'to') !== undefined) return true;
    if (has(items[j], 'dayart') === undefined) return false;
  }
  return false;
}
