import { parseIcsDuration } from './ics-duration';
import { dayIndex } from './day-index';
import type { NightRange } from './event-nights';
import { problem, type FeedProblem } from './feed-problem';

/**
 * A structural check of an iCalendar text before anything trusts it. Parsers are lenient on
 * purpose (node-ical turns an HTML page or half a file into an empty calendar without a
 * word), and an empty calendar means "every night is free": so the text must prove it is a
 * whole calendar whose events all have valid dates before an import may replace any block.
 */
export type IcsScan =
  | {
      ok: true;
      events: number;
      /**
       * `[from, to)` character spans of whole events that cannot reach the range given to the
       * check (single, non-recurring, uid seen once, dates far outside): checked, but not worth
       * parsing. Empty without a range.
       */
      outside: [number, number][];
    }
  | { ok: false; problem: FeedProblem };

interface ContentLine {
  name: string;
  params: Record<string, string>;
  value: string;
}

interface PendingEvent {
  index: number;
  /** Where its BEGIN line starts. */
  at: number;
  uid: string | null;
  dates: { prop: string; line: ContentLine }[];
  durations: string[];
  rrules: string[];
}

/** Properties whose values are dates an import depends on. */
const DATE_PROPS = new Set(['DTSTART', 'DTEND', 'RECURRENCE-ID', 'EXDATE']);
const DATE_RE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z?$/;
/** Outlook's placeholders, which only mean something with a VTIMEZONE of the same TZID. */
const CUSTOM_TZID = /^(?:tzone:\/\/Microsoft\/|Customized Time Zone|\(no TZ description\))/i;
/** Every minute or second over two years is not a calendar of stays, and would cost millions of instances. */
const UNSUPPORTED_FREQ = /(?:^|;)FREQ=(?:SECONDLY|MINUTELY)(?:;|$)/i;

export function scanIcs(raw: string, prune?: NightRange): IcsScan {
  // A byte-order mark is blanked, not cut, so that positions stay those of `raw`.
  const text = raw.charCodeAt(0) === 0xfeff ? ` ${raw.slice(1)}` : raw;
  const window = prune ? { from: dayIndex(prune.from) - PRUNE_MARGIN_DAYS, to: dayIndex(prune.to) + PRUNE_MARGIN_DAYS } : null;
  const candidates: { from: number; to: number; uid: string }[] = [];
  const uids = new Map<string, number>();
  const head = text.trimStart().slice(0, 256).toLowerCase();
  if (head === '') return fail('not_calendar', 'the feed is empty');
  if (head.startsWith('<') || head.includes('<html') || head.includes('<!doctype')) {
    return fail('html', 'the feed sent a web page (HTML) instead of a calendar');
  }

  const stack: string[] = [];
  const timezoneIds = new Set<string>();
  const customTzRefs: { tzid: string; where: string }[] = [];
  let calendars = 0;
  let events = 0;
  let event: PendingEvent | null = null;

  /** One content line; `name` is upper case, `parsed` is there when the line has parameters or a date. */
  const handle = (name: string, value: string, parsed: ContentLine | null, at: number, after: number): IcsScan | null => {
    if (name === 'BEGIN') {
      value = value.trim().toUpperCase();
      if (stack.length === 0 && value !== 'VCALENDAR') return fail('malformed', `BEGIN:${value} outside of a calendar`);
      if (stack.length > 0 && value === 'VCALENDAR') return fail('malformed', 'a calendar nested in a calendar');
      if (value === 'VEVENT') {
        if (stack[stack.length - 1] !== 'VCALENDAR') return fail('malformed', `an event nested in ${stack[stack.length - 1]}`);
        events++;
        event = { index: events, at, uid: null, dates: [], durations: [], rrules: [] };
      }
      if (value === 'VCALENDAR') calendars++;
      stack.push(value);
      return null;
    }
    if (name === 'END') {
      value = value.trim().toUpperCase();
      const open = stack.pop();
      if (open !== value) return fail('malformed', open ? `END:${value} where END:${open} was expected` : `END:${value} without BEGIN`);
      if (value === 'VEVENT' && event) {
        const bad = checkEvent(event, customTzRefs);
        if (bad) return { ok: false, problem: bad };
        if (window && event.uid !== null) {
          uids.set(event.uid, (uids.get(event.uid) ?? 0) + 1);
          if (farOutside(event, window)) candidates.push({ from: event.at, to: after, uid: event.uid });
        }
        event = null;
      }
      return null;
    }
    if (stack.length === 0) return fail('malformed', `${name} after END:VCALENDAR`);

    const inside = stack[stack.length - 1];
    if (inside === 'VTIMEZONE' && name === 'TZID') timezoneIds.add(value.trim().replace(/^"(.*)"$/, '$1'));
    if (inside !== 'VEVENT' || !event) return null;
    if (name === 'UID') event.uid = value.trim();
    else if (DATE_PROPS.has(name)) event.dates.push({ prop: name, line: parsed ?? { name, params: {}, value } });
    else if (name === 'DURATION') event.durations.push(value);
    else if (name === 'RRULE') event.rrules.push(value);
    return null;
  };

  // Only the lines that matter are visited, found by one regular expression over the whole
  // text: on a big feed most lines are summaries and descriptions, and this check must stay
  // cheap next to the parse it guards. A folded line (RFC 5545 §3.1: the next line starts with
  // a space or tab) is unfolded before it is read.
  const lead = text.length - text.trimStart().length;
  const newline = text.indexOf('\n', lead);
  const firstEnd = newline === -1 ? text.length : newline;
  const first = parseContentLine(text.slice(lead, firstEnd).replace(/\r$/, ''));
  if (!first || first.name !== 'BEGIN' || first.value.trim().toUpperCase() !== 'VCALENDAR') {
    return fail('not_calendar', 'the feed does not start with BEGIN:VCALENDAR');
  }
  handle('BEGIN', 'VCALENDAR', null, lead, firstEnd);
  INTERESTING.lastIndex = firstEnd;
  let lastEnd = 0;
  for (let m = INTERESTING.exec(text); m !== null; m = INTERESTING.exec(text)) {
    let line = m[0];
    let pos = m.index + line.length;
    let folded = false;
    for (;;) {
      const next = text.indexOf('\n', pos);
      if (next === -1) break;
      const c = text.charCodeAt(next + 1);
      if (c !== 0x20 && c !== 0x09) break;
      let stop = text.indexOf('\n', next + 1);
      if (stop === -1) stop = text.length;
      line = line.replace(/\r$/, '') + text.slice(next + 2, stop).replace(/\r$/, '');
      pos = stop;
      folded = true;
    }
    const name = (m[1] ?? '').toUpperCase();
    // Parameters are read only where they matter (a date's VALUE and TZID); a plain
    // "NAME:value" line is taken as it stands, without building anything.
    const plain = m[2] === ':' && !folded && !DATE_PROPS.has(name);
    const parsed = plain ? null : parseContentLine(line);
    if (!plain && !parsed) continue;
    const failure = handle(name, parsed ? parsed.value : (m[3] ?? ''), parsed, m.index, pos < text.length ? pos + 1 : pos);
    // A download cut inside its last line ("END:VCALEN") is a truncation, not a mistake of the platform.
    if (failure && name === 'END' && text.slice(pos).trim() === '') return fail('truncated', 'the feed stops before END:VCALENDAR: it was cut off');
    if (failure) return failure;
    if (stack.length === 0) lastEnd = pos;
  }
  if (stack.length === 0 && lastEnd > 0 && text.slice(lastEnd).trim() !== '') {
    const stray = text.slice(lastEnd).trim().split(/\r?\n/)[0] ?? '';
    return fail('malformed', `${stray.slice(0, 30)} after END:VCALENDAR`);
  }

  if (stack.length > 0) {
    return fail('truncated', `the feed stops inside ${stack[stack.length - 1]}, before END:VCALENDAR: it was cut off`);
  }
  if (calendars === 0) return fail('not_calendar', 'the feed holds no calendar');
  for (const ref of customTzRefs) {
    if (!timezoneIds.has(ref.tzid)) return fail('invalid_date', `${ref.where} uses the time zone "${ref.tzid}", which the feed does not define`);
  }
  // A uid seen twice may be an older and a newer version of one event: the parser picks one
  // by SEQUENCE, so both must reach it.
  const outside = candidates.filter((c) => uids.get(c.uid) === 1).map((c): [number, number] => [c.from, c.to]);
  return { ok: true, events, outside };
}

/**
 * Two days each side cover any zone offset between a date-time as written and the property's
 * date, so an event pruned here could not block a night of the range in any zone.
 */
const PRUNE_MARGIN_DAYS = 2;

function farOutside(event: PendingEvent, window: { from: number; to: number }): boolean {
  if (event.rrules.length > 0 || event.dates.some((d) => d.prop === 'RECURRENCE-ID' || d.prop === 'EXDATE')) return false;
  const start = event.dates.find((d) => d.prop === 'DTSTART')?.line.value.trim();
  if (!start) return false;
  const first = dayIndex(`${start.slice(0, 4)}-${start.slice(4, 6)}-${start.slice(6, 8)}`);
  const end = event.dates.find((d) => d.prop === 'DTEND')?.line.value.trim();
  const duration = event.durations[0] === undefined ? null : parseIcsDuration(event.durations[0]);
  const last = end
    ? dayIndex(`${end.slice(0, 4)}-${end.slice(4, 6)}-${end.slice(6, 8)}`)
    : duration
      ? first + duration.days + Math.ceil(duration.seconds / 86_400) + 1
      : first + 1;
  return last < window.from || first > window.to;
}

function fail(code: FeedProblem['code'], message: string): IcsScan {
  return { ok: false, problem: problem(code, message) };
}

/** Lines the check reads; everything else (summaries, descriptions, alarms' text) is skipped. */
const INTERESTING = /^(BEGIN|END|UID|TZID|DTSTART|DTEND|DURATION|RRULE|RECURRENCE-ID|EXDATE)([;:])([^\r\n]*)/gim;

/** `NAME;PARAM=v;PARAM="quoted:value":value`, with the colon inside quotes left alone. */
function parseContentLine(line: string): ContentLine | null {
  // Most lines have no quoted parameter: split them without walking each character.
  if (line.indexOf('"') === -1) {
    const colon = line.indexOf(':');
    if (colon === -1) return null;
    const parts = line.slice(0, colon).split(';');
    const name = (parts[0] ?? '').trim().toUpperCase();
    if (!/^[A-Z0-9-]+$/.test(name)) return null;
    const params: Record<string, string> = {};
    for (let i = 1; i < parts.length; i++) {
      const part = parts[i] ?? '';
      const eq = part.indexOf('=');
      if (eq > 0) params[part.slice(0, eq).trim().toUpperCase()] = part.slice(eq + 1).trim();
    }
    return { name, params, value: line.slice(colon + 1) };
  }
  let i = 0;
  let quoted = false;
  let nameEnd = -1;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';' && nameEnd === -1) nameEnd = i;
    else if (!quoted && c === ':') break;
  }
  if (i >= line.length) return null;
  const head = line.slice(0, i);
  const name = (nameEnd === -1 ? head : head.slice(0, nameEnd)).trim().toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return null;
  const params: Record<string, string> = {};
  if (nameEnd !== -1) {
    for (const part of splitParams(head.slice(nameEnd + 1))) {
      const eq = part.indexOf('=');
      if (eq > 0) params[part.slice(0, eq).trim().toUpperCase()] = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    }
  }
  return { name, params, value: line.slice(i + 1) };
}

function splitParams(text: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (!quoted && text[i] === ';') {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

function describe(event: PendingEvent): string {
  return event.uid ? `event ${event.index} (UID ${event.uid})` : `event ${event.index}`;
}

function checkEvent(event: PendingEvent, customTzRefs: { tzid: string; where: string }[]): FeedProblem | null {
  const where = describe(event);
  const starts = event.dates.filter((d) => d.prop === 'DTSTART');
  if (starts.length === 0) return problem('invalid_date', `${where} has no DTSTART`);
  if (starts.length > 1) return problem('invalid_date', `${where} has more than one DTSTART`);
  if (event.dates.filter((d) => d.prop === 'DTEND').length > 1) return problem('invalid_date', `${where} has more than one DTEND`);

  for (const { prop, line } of event.dates) {
    const values = prop === 'EXDATE' ? line.value.split(',') : [line.value];
    for (const v of values) {
      const value = v.trim();
      if (!validDateValue(value, line.params.VALUE)) return problem('invalid_date', `${where} has an invalid ${prop} "${value.slice(0, 40)}"`);
    }
    const tzid = line.params.TZID;
    if (tzid && CUSTOM_TZID.test(tzid)) customTzRefs.push({ tzid, where });
  }
  for (const d of event.durations) {
    if (!parseIcsDuration(d)) return problem('invalid_date', `${where} has an invalid DURATION "${d.trim().slice(0, 40)}"`);
  }
  for (const rule of event.rrules) {
    if (!/(?:^|;)FREQ=[A-Z]+/i.test(rule)) return problem('malformed', `${where} has an RRULE without FREQ`);
    if (UNSUPPORTED_FREQ.test(rule)) return problem('unsupported', `${where} repeats every minute or second`);
    const until = /(?:^|;)UNTIL=([^;]*)/i.exec(rule)?.[1];
    if (until !== undefined && !validDateValue(until.trim(), undefined)) return problem('invalid_date', `${where} has an invalid RRULE UNTIL "${until.slice(0, 40)}"`);
  }

  // Two dates of the same form compare as text; mixed forms are checked after parsing.
  const start = starts[0]?.line;
  const end = event.dates.find((d) => d.prop === 'DTEND')?.line;
  if (start && end && DATE_RE.test(start.value.trim()) && DATE_RE.test(end.value.trim()) && end.value.trim() < start.value.trim()) {
    return problem('invalid_date', `${where} ends (${end.value.trim()}) before it starts (${start.value.trim()})`);
  }
  return null;
}

function validDateValue(value: string, valueType: string | undefined): boolean {
  const date = DATE_RE.exec(value);
  if (date) return realDate(Number(date[1]), Number(date[2]), Number(date[3]));
  if (valueType !== undefined && valueType.toUpperCase() === 'DATE') return false;
  const dt = DATE_TIME_RE.exec(value);
  if (!dt) return false;
  // Leap second 60 is legal in RFC 5545.
  return realDate(Number(dt[1]), Number(dt[2]), Number(dt[3])) && Number(dt[4]) <= 23 && Number(dt[5]) <= 59 && Number(dt[6]) <= 60;
}

/** Arithmetic, not `Date`: this runs for every date of a feed. */
function realDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}
