import type { Locale } from '../../../domain/catalog/locales';
import { nowOfDate, DEFAULT_TIME_ZONE } from '../../../dialogs/understanding/cli-io';
import type { Understanding } from '../../../dialogs/understanding/types';
import { understand } from '../../../dialogs/understanding/understand';

/** Days named in the tables below (2026-11-20 is a Friday). */
export const FRI = '2026-11-20';
export const SAT = '2026-11-28';
export const SUN = '2026-11-29';
export const MON = '2026-11-23';
export const LATE_DEC = '2026-12-27'; // a Sunday

export function say(text: string, now = FRI, locale?: Locale): Understanding {
  return understand(text, { now: nowOfDate(now), timeZone: DEFAULT_TIME_ZONE, ...(locale ? { locale } : {}) });
}

export function stayOf(text: string, now = FRI, locale?: Locale): [string | null, string | null] {
  const u = say(text, now, locale);
  return [u.stay.checkIn, u.stay.checkOut];
}

export function partyOf(text: string, now = FRI): [number | null, number | null] {
  const u = say(text, now);
  return [u.party.adults, u.party.children];
}
