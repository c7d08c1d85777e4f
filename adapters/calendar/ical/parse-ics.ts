import { expandRecurringEvent, sync, type CalendarResponse, type DateWithTimeZone, type VEvent } from 'node-ical';
import { eventKindOf, type EventKind } from '../../../domain/calendar/event-kind';
import type { EventSpan, NightRange, NightRules } from '../../../domain/calendar/event-nights';
import { blocksOf, type EventOccurrence } from '../../../domain/calendar/feed-blocks';
import { problem, type FeedProblem } from '../../../domain/calendar/feed-problem';
import { durationNights, parseIcsDuration } from '../../../domain/calendar/ics-duration';
import { scanIcs } from '../../../domain/calendar/ics-scan';
import { dayIndex, nightAt } from '../../../domain/calendar/day-index';
import { isValidTimeZone, type Night } from '../../../domain/calendar/nights';
import type { FeedParseOutcome } from '../../../domain/calendar/sync-ports';
import { wallTimeAt, type WallTime } from '../../../domain/calendar/wall-clock';

export interface ParseIcsOptions {
  timeZone: string;
  range: NightRange;
  rules: NightRules;
  /** Leave events far outside the range unparsed (they are checked all the same). Default true. */
  prune?: boolean;
}

class Untrusted extends Error {
  constructor(readonly problem: FeedProblem) {
    super(problem.message);
  }
}

/**
 * The nights an iCalendar text blocks, or why it cannot be trusted. Synchronous and CPU
 * bound: big feeds go through the worker pool, which calls this off the main thread.
 *
 * node-ical hands back Dates that depend on the process time zone in two cases, recovered
 * here so that the result never does: an all-day date is local midnight of the process zone
 * (its local calendar fields are the date), and a floating time is local wall clock (its
 * local fields are the wall time, read as the property's).
 */
export function parseIcsFeed(raw: string, options: ParseIcsOptions): FeedParseOutcome {
  // node-ical does not know a byte-order mark: its first line would not read as BEGIN:VCALENDAR.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const scanned = scanIcs(text, options.prune === false ? undefined : options.range);
  if (!scanned.ok) return scanned;
  let data: CalendarResponse;
  try {
    data = sync.parseICS(withoutUnusedLines(withoutSpans(text, scanned.outside)));
  } catch (error) {
    return { ok: false, problem: problem('malformed', `the calendar could not be read: ${error instanceof Error ? error.message.slice(0, 200) : 'parse error'}`) };
  }
  try {
    const occurrences: EventOccurrence[] = [];
    const kinds = new Map<string, EventKind>();
    let index = 0;
    for (const component of Object.values(data)) {
      if (!isEvent(component)) continue;
      index++;
      const uid = typeof component.uid === 'string' && component.uid !== '' ? component.uid : syntheticUid(component);
      const before = occurrences.length;
      collectOccurrences(component, uid, index, options, occurrences);
      if (occurrences.length > before) kinds.set(uid, eventKindOf(textOf(component.summary)));
    }
    const blocks = blocksOf(occurrences, options.rules, options.range);
    const used = new Set(blocks.map((b) => b.uid));
    return { ok: true, blocks, events: scanned.events, kinds: Object.fromEntries([...kinds].filter(([uid]) => used.has(uid))) };
  } catch (error) {
    if (error instanceof Untrusted) return { ok: false, problem: error.problem };
    return { ok: false, problem: problem('malformed', `the calendar could not be expanded: ${error instanceof Error ? error.message.slice(0, 200) : 'error'}`) };
  }
}

/**
 * The text without the events the check found far outside the range. A feed's history is
 * most of it (a channel manager exports years of past stays), and parsing is the cost of an
 * import: every event was checked, only those that can block a night are parsed.
 */
function withoutSpans(text: string, spans: [number, number][]): string {
  if (spans.length === 0) return text;
  const kept: string[] = [];
  let from = 0;
  for (const [start, end] of spans) {
    kept.push(text.slice(from, start));
    from = end;
  }
  kept.push(text.slice(from));
  return kept.join('');
}

/**
 * Properties no night depends on. node-ical unescapes every text and parses every date it is
 * given (DTSTAMP, CREATED, LAST-MODIFIED in each event): dropping these lines, folded
 * continuations included, spares about a quarter of its work for a few milliseconds.
 */
const UNUSED_LINES = /^(?:DESCRIPTION|DTSTAMP|CREATED|LAST-MODIFIED|LOCATION|ATTENDEE|ORGANIZER|X-[A-Z0-9-]+|URL|CLASS|PRIORITY|TRANSP|CATEGORIES|COMMENT|CONTACT|GEO|ATTACH)[;:][^\r\n]*(?:\r?\n[ \t][^\r\n]*)*\r?\n/gim;

function withoutUnusedLines(text: string): string {
  return text.replace(UNUSED_LINES, '');
}

function isEvent(component: unknown): component is VEvent {
  return typeof component === 'object' && component !== null && (component as { type?: unknown }).type === 'VEVENT';
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { val?: unknown }).val === 'string') return (value as { val: string }).val;
  return undefined;
}

const isCancelled = (event: { status?: unknown }): boolean => String(event.status ?? '').toUpperCase() === 'CANCELLED';

function collectOccurrences(event: VEvent, uid: string, index: number, options: ParseIcsOptions, out: EventOccurrence[]): void {
  const where = `event ${index} (UID ${uid})`;
  checkDate(event.start, where, 'DTSTART');
  if (event.end !== undefined) checkDate(event.end, where, 'DTEND');
  // A cancelled series cancels every occurrence, overrides included.
  if (isCancelled(event)) return;
  const allDay = isAllDay(event);
  // Checked for every event, in range or not: a feed with an impossible event is not trusted at all.
  if (!allDay && event.end && event.end.getTime() < event.start.getTime()) throw new Untrusted(problem('invalid_date', `${where} ends before it starts`));

  if (!event.rrule) {
    if (!outside(event, options.range)) out.push({ uid, span: spanOf(event, event.start, allDay, null, where, options.timeZone).span });
    return;
  }
  let base: Span | null = null;
  for (const instance of expandRecurringEvent(event, { ...expansionWindow(options.range), expandOngoing: true })) {
    const source = instance.event;
    if (isCancelled(source)) continue;
    if (source !== event) checkDate(source.start, where, 'DTSTART of an override');
    // An override without its own end or duration keeps the series' length.
    const own = source !== event && (explicitEnd(source) || source.duration !== undefined);
    base ??= spanOf(event, event.start, allDay, null, where, options.timeZone);
    out.push({ uid, span: spanOf(own ? source : event, instance.start, allDay, own ? null : base, where, options.timeZone).span });
  }
}

const DAY_MS = 86_400_000;

/**
 * Most events of a big feed are long past: skip them before any date arithmetic. The test is
 * loose on purpose (two days each side covers every zone offset and a missing end), so it
 * only ever skips events that could not reach the range; an invalid end was checked before.
 */
function outside(event: VEvent, range: NightRange): boolean {
  const from = Date.parse(`${range.from}T00:00:00Z`) - 2 * DAY_MS;
  const to = Date.parse(`${range.to}T00:00:00Z`) + 2 * DAY_MS;
  const start = event.start.getTime();
  if (start >= to) return true;
  if (event.duration !== undefined) return false;
  const end = event.end && event.end.getTime() > start ? event.end.getTime() : start + DAY_MS;
  return end < from;
}

function isAllDay(event: VEvent): boolean {
  return event.datetype === 'date' || event.start.dateOnly === true;
}

function checkDate(date: unknown, where: string, prop: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new Untrusted(problem('invalid_date', `${where} has an invalid ${prop}`));
  const tz = (date as DateWithTimeZone).tz;
  // node-ical keeps a TZID it could not resolve as given, then reads the time as the
  // process's local time: a result that would change with the server. Refuse it instead.
  if (tz !== undefined && !knownZone(tz)) {
    throw new Untrusted(problem('invalid_date', `${where} uses the unknown time zone "${String(tz).slice(0, 60)}" in ${prop}`));
  }
}

/** Building an Intl formatter to test a zone costs ~50 µs; a big feed names the same few zones thousands of times. */
const zoneValidity = new Map<string, boolean>();
function knownZone(tz: string): boolean {
  let valid = zoneValidity.get(tz);
  if (valid === undefined) {
    valid = /^[+-]\d{2}:?\d{2}$/.test(tz) || isValidTimeZone(tz);
    zoneValidity.set(tz, valid);
  }
  return valid;
}

interface Span {
  span: EventSpan;
  /** All-day length in nights, or timed length in ms; null without DTEND or DURATION. */
  length: number | null;
}

/**
 * The span of one occurrence starting at `start`. Lengths come from the raw DURATION or from
 * DTEND's calendar fields, not from node-ical's end: it adds a DURATION's days as 24-hour
 * steps in the process zone, which loses a day across a DST change.
 */
function spanOf(event: VEvent, start: Date, allDay: boolean, series: Span | null, where: string, timeZone: string): Span {
  const duration = event.duration === undefined ? null : parseIcsDuration(textOf(event.duration) ?? String(event.duration));
  if (event.duration !== undefined && duration === null) throw new Untrusted(problem('invalid_date', `${where} has an invalid DURATION`));
  const hasEnd = explicitEnd(event);

  if (allDay) {
    const first = localDate(start);
    let length: number | null = series ? series.length : null;
    if (!series) {
      if (duration) length = durationNights(duration);
      else if (hasEnd && event.end) length = daysFrom(localDate(event.start), localDate(event.end), where);
    }
    return { span: { allDay: true, start: first, end: length === null ? null : nightAt(dayIndex(first) + length) }, length };
  }

  const floating = (event.start as DateWithTimeZone).tz === undefined;
  const startWall = floating ? localWallTime(start) : wallTimeAt(timeZone, start.getTime());
  let length: number | null = series ? series.length : null;
  if (!series) {
    if (duration) length = (duration.negative ? -1 : 1) * (duration.days * 86_400 + duration.seconds) * 1000;
    // A floating time is wall clock: its length too, whatever DST the process zone observes.
    else if (hasEnd && event.end) length = floating ? wallMs(localWallTime(event.end)) - wallMs(localWallTime(event.start)) : event.end.getTime() - event.start.getTime();
    if (length !== null && length < 0) throw new Untrusted(problem('invalid_date', `${where} ends before it starts`));
  }
  if (length === null) return { span: { allDay: false, start: startWall, end: null }, length };
  const endWall = floating ? addToWallTime(startWall, length) : wallTimeAt(timeZone, start.getTime() + length);
  return { span: { allDay: false, start: startWall, end: endWall }, length };
}

/** node-ical fills in an end for every event; only the feed's own DTEND counts as one. */
function explicitEnd(event: VEvent): boolean {
  if (!event.end) return false;
  // The implicit end of a timed event equals its start; of an all-day event, the next day.
  // Both read the same as "no end" for a night count, so treating them as absent is exact.
  return event.end.getTime() !== event.start.getTime();
}

function daysFrom(start: Night, end: Night, where: string): number {
  const days = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
  if (days < 0) throw new Untrusted(problem('invalid_date', `${where} ends before it starts`));
  return days;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The calendar date node-ical meant by a local-midnight Date. */
function localDate(date: Date): Night {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function localWallTime(date: Date): WallTime {
  return `${localDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const wallMs = (wall: WallTime): number => Date.parse(`${wall}:00Z`);

function addToWallTime(wall: WallTime, ms: number): WallTime {
  return new Date(wallMs(wall) + ms).toISOString().slice(0, 16);
}

/**
 * The expansion window in node-ical's terms: local-midnight Dates (it compares all-day
 * occurrences by local fields), a day wider each side so that no zone offset clips an
 * occurrence; the nights are cut to the exact range afterwards.
 */
function expansionWindow(range: NightRange): { from: Date; to: Date } {
  const at = (night: Night, shift: number): Date => {
    const [y, m, d] = night.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d + shift);
  };
  return { from: at(range.from, -1), to: at(range.to, 1) };
}

function syntheticUid(event: VEvent): string {
  // Without a UID, node-ical files the event under a random key; a stable one keeps the
  // feed's blocks from being rewritten on every refresh.
  const stamp = (d: Date | undefined): string => (!(d instanceof Date) ? 'x' : isAllDay(event) ? localDate(d) : d.toISOString());
  return `no-uid-${stamp(event.start)}-${stamp(event.end)}`;
}
