import type { Night } from '../../domain/calendar/nights';
import type { Locale } from '../../domain/catalog/locales';
import { t } from './catalog';

const TAGS: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', pt: 'pt-PT' };

/** Money is integer minor units everywhere; only here, for display, does it become a decimal. */
/** Intl formatters cost far more to build than to use: one per locale and option set. */
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let format = formats.get(key) as F | undefined;
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const full = cached(`money|${locale}|${currency}`, () => new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency }));
  const digits = full.resolvedOptions().maximumFractionDigits ?? 2;
  if (minor % 10 ** digits !== 0) return full.format(minor / 10 ** digits);
  const whole = cached(`money0|${locale}|${currency}`, () => new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency, minimumFractionDigits: 0 }));
  return whole.format(minor / 10 ** digits);
}

/** A count as each language writes it: "2,000", "2 000", "2000". */
export function formatCount(n: number, locale: Locale): string {
  return cached(`count|${locale}`, () => new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: 0 })).format(n);
}

/** "Thu 12 Dec"; a night is a calendar date, so it is formatted in UTC to stay that date. */
export function formatNight(night: Night, locale: Locale, withYear = false): string {
  const [y, m, d] = night.split('-').map(Number) as [number, number, number];
  const format = cached(`night|${locale}|${withYear}`, () =>
    new Intl.DateTimeFormat(TAGS[locale], { weekday: 'short', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }),
  );
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant shown in the property's time zone: "3 Mar, 16:00". */
export function formatInstant(instant: Date, timeZone: string, locale: Locale): string {
  return cached(`instant|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(TAGS[locale], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone })).format(instant);
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
