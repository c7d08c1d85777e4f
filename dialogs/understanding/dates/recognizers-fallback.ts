/**
 * Microsoft Recognizers as a fallback. They cost ~19 ms a French call and ~3.4 ms an
 * English one whether they find anything or not, and ~2.5 s for the first French call, so
 * the fast extractor handles the common forms (and the usual holidays, Easter-based feasts
 * and US Monday holidays itself) and Recognizers only see messages that (a) gave the
 * extractor no date at all and (b) name something it does not know: "the first week of
 * August", "Mother's Day", "Columbus Day". Their answers still go through our conventions:
 * only future dates, only dates and explicit ranges (never "next week" turned into an
 * invented stay).
 *
 * The module is loaded lazily so a process that never needs it never pays for it; the bot
 * calls warmUp() (understand.ts) at boot so no guest pays the first-call cost.
 *
 * Their cost grows with the text, and faster than linearly on runs of numbers, so they never
 * read more than RECOGNIZERS_WINDOW characters: a longer message shows them only the stretch
 * around the first words that called for them (`recognizersWindow`).
 */
import type { Night } from '../../../domain/calendar/nights';
import type { Locale } from '../../../domain/catalog/locales';
import type { IDateTimeModel } from '@microsoft/recognizers-text-date-time';
import { RECOGNIZERS_WINDOW } from '../limits';
import { near, PhraseSet, wordsOf } from '../phrases';
import { fold, tokenize } from '../text';

type RecognizersModule = typeof import('@microsoft/recognizers-text-date-time');

const CULTURES: Record<Locale, string> = { en: 'en-us', fr: 'fr-fr', es: 'es-es', pt: 'pt-br' };
const models = new Map<Locale, IDateTimeModel>();
let mod: RecognizersModule | null = null;

function model(locale: Locale): IDateTimeModel {
  let m = models.get(locale);
  if (m === undefined) {
    // Lazy require: loading the package costs ~250 ms; most messages never need it.
    mod ??= require('@microsoft/recognizers-text-date-time') as RecognizersModule;
    m = new mod.DateTimeRecognizer(CULTURES[locale]).getDateTimeModel();
    models.set(locale, m);
  }
  return m;
}

const WARM_UP_SAMPLES: Record<Locale, string> = {
  en: 'from December 12 to 15, the first week of August, Thanksgiving',
  fr: 'du 12 au 15 décembre, la première semaine d’août, Pentecôte',
  es: 'del 12 al 15 de diciembre, la primera semana de agosto',
  pt: 'de 12 a 15 de dezembro, a primeira semana de agosto',
};

/** Loads and exercises the models of all four languages (seconds, once). understand.ts `warmUp` calls it. */
export function warmUpRecognizers(): void {
  const ref = new Date(2026, 0, 15, 12);
  for (const locale of Object.keys(CULTURES) as Locale[]) model(locale).parse(WARM_UP_SAMPLES[locale], ref);
}

/** Names the fast extractor does not resolve itself: only these justify a Recognizers call. */
const HOLIDAYS = new PhraseSet(`mother s day|mothers day|father s day|fathers day|martin luther king|mlk day|presidents day|president s day|columbus day|veterans day|juneteenth|groundhog day|april fool s day|cinco de mayo|fete des meres|fete des peres|dia de la madre|dia del padre|dia das maes|dia dos pais|semana santa|holy week|easter week`);
const ORDINAL = new PhraseSet(`first|second|third|fourth|last|premiere|premier|deuxieme|derniere|dernier|primera|primer|segunda|ultima|ultimo|primeira|primeiro`);
const PERIOD_OF = new PhraseSet(`(?:week|weekend|semaine|week end|semana|fin de semana|fim de semana|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|domingo|segunda|terca|quarta|quinta|sexta) (?:of|in|de|du|d|en|em|do|da|del)`);

/** `words`: the folded words of the message (phrases.ts `wordsOf`). */
export function looksDateBearing(words: readonly string[]): boolean {
  return HOLIDAYS.test(words) || near(words, ORDINAL, PERIOD_OF, 0);
}

/** A probe is half a window; probes overlap by half, so a phrase of up to a quarter window lies whole in one. */
const PROBE = RECOGNIZERS_WINDOW / 2;
const PROBE_STEP = PROBE / 2;
/** How far a window edge may move to fall between two words. */
const ALIGN_SLACK = 16;

const textSaysDate = (text: string): boolean => looksDateBearing(wordsOf(tokenize(fold(text))));
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * What Recognizers may read of `text`: all of it up to RECOGNIZERS_WINDOW characters; past
 * that, the window around the first stretch that looks date-bearing (a quarter window before
 * it, the rest after, where the month of "the first week of August" is), cut between words;
 * null when no stretch does. Linear in the text: it folds each character twice at most.
 */
export function recognizersWindow(text: string): string | null {
  if (text.length <= RECOGNIZERS_WINDOW) return textSaysDate(text) ? text : null;
  for (let at = 0; ; at += PROBE_STEP) {
    if (textSaysDate(text.slice(at, at + PROBE))) return windowAround(text, at);
    if (at + PROBE >= text.length) return null;
  }
}

/** RECOGNIZERS_WINDOW characters of a longer `text` around the probe at `at`, between words, never half of an emoji. */
function windowAround(text: string, at: number): string {
  let start = Math.max(0, Math.min(at - PROBE_STEP, text.length - RECOGNIZERS_WINDOW));
  let end = start + RECOGNIZERS_WINDOW;
  if (start > 0 && !isSpace(text.charCodeAt(start - 1))) {
    for (let i = start; i < start + ALIGN_SLACK; i++) {
      if (isSpace(text.charCodeAt(i))) {
        start = i + 1;
        break;
      }
    }
  }
  if (end < text.length && !isSpace(text.charCodeAt(end))) {
    for (let i = end - 1; i > end - ALIGN_SLACK; i--) {
      if (isSpace(text.charCodeAt(i))) {
        end = i;
        break;
      }
    }
  }
  if (isLowSurrogate(text.charCodeAt(start))) start++;
  if (isLowSurrogate(text.charCodeAt(end))) end--;
  return text.slice(start, end);
}

interface Resolution {
  timex?: string;
  type?: string;
  value?: string;
  start?: string;
  end?: string;
}

const NIGHT_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Asks Recognizers for a date or an explicit range, resolved on or after today; they read `recognizersWindow(text)` only. */
export function recognizeStay(text: string, locale: Locale, today: Night): { checkIn: Night; checkOut: Night | null } | null {
  const input = recognizersWindow(text);
  if (input === null) return null;
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // Recognizers read the reference with local getters: build it from today's fields so the
  // process time zone cannot shift it.
  const ref = new Date(y, m - 1, d, 12);
  // Recognizers know "mother's day" but not "mother’s day".
  const results = model(locale).parse(input.replace(/[\u2018\u2019\u02bc]/g, "'"), ref);
  for (const r of results) {
    const values = ((r.resolution as { values?: Resolution[] } | undefined)?.values ?? []).filter((v) => v.timex !== undefined && v.timex !== '');
    for (const v of values) {
      // Single dates only in English: the French tables answered 31 December for both
      // Toussaint and Pâques, so other languages only get explicit ranges.
      if (locale === 'en' && v.type === 'date' && v.value !== undefined && NIGHT_RE.test(v.value) && v.value >= today) return { checkIn: v.value, checkOut: null };
      const explicitRange = v.timex!.startsWith('(') || /-\d\d-W\d\d$/.test(v.timex!);
      if (v.type === 'daterange' && explicitRange && v.start !== undefined && v.end !== undefined && NIGHT_RE.test(v.start) && NIGHT_RE.test(v.end) && v.start >= today && v.end > v.start) {
        return { checkIn: v.start, checkOut: v.end };
      }
    }
  }
  return null;
}

/** For the speed script and tests: how many Recognizers models are loaded. */
export function loadedModels(): number {
  return models.size;
}
