import type { Night } from '../../domain/calendar/nights';
import type { Locale } from '../../domain/catalog/locales';
import { t } from './catalog';

const TAGS: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', pt: 'pt-PT' };

/** Money is integer minor units everywhere; only here, for display, does it become a decimal. */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const format = new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const whole = minor % 10 ** digits === 0;
  const shown = new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency, minimumFractionDigits: whole ? 0 : digits });
  return shown.format(minor / 10 ** digits);
}

/** "Thu 12 Dec"; a night is a calendar date, so it is formatted in UTC to stay that date. */
export function formatNight(night: Night, locale: Locale, withYear = false): string {
  const [y, m, d] = night.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(TAGS[locale], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant shown in the property's time zone: "3 Mar, 16:00". */
export function formatInstant(instant: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(TAGS[locale], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(instant);
}

export function formatParty(party: { adults: number; children: number }, locale: Locale): string {
  const adults = t(locale, 'adults', { n: party.adults });
  return party.children > 0 ? `${adults} ${t(locale, 'and')} ${t(locale, 'children', { n: party.children })}` : adults;
}

export function formatStay(stay: { checkIn: Night; checkOut: Night }, nights: number, locale: Locale): string {
  const withYear = stay.checkIn.slice(0, 4) !== stay.checkOut.slice(0, 4);
  return t(locale, 'stayRange', {
    from: formatNight(stay.checkIn, locale, withYear),
    to: formatNight(stay.checkOut, locale, withYear),
    nights: t(locale, 'nights', { n: nights }),
  });
}
