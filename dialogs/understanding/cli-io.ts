/**
 * The line protocol of `npm run understand`, kept apart from stdin/stdout so tests and the
 * scorer share it. Input lines are `{id, text, locale?, now, timeZone?}`; `now` is a
 * `YYYY-MM-DD` date, taken as noon UTC of that day in DEFAULT_TIME_ZONE (Europe/Paris),
 * which is that same date there, or a full ISO instant. Output lines are
 * `{id, locale, intent, checkIn, checkOut, adults, children}`, null where the text does
 * not say; a bad line gives `{id?, error}`.
 */
import { z } from 'zod';
import { isNight, isValidTimeZone } from '../../domain/calendar/nights';
import { LOCALES, type Locale } from '../../domain/catalog/locales';
import type { Intent } from './types';
import { understand } from './understand';

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** Noon UTC of a calendar date: the same date in every time zone from UTC-11 to UTC+11. */
export function nowOfDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
}

const ISO_INSTANT = z.iso.datetime({ offset: true });

const InputLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  locale: z.enum(LOCALES).optional().nullable(),
  now: z.string().refine((v) => isNight(v) || ISO_INSTANT.safeParse(v).success, 'expected a YYYY-MM-DD date or an ISO instant'),
  timeZone: z.string().refine(isValidTimeZone, 'not an IANA time zone').optional(),
});

export interface OutputLine {
  id: string | number;
  locale: Locale;
  intent: Intent;
  checkIn: string | null;
  checkOut: string | null;
  adults: number | null;
  children: number | null;
}

export interface ErrorLine {
  id?: string | number;
  error: string;
}

export function processLine(line: string): OutputLine | ErrorLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { error: 'not JSON' };
  }
  const parsed = InputLine.safeParse(json);
  if (!parsed.success) {
    const id = typeof json === 'object' && json !== null && 'id' in json ? (json as { id: unknown }).id : undefined;
    const issue = parsed.error.issues[0];
    const error = issue !== undefined ? `${issue.path.join('.') || 'line'}: ${issue.message}` : 'invalid line';
    return typeof id === 'string' || typeof id === 'number' ? { id, error } : { error };
  }
  const { id, text, locale, now, timeZone } = parsed.data;
  const instant = now.length === 10 ? nowOfDate(now) : new Date(now);
  if (Number.isNaN(instant.getTime())) return { id, error: 'now: not a date' };
  const u = understand(text, { now: instant, timeZone: timeZone ?? DEFAULT_TIME_ZONE, ...(locale ? { locale } : {}) });
  return { id, locale: u.locale, intent: u.intent, checkIn: u.stay.checkIn, checkOut: u.stay.checkOut, adults: u.party.adults, children: u.party.children };
}
