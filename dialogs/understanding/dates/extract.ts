/**
 * The fast date extractor: reads date mentions, lengths and corrections out of tokens with a
 * hand-written grammar over the lexicon. It does no calendar arithmetic (resolve.ts does),
 * so it can be tested on its own and stays cheap: one pass to merge phrases, one to read
 * anchors and lengths, one to pick up bare day numbers in ranges ("12-15 dec").
 */
import type { Locale } from '../../../domain/catalog/locales';
import { isCountNoun } from '../count-nouns';
import type { Token } from '../text';
import { fuzzyMonth, lookupPhrase, type Ann } from './lexicon';

export interface Item {
  /** Folded text of the item (words of a phrase joined by spaces). */
  readonly t: string;
  readonly anns: readonly Ann[];
  /** Set for numbers. */
  readonly n: number | null;
  readonly digits: number;
  readonly ordinal: boolean;
  readonly start: number;
  readonly end: number;
  /** A time of day, a price or a room number: never a date or a count. */
  masked: boolean;
}

export type DateRef =
  | { kind: 'cal'; day: number; month: number | null; year: number | null; wd: number | null; nextMonth: boolean }
  | { kind: 'wd'; wd: number; mod: 'none' | 'this' | 'next'; plusWeeks?: number }
  | { kind: 'rel'; days: number }
  | { kind: 'easter'; offset: number }
  | { kind: 'nthWeekday'; month: number; wd: number; n: number }
  /** The nth (1-4, or -1 for the last) weekend of a month: the one around its nth Saturday. */
  | { kind: 'monthWeekend'; month: number; n: number };

export interface Anchor {
  ref: DateRef;
  /** Item indices [start, end). */
  start: number;
  end: number;
  /** "tonight", "friday night": one night unless a length says otherwise. */
  night: boolean;
  /** A weekend stay: 'this'/'next' weekend, or the weekend that contains `ref` ('of'). */
  weekend: 'none' | 'this' | 'next' | 'of';
  role: 'arrive' | 'depart' | null;
  /** "A/B" as typed, when both orders make a date: the order is settled per message. */
  numeric?: readonly [number, number];
}

export interface Length {
  nights: number;
  start: number;
  end: number;
}

export interface DateFacts {
  items: Item[];
  anchors: Anchor[];
  lengths: Length[];
  /** Item indices of correction words ("actually", "pardon", "perdón"). */
  corrections: number[];
  /**
   * A month said apart from any day ("in December, from the 12th to the 15th") or by a
   * holiday ("for Christmas, 24 to 26"): bare day numbers take it.
   */
  contextMonth: number | null;
}

export function has<K extends Ann['k']>(item: Item | undefined, k: K): Extract<Ann, { k: K }> | undefined {
  if (item === undefined) return undefined;
  for (const a of item.anns) if (a.k === k) return a as Extract<Ann, { k: K }>;
  return undefined;
}

const isPunct = (item: Item | undefined, ...marks: string[]): boolean => item !== undefined && item.n === null && marks.includes(item.t);

/** Merges multi-word phrases and marks times, prices and room numbers. */
export function toItems(tokens: readonly Token[]): Item[] {
  const words = tokens.map((t) => t.t);
  const items: Item[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.n !== null) {
      items.push({ t: tok.t, anns: [], n: tok.n, digits: tok.digits, ordinal: tok.ordinal, start: tok.start, end: tok.end, masked: false });
      continue;
    }
    const phrase = lookupPhrase(words, i);
    if (phrase !== undefined) {
      const last = tokens[i + phrase.words.length - 1]!;
      items.push({ t: phrase.words.join(' '), anns: phrase.anns, n: null, digits: 0, ordinal: false, start: tok.start, end: last.end, masked: false });
      i += phrase.words.length - 1;
    } else {
      const typo = fuzzyMonth(tok.t);
      items.push({ t: tok.t, anns: typo !== undefined ? [typo] : [], n: null, digits: 0, ordinal: false, start: tok.start, end: tok.end, masked: false });
    }
  }
  maskNonDates(items);
  return items;
}

const TIME_INTRO = new Set(['at', 'a las', 'as', 'vers', 'around', 'hacia', 'sobre', 'por volta', 'for']);
const ROOM_WORDS = new Set(['room', 'chambre', 'ch', 'habitacion', 'hab', 'quarto', 'suite', 'no', 'n', 'num', 'numero', '#', 'nr', 'apt', 'apartment', 'appartement']);
const CURRENCY = new Set(['€', '$', '£', 'eur', 'euro', 'euros', 'usd', 'dollars', 'dollar', 'gbp', 'pounds', 'reais', 'r']);

function maskNonDates(items: Item[]): void {
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.n === null) {
      if (it.t === 'midi' || it.t === 'noon' || it.t === 'midnight' || it.t === 'minuit' || it.t === 'mediodia') it.masked = true;
      continue;
    }
    const next = items[i + 1];
    const prev = items[i - 1];
    const adjacent = next !== undefined && next.start === it.end;
    // 20h, 20h30, 9h
    if (next !== undefined && adjacent && next.t === 'h' && it.n <= 24) {
      it.masked = true;
      next.masked = true;
      const after = items[i + 2];
      if (after !== undefined && after.n !== null && after.start === next.end) after.masked = true;
      continue;
    }
    if (next !== undefined && (next.t === 'hrs' || next.t === 'heures' || next.t === 'horas') && it.n <= 24) {
      it.masked = true;
      continue;
    }
    // 8:30, 14:00
    if (next !== undefined && adjacent && next.t === ':' && items[i + 2]?.n != null && items[i + 2]!.start === next.end) {
      it.masked = true;
      next.masked = true;
      items[i + 2]!.masked = true;
      const ampm = items[i + 3];
      if (ampm !== undefined && (ampm.t === 'am' || ampm.t === 'pm')) ampm.masked = true;
      continue;
    }
    // 8pm, 8 pm, 10am, 8.30pm
    if (next !== undefined && (next.t === 'pm' || next.t === 'am') && it.n <= 12) {
      it.masked = true;
      next.masked = true;
      continue;
    }
    if (next !== undefined && next.t === '.' && items[i + 2]?.n != null && (items[i + 3]?.t === 'pm' || items[i + 3]?.t === 'am')) {
      it.masked = it.n <= 12;
      continue;
    }
    // "at 8", "a las 9", "às 9" (folded "as"), "vers 9": a clock time when nothing date-like follows.
    if (prev !== undefined && TIME_INTRO.has(prev.t) && prev.t !== 'for' && it.n <= 24 && !it.ordinal && it.digits <= 2) {
      const nx = next;
      const dateLike = nx !== undefined && (has(nx, 'month') !== undefined || nx.t === '/' || nx.t === '.' || has(nx, 'to') !== undefined);
      if (!dateLike) {
        it.masked = true;
        continue;
      }
    }
    // €100, 100€, 100 euros
    if ((next !== undefined && CURRENCY.has(next.t)) || (prev !== undefined && CURRENCY.has(prev.t) && prev.end === it.start)) {
      it.masked = true;
      continue;
    }
    // room 12, chambre 12, n° 4 — but "room 12/12 - 12/15" is a date.
    if (prev !== undefined && ROOM_WORDS.has(prev.t) && !(next !== undefined && (next.t === '/' || has(next, 'month') !== undefined || next.t === '.' || has(next, 'to') !== undefined || isCountNoun(next.t)))) {
      it.masked = true;
      continue;
    }
  }
}

function isDayNumber(item: Item | undefined): boolean {
  return item !== undefined && item.n !== null && !item.masked && item.digits <= 2 && item.n >= 1 && item.n <= 31;
}

function isYear(item: Item | undefined): boolean {
  return item !== undefined && item.n !== null && !item.masked && item.digits === 4 && item.n >= 2000 && item.n <= 2100;
}

/** True when the number at `i` counts something ("2 adults", "3 nights", "2 to 4 people"). */
function countsSomething(items: readonly Item[], i: number): boolean {
  const next = items[i + 1];
  if (next === undefined) return false;
  if (has(next, 'unit') !== undefined || has(next, 'len') !== undefined || isCountNoun(next.t)) return true;
  if (next.t === 'of' && items[i + 2]?.t === 'us') return true;
  // "2 to 4 people", "entre 2 et 4 personnes"
  if ((has(next, 'to') !== undefined || has(next, 'and') !== undefined) && items[i + 2]?.n != null) {
    const after = items[i + 3];
    if (after !== undefined && (has(after, 'unit') !== undefined || isCountNoun(after.t))) return true;
  }
  return false;
}

interface Cursor {
  items: Item[];
  locale: Locale;
}

type Parsed = { anchor: Anchor | null; next: number } | null;

const ORDINAL_WORDS = new Map<string, number>([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['last', -1],
  ['premier', 1], ['premiere', 1], ['deuxieme', 2], ['second', 2], ['seconde', 2], ['troisieme', 3], ['quatrieme', 4], ['dernier', -1], ['derniere', -1],
  ['primer', 1], ['primero', 1], ['primera', 1], ['segundo', 2], ['segunda', 2], ['tercer', 3], ['tercero', 3], ['tercera', 3], ['cuarto', 4], ['ultimo', -1], ['ultima', -1],
  ['primeiro', 1], ['primeira', 1], ['terceiro', 3], ['terceira', 3], ['quarto', 4], ['quarta', 4],
]);

function skip(items: readonly Item[], j: number, kinds: readonly Ann['k'][], max = 2, punct: readonly string[] = []): number {
  let n = 0;
  while (n < max && j < items.length) {
    const it = items[j]!;
    if (it.n !== null) break;
    if (punct.includes(it.t) || it.anns.some((a) => kinds.includes(a.k))) {
      j++;
      n++;
    } else break;
  }
  return j;
}

/** "12 dec", "12 de diciembre", "12th of December 2026", with `i` on the number. */
function dayThenMonth(items: readonly Item[], i: number): { month: number; year: number | null; next: number } | null {
  let j = skip(items, i + 1, ['of', 'dayart'], 2);
  // "the 12th of december": `of` already skipped; a stray "." after an ordinal is fine too
  if (isPunct(items[j], '.')) j++;
  const m = has(items[j], 'month');
  if (m === undefined) return null;
  // A weak month ("mar", "sept", "dez", "out") after a day needs to be the month: "le 7 sept" yes.
  j++;
  if (isPunct(items[j], '.')) j++;
  let year: number | null = null;
  let k = j;
  if (isPunct(items[k], ',')) k++;
  if (isYear(items[k])) {
    year = items[k]!.n;
    j = k + 1;
  }
  return { month: m.m, year, next: j };
}

/** "december 12", "dec. 12th", "December the 12th, 2026", with `i` on the month. */
function monthThenDay(items: readonly Item[], i: number): { day: number; year: number | null; next: number } | null {
  let j = i + 1;
  if (isPunct(items[j], '.')) j++;
  j = skip(items, j, ['dayart'], 1);
  const d = items[j];
  if (!isDayNumber(d)) return null;
  // "december 2 nights" is a month and a length, not the 2nd.
  if (!d!.ordinal && countsSomething(items, j)) return null;
  if (isPunct(items[j + 1], '/') && items[j + 1]!.start === d!.end) return null;
  let next = j + 1;
  let year: number | null = null;
  let k = next;
  if (isPunct(items[k], ',')) k++;
  if (isYear(items[k])) {
    year = items[k]!.n;
    next = k + 1;
  }
  return { day: d!.n!, year, next };
}

/** "12/12", "12/12/2026", "12.12.", "2026-12-12". Day/month order by locale, unless only one order is a date. */
function numericDate(items: readonly Item[], i: number, locale: Locale): { day: number; month: number; year: number | null; next: number; raw?: [number, number] } | null {
  const a = items[i]!;
  const sep = items[i + 1];
  const b = items[i + 2];
  if (sep === undefined || b === undefined || b.n === null || a.n === null) return null;
  // ISO 2026-12-12
  if (a.digits === 4 && sep.t === '-' && items[i + 3]?.t === '-' && items[i + 4]?.n != null) {
    const mo = b.n;
    const d = items[i + 4]!.n!;
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) return { day: d, month: mo, year: a.n, next: i + 5 };
    return null;
  }
  if (a.digits > 2 || b.digits > 2) return null;
  if (sep.start !== a.end || b.start !== sep.end) return null;
  const slash = sep.t === '/';
  const dot = sep.t === '.';
  const dashWithYear = sep.t === '-' && items[i + 3]?.t === '-' && (items[i + 4]?.digits === 4 || items[i + 4]?.digits === 2);
  if (!slash && !dot && !dashWithYear) return null;
  let next = i + 3;
  let year: number | null = null;
  const sep2 = items[i + 3];
  const y = items[i + 4];
  if (sep2 !== undefined && y !== undefined && y.n !== null && sep2.t === sep.t && sep2.start === b.end && y.start === sep2.end && (y.digits === 4 || y.digits === 2)) {
    year = y.digits === 2 ? 2000 + y.n : y.n;
    next = i + 5;
  } else if (dashWithYear) return null;
  else if (dot && isPunct(sep2, '.') && sep2!.start === b.end) next = i + 4;
  // "12.5" with nothing else is a decimal, not a date.
  if (dot && year === null && b.n > 12) return null;
  let day: number;
  let month: number;
  const dayFirst = locale !== 'en';
  if (dayFirst) {
    [day, month] = [a.n, b.n];
    if (month > 12 && day <= 12) [day, month] = [b.n, a.n];
  } else {
    [month, day] = [a.n, b.n];
    if (month > 12 && day <= 12) [day, month] = [a.n, b.n];
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { day, month, year, next, raw: [a.n, b.n] };
}

/**
 * Settles day/month order for the numeric dates of one message: a part above 12 tells the
 * order for all of them ("10/04 - 15/04" is day/month); otherwise a pair of dates takes the
 * order that makes the shorter stay ("4/10 - 4/12" is April in any language, "10/04 -
 * 12/04" is April too); otherwise the language decides (day/month except in English).
 */
function settleNumericOrder(anchors: Anchor[], locale: Locale): void {
  const numeric = anchors.filter((a) => a.numeric !== undefined && a.ref.kind === 'cal');
  if (numeric.length === 0) return;
  let order: 'dm' | 'md' | null = null;
  for (const a of numeric) {
    const [x, y] = a.numeric!;
    if (x > 12 && y <= 12) order ??= 'dm';
    if (y > 12 && x <= 12) order ??= 'md';
  }
  if (order === null && numeric.length >= 2) {
    const dayOfYear = (m: number, d: number): number => (m - 1) * 31 + d;
    const [p, q] = [numeric[0]!.numeric!, numeric[1]!.numeric!];
    const span = (o: 'dm' | 'md'): number => {
      const s = o === 'dm' ? dayOfYear(p[1], p[0]) : dayOfYear(p[0], p[1]);
      const e = o === 'dm' ? dayOfYear(q[1], q[0]) : dayOfYear(q[0], q[1]);
      return (e - s + 372) % 372 || 372;
    };
    const dm = span('dm');
    const md = span('md');
    if (dm !== md) order = dm < md ? 'dm' : 'md';
  }
  order ??= locale === 'en' ? 'md' : 'dm';
  for (const a of numeric) {
    const [x, y] = a.numeric!;
    const [day, month] = order === 'dm' ? [x, y] : [y, x];
    if (month >= 1 && month <= 12 && a.ref.kind === 'cal') a.ref = { ...a.ref, day, month };
  }
}

/** Whether the items just before `i` introduce a day number: "le 14", "du 12", "au 15", "arriving 12". */
/** "family of 4", "groupe de 6", "table pour 4": the number counts people. */
const GROUP_NOUNS = new Set(['family', 'famille', 'familia', 'group', 'groupe', 'grupo', 'table', 'mesa', 'party', 'equipe', 'equipo', 'bande', 'tribu']);

function introducedAsDay(items: readonly Item[], i: number): boolean {
  const prev = items[i - 1];
  if (prev === undefined) return false;
  if (has(prev, 'of') !== undefined && GROUP_NOUNS.has(items[i - 2]?.t ?? '')) return false;
  if (has(prev, 'for') !== undefined && has(prev, 'to') === undefined) return false;
  return (
    has(prev, 'dayart') !== undefined ||
    has(prev, 'from') !== undefined ||
    has(prev, 'to') !== undefined ||
    has(prev, 'arrive') !== undefined ||
    has(prev, 'depart') !== undefined ||
    has(prev, 'between') !== undefined ||
    (has(prev, 'and') !== undefined && items.slice(Math.max(0, i - 4), i - 1).some((it) => has(it, 'between') !== undefined))
  );
}

function withNextMonth(items: readonly Item[], j: number): { nextMonth: boolean; next: number } {
  if (has(items[j], 'nextmonth') !== undefined) return { nextMonth: true, next: j + 1 };
  return { nextMonth: false, next: j };
}

function cal(day: number, month: number | null, year: number | null, wd: number | null, nextMonth = false): DateRef {
  return { kind: 'cal', day, month, year, wd, nextMonth };
}

function anchor(ref: DateRef, start: number, end: number, extra: Partial<Anchor> = {}): Anchor {
  return { ref, start, end, night: false, weekend: 'none', role: null, ...extra };
}

/** A night marker right after an anchor: "friday night", "samedi soir", "viernes por la noche". */
function nightAfter(items: readonly Item[], j: number): number {
  const it = items[j];
  if (it === undefined) return j;
  if (has(it, 'nightword') !== undefined) return j + 1;
  const u = has(it, 'unit');
  if (u !== undefined && u.u === 'night' && it.t !== 'nts') return j + 1;
  return j;
}

/** The date at item `i` without weekend wrapping: calendar dates, weekdays, relative days, holidays. */
function parseDate(c: Cursor, i: number): Parsed {
  const { items, locale } = c;
  const it = items[i];
  if (it === undefined || it.masked) return null;

  // Holidays (and "easter weekend", "valentine's weekend").
  const hol = has(it, 'holiday');
  const easter = has(it, 'easter');
  const nthwd = has(it, 'nthwd');
  if (hol !== undefined || easter !== undefined || nthwd !== undefined) {
    const ref: DateRef = hol !== undefined ? cal(hol.d, hol.m, null, null) : easter !== undefined ? { kind: 'easter', offset: easter.offset } : { kind: 'nthWeekday', month: nthwd!.m, wd: nthwd!.d, n: nthwd!.n };
    let j = i + 1;
    if (isPunct(items[j], '.') && items[j + 1] !== undefined && has(items[j + 1], 'weekend') === undefined) return { anchor: anchor(ref, i, j), next: j };
    if (has(items[j], 'weekend') !== undefined) return { anchor: anchor(ref, i, j + 1, { weekend: 'of' }), next: j + 1 };
    const nightEnd = nightAfter(items, j);
    return { anchor: anchor(ref, i, nightEnd, { night: nightEnd > j }), next: nightEnd };
  }

  // Relative days: today, tonight, tomorrow (night), the day after tomorrow.
  const rel = has(it, 'rel');
  if (rel !== undefined) {
    const j = nightAfter(items, i + 1);
    return { anchor: anchor({ kind: 'rel', days: rel.days }, i, j, { night: rel.night === true || j > i + 1 }), next: j };
  }

  // "in 3 days", "dans 15 jours", "en 2 semanas", "daqui a 3 dias"
  if (has(it, 'in') !== undefined) {
    const cnt = countAt(items, i + 1);
    if (cnt !== null) {
      const unit = has(items[cnt.next], 'unit');
      if (unit !== undefined && (unit.u === 'day' || unit.u === 'week')) {
        let days = cnt.n * unit.per;
        if (unit.u === 'day' && cnt.n === 15 && locale !== 'en') days = 14;
        if (unit.u === 'day' && cnt.n === 8 && locale === 'fr') days = 7;
        return { anchor: anchor({ kind: 'rel', days }, i, cnt.next + 1), next: cnt.next + 1 };
      }
    }
    return null;
  }

  // Weekdays, possibly with a date: "friday", "next friday", "vendredi prochain", "friday the 4th", "sat 5 dec".
  const w = has(it, 'wd');
  if (w !== undefined) {
    let j = i + 1;
    if (isPunct(items[j], '.', ',')) j++;
    j = skip(items, j, ['dayart'], 1);
    if (isDayNumber(items[j]) && !countsSomething(items, j)) {
      const day = items[j]!.n!;
      const dm = dayThenMonth(items, j);
      if (dm !== null) {
        const nm = withNextMonth(items, dm.next);
        return { anchor: anchor(cal(day, dm.month, dm.year, w.d), i, nm.next), next: nm.next };
      }
      if (!(isPunct(items[j + 1], '/', '.') && items[j + 2]?.n != null)) {
        const nm = withNextMonth(items, j + 1);
        const ne = nightAfter(items, nm.next);
        return { anchor: anchor(cal(day, null, null, w.d, nm.nextMonth), i, ne, { night: ne > nm.next }), next: ne };
      }
    }
    const m = has(items[j], 'month');
    if (m !== undefined) {
      const md = monthThenDay(items, j);
      if (md !== null) return { anchor: anchor(cal(md.day, m.m, md.year, w.d), i, md.next), next: md.next };
    }
    if (isDayNumber(items[j])) {
      const nd = numericDate(items, j, locale);
      if (nd !== null) return { anchor: anchor(cal(nd.day, nd.month, nd.year, w.d), i, nd.next, nd.raw ? { numeric: nd.raw } : {}), next: nd.next };
    }
    const prev = items[i - 1];
    if (w.weak) {
      // "sat night", "fri to sun", "du lun au ven": a short weekday counts next to a night or another weekday.
      const nearWeekday = (k: number): boolean => has(items[k], 'wd') !== undefined;
      const ok =
        nightAfter(items, i + 1) > i + 1 ||
        has(prev, 'this') !== undefined ||
        has(prev, 'next') !== undefined ||
        ((has(prev, 'to') !== undefined || has(prev, 'from') !== undefined) && (nearWeekday(i - 2) || nearWeekday(i + 2))) ||
        (has(items[i + 1], 'to') !== undefined && nearWeekday(i + 2));
      if (!ok) return null;
    }
    const prev2 = items[i - 2];
    let mod: 'none' | 'this' | 'next' = 'none';
    if (has(prev, 'this') !== undefined || (has(prev, 'dayart') !== undefined && has(prev2, 'this') !== undefined)) mod = 'this';
    if (has(prev, 'next') !== undefined || (has(prev, 'dayart') !== undefined && has(prev2, 'next') !== undefined)) mod = 'next';
    // "the second Saturday of January", "le premier samedi de mars"
    const nth = prev === undefined ? undefined : prev.n !== null ? (prev.ordinal && prev.n <= 5 ? prev.n : undefined) : ORDINAL_WORDS.get(prev.t);
    if (nth !== undefined) {
      const k = skip(items, i + 1, ['of', 'in', 'from'], 1);
      const mo = has(items[k], 'month');
      if (k > i + 1 && mo !== undefined) return { anchor: anchor({ kind: 'nthWeekday', month: mo.m, wd: w.d, n: nth }, i - 1, k + 1), next: k + 1 };
    }
    if (has(prev, 'past') !== undefined) return null;
    let k = i + 1;
    if (has(items[k], 'next') !== undefined) {
      mod = 'next';
      k++;
    } else if (has(items[k], 'past') !== undefined) return null;
    // "vendredi en huit": the Friday a week after the coming one.
    if (items[k]?.t === 'en' && (items[k + 1]?.t === 'huit' || items[k + 1]?.t === 'quinze' || items[k + 1]?.n === 8 || items[k + 1]?.n === 15)) {
      const weeks = items[k + 1]!.t === 'huit' || items[k + 1]!.n === 8 ? 1 : 2;
      return { anchor: anchor({ kind: 'wd', wd: w.d, mod: 'none', plusWeeks: weeks }, i, k + 2), next: k + 2 };
    }
    const ne = nightAfter(items, k);
    return { anchor: anchor({ kind: 'wd', wd: w.d, mod }, i, ne, { night: ne > k }), next: ne };
  }

  // A month first: "december 12", "dec 12th 2026".
  const mo = has(it, 'month');
  if (mo !== undefined && it.n === null) {
    const md = monthThenDay(items, i);
    if (md !== null) {
      const nm = withNextMonth(items, md.next);
      return { anchor: anchor(cal(md.day, mo.m, md.year, null), i, nm.next), next: nm.next };
    }
    return null;
  }

  // A number first.
  if (it.n !== null && !it.masked) {
    if (it.digits === 4) {
      const iso = numericDate(items, i, locale);
      return iso !== null ? { anchor: anchor(cal(iso.day, iso.month, iso.year, null), i, iso.next), next: iso.next } : null;
    }
    if (!isDayNumber(it)) return null;
    if (it.ordinal && (has(items[i + 1], 'weekend') !== undefined || has(items[i + 1], 'unit') !== undefined || has(items[i + 1], 'wd') !== undefined)) return null;
    const nd = numericDate(items, i, locale);
    if (nd !== null) return { anchor: anchor(cal(nd.day, nd.month, nd.year, null), i, nd.next, nd.raw ? { numeric: nd.raw } : {}), next: nd.next };
    const prev = items[i - 1];
    if (prev !== undefined && has(prev, 'for') !== undefined && has(prev, 'to') === undefined && !it.ordinal) return null;
    const dm = dayThenMonth(items, i);
    if (dm !== null) {
      // "la nuit du 12 décembre" etc. fall through to a night flag below.
      const ne = dm.next;
      return { anchor: anchor(cal(it.n, dm.month, dm.year, null), i, ne), next: ne };
    }
    if ((it.ordinal || introducedAsDay(items, i)) && !countsSomething(items, i)) {
      const nm = withNextMonth(items, i + 1);
      return { anchor: anchor(cal(it.n, null, null, null, nm.nextMonth), i, nm.next), next: nm.next };
    }
  }
  return null;
}

/** A count at `i`: digits, a number word, or "a"/"une" before a unit. */
function countAt(items: readonly Item[], i: number): { n: number; next: number } | null {
  const it = items[i];
  if (it === undefined || it.masked) return null;
  if (it.n !== null) return it.digits <= 3 && !it.ordinal ? { n: it.n, next: i + 1 } : null;
  const w = has(it, 'num');
  if (w !== undefined) return { n: w.n, next: i + 1 };
  return null;
}

/** Weekend forms at `i` (which holds a weekend word), with modifiers on either side. */
function parseWeekend(c: Cursor, i: number): Parsed {
  const { items } = c;
  const prev = items[i - 1];
  const prev2 = items[i - 2];
  // "a weekend in March", "un week-end": a length, not a date.
  if (prev !== undefined && has(prev, 'num') !== undefined && prev.t !== 'a') return null;
  if (prev !== undefined && prev.t === 'a' && has(prev2, 'for') !== undefined) return null;
  // "the first weekend of December", "le dernier week-end de mars", "el primer fin de semana de mayo"
  const nth = prev === undefined ? undefined : prev.n !== null ? (prev.ordinal && prev.n <= 4 ? prev.n : undefined) : ORDINAL_WORDS.get(prev.t);
  if (nth !== undefined) {
    const k = skip(items, i + 1, ['of', 'in', 'from'], 1);
    const m = has(items[k], 'month');
    if (k > i + 1 && m !== undefined) return { anchor: anchor({ kind: 'monthWeekend', month: m.m, n: nth }, i - 1, k + 1, { weekend: 'of' }), next: k + 1 };
  }
  if (has(prev, 'past') !== undefined || has(items[i + 1], 'past') !== undefined) return { anchor: null, next: i + 1 };
  let mode: 'this' | 'next' = 'this';
  if (has(prev, 'next') !== undefined || (has(prev, 'dayart') !== undefined && has(prev2, 'next') !== undefined)) mode = 'next';
  let j = i + 1;
  if (has(items[j], 'next') !== undefined) {
    mode = 'next';
    j++;
  }
  // "the weekend of the 19th", "le week-end du 12", "el fin de semana del 19", "weekend of dec 12"
  const k = skip(items, j, ['of', 'from', 'dayart'], 2);
  const named = items[k];
  // "the weekend of the wedding": a weekend we cannot date is no date at all.
  if (k > j && named !== undefined && named.n === null && named.anns.length === 0 && /^[a-z]{3,}$/.test(named.t) && !['the', 'this', 'next'].includes(named.t)) return { anchor: null, next: k + 1 };
  if (k > j || has(items[k], 'month') !== undefined) {
    const inner = parseDate(c, k);
    if (inner !== null && inner.anchor !== null && inner.anchor.ref.kind !== 'wd') {
      return { anchor: anchor(inner.anchor.ref, i, inner.next, { weekend: 'of' }), next: inner.next };
    }
    if (inner === null && isDayNumber(items[k]) && !countsSomething(items, k)) {
      return { anchor: anchor(cal(items[k]!.n!, null, null, null), i, k + 1, { weekend: 'of' }), next: k + 1 };
    }
  }
  return { anchor: anchor({ kind: 'wd', wd: 5, mod: mode }, i, j, { weekend: mode }), next: j };
}

/** Lengths: "3 nights", "2 nuits", "a week", "une semaine", "quinze jours", "a fortnight", "3-night stay". */
function parseLength(c: Cursor, i: number): { length: Length; next: number } | null {
  const { items, locale } = c;
  const it = items[i]!;
  const len = has(it, 'len');
  if (len !== undefined) return { length: { nights: len.nights, start: i, end: i + 1 }, next: i + 1 };
  const cnt = countAt(items, i);
  if (cnt === null) {
    // "for the night", "pour la nuit"
    if (has(it, 'for') !== undefined && has(items[i + 1], 'dayart') !== undefined) {
      const u = has(items[i + 2], 'unit');
      if (u !== undefined && u.u === 'night') return { length: { nights: 1, start: i, end: i + 3 }, next: i + 3 };
    }
    return null;
  }
  let j = cnt.next;
  if (isPunct(items[j], '-')) j++;
  const target = items[j];
  const l2 = has(target, 'len');
  if (l2 !== undefined) return { length: { nights: cnt.n * l2.nights, start: i, end: j + 1 }, next: j + 1 };
  const unit = has(target, 'unit');
  if (unit === undefined || unit.u === 'month') return null;
  // "in 3 days" is a date (handled as an anchor), "3 days ago" is the past.
  if (has(items[i - 1], 'in') !== undefined || has(items[j + 1], 'past') !== undefined) return null;
  // "the week", "la semaine dernière" have no count, so they never get here; "dia 14" is a day.
  if (target!.t === 'dia' && isDayNumber(items[j + 1])) return null;
  let nights = cnt.n * unit.per;
  if (unit.u === 'day') {
    // "quinze jours", "quince días", "quinze dias" are two weeks; "huit jours" is one.
    if (cnt.n === 15 && locale !== 'en') nights = 14;
    else if (cnt.n === 8 && (locale === 'fr' || locale === 'es')) nights = 7;
  }
  if (nights <= 0 || nights > 120) return null;
  return { length: { nights, start: i, end: j + 1 }, next: j + 1 };
}

/** Reads every date mention, length and correction in the items. */
export function extractDates(items: Item[], locale: Locale): DateFacts {
  const c: Cursor = { items, locale };
  const anchors: Anchor[] = [];
  const lengths: Length[] = [];
  const corrections: number[] = [];
  const taken = new Uint8Array(items.length);
  let contextMonth: number | null = null;

  for (let i = 0; i < items.length; ) {
    const it = items[i]!;
    if (it.masked) {
      i++;
      continue;
    }
    if (has(it, 'corr') !== undefined) corrections.push(i);
    // "the week of the 14th", "la semaine du 14 décembre": that date for 7 nights;
    // "the night of the 12th", "la nuit du 12 décembre": that date for one night.
    const wk = has(it, 'unit');
    if (wk !== undefined && (wk.u === 'week' || wk.u === 'night') && (i === 0 || has(items[i - 1], 'dayart') !== undefined || has(items[i - 1], 'this') !== undefined || ['la', 'a', 'o', 'for', 'pour'].includes(items[i - 1]?.t ?? ''))) {
      const k = skip(items, i + 1, ['of', 'from', 'dayart'], 2);
      const inner = k > i + 1 ? parseDate(c, k) : null;
      if (inner !== null && inner.anchor !== null && inner.anchor.ref.kind === 'cal' && has(items[inner.next], 'to') === undefined && has(items[inner.next], 'and') === undefined) {
        anchors.push({ ...inner.anchor, start: i, end: inner.next });
        lengths.push({ nights: wk.u === 'week' ? 7 : 1, start: i, end: i + 1 });
        for (let x = i; x < inner.next; x++) taken[x] = 1;
        i = inner.next;
        continue;
      }
    }
    // A length first: "2 nights" must not read as "the 2nd".
    const len = parseLength(c, i);
    if (len !== null) {
      lengths.push(len.length);
      for (let k = i; k < len.next; k++) taken[k] = 1;
      i = len.next;
      continue;
    }
    let parsed: Parsed = null;
    if (has(it, 'weekend') !== undefined) parsed = parseWeekend(c, i);
    else if (it.t === 'we' && (items[i - 1]?.t === 'ce' || items[i - 1]?.t === 'le') && locale !== 'en') parsed = parseWeekend(c, i);
    else parsed = parseDate(c, i);
    if (parsed !== null) {
      if (parsed.anchor !== null) anchors.push(parsed.anchor);
      for (let k = i; k < parsed.next; k++) taken[k] = 1;
      i = Math.max(parsed.next, i + 1);
      continue;
    }
    const lone = has(it, 'month');
    if (lone !== undefined && lone.weak !== true && it.n === null) contextMonth ??= lone.m;
    i++;
  }

  // Bare day numbers joined to a date by a range word: "12-15 dec", "12 au 15 décembre", "12 > 15 déc", "12-15".
  for (let i = 0; i < items.length; i++) {
    if (taken[i] || !isDayNumber(items[i]) || countsSomething(items, i)) continue;
    const prev = items[i - 1];
    const afterFor = prev !== undefined && has(prev, 'for') !== undefined && has(prev, 'to') === undefined;
    const j = skip(items, i + 1, ['dayart'], 0);
    const link = items[j];
    if (link === undefined) continue;
    const isTo = has(link, 'to') !== undefined && !(link.t === 'a' && locale === 'en');
    // "the nights of 12 and 13 December", "les nuits du 12 et 13 décembre"
    const isNightsAnd = has(link, 'and') !== undefined && items.slice(Math.max(0, i - 3), i).some((x) => has(x, 'unit')?.u === 'night');
    if (!isTo && !isNightsAnd) continue;
    const k = skip(items, j + 1, ['dayart', 'of'], 1);
    const nextAnchor = anchors.find((a) => a.start === k);
    const withMonth = nextAnchor !== undefined && nextAnchor.ref.kind === 'cal' && nextAnchor.ref.month !== null;
    // "para 14 a 16 de dezembro" is a range; "for 2-3" alone is a head count.
    if ((afterFor || isNightsAnd) && !withMonth) continue;
    let bareNext = false;
    if (nextAnchor === undefined) {
      if (!isDayNumber(items[k]) || taken[k] || countsSomething(items, k)) continue;
      bareNext = true;
    }
    anchors.push(anchor(cal(items[i]!.n!, null, null, null), i, i + 1));
    taken[i] = 1;
    if (bareNext) {
      anchors.push(anchor(cal(items[k]!.n!, null, null, null), k, k + 1));
      taken[k] = 1;
    }
  }
  anchors.sort((a, b) => a.start - b.start);
  settleNumericOrder(anchors, locale);
  for (const a of anchors) a.role = roleOf(items, a.start);
  if (contextMonth === null) {
    for (const a of anchors) if (a.ref.kind === 'cal' && a.ref.month !== null && a.start === a.end - 1 && has(items[a.start], 'holiday') !== undefined) contextMonth = a.ref.month;
  }
  return { items, anchors, lengths, corrections, contextMonth };
}

/** Arrival or departure, from the words just before an anchor ("from", "arriving", "until", "départ"). */
const ROLE_FILLERS = new Set(['on', 'le', 'we', 'nous', 'i', 'je', 'the', 'late', 'early', 'tard', 'tot']);

function roleOf(items: readonly Item[], start: number): Anchor['role'] {
  for (let j = start - 1, seen = 0; j >= 0 && seen < 3; j--, seen++) {
    const it = items[j]!;
    if (has(it, 'arrive') !== undefined || has(it, 'from') !== undefined) return 'arrive';
    if (has(it, 'depart') !== undefined) return 'depart';
    const to = has(it, 'to');
    if (to !== undefined) return to.strong === true ? 'depart' : null;
    if (has(it, 'dayart') !== undefined || has(it, 'of') !== undefined || has(it, 'this') !== undefined || has(it, 'next') !== undefined || isPunct(it, ',', ':')) continue;
    if (ROLE_FILLERS.has(it.t)) continue;
    return null;
  }
  return null;
}
