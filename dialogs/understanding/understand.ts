/**
 * understand(text, opts): what a guest's message says, framework-free and synchronous.
 *
 * Cost: the fast path (fold, tokenize, a hand-written date grammar, keyword intents) takes
 * tens of microseconds, so a search turn stays close to an echo turn, and is linear in the
 * text, which is read up to MAX_MESSAGE_LENGTH characters. Microsoft Recognizers are consulted
 * only for messages that gave no date to the fast path and name something it does not know,
 * and read at most RECOGNIZERS_WINDOW characters (see dates/recognizers-fallback.ts); call
 * warmUp() at boot so that rare call never pays the models' multi-second first load.
 */
import { findUnitType, scanEntities } from './entities';
import { detectCommand, detectSwitchLocale } from './commands';
import { extractDates, toItems } from './dates/extract';
import { looksDateBearing, recognizeStay, warmUpRecognizers } from './dates/recognizers-fallback';
import { stayFrom, type StayGuess } from './dates/stay';
import { classifyIntent } from './intent';
import { detectLocale } from './locale-detect';
import { MAX_MESSAGE_LENGTH } from './limits';
import { extractParty } from './party';
import { wordsOf } from './phrases';
import { fold, tokenize } from './text';
import { todayIn } from './today';
import type { Understanding, UnderstandOptions } from './types';

export function understand(text: string, opts: UnderstandOptions): Understanding {
  // The bot refuses longer messages before this (dialogs/turn.ts); any other caller still
  // gets bounded work.
  const raw = text.length > MAX_MESSAGE_LENGTH ? text.slice(0, MAX_MESSAGE_LENGTH) : text;
  const today = todayIn(opts.timeZone, opts.now);

  const foldedAll = fold(raw);
  const tokensAll = tokenize(foldedAll);
  const wordsAll = wordsOf(tokensAll);
  const detected = detectLocale(raw, tokensAll, opts.locale);
  const switchLocale = detectSwitchLocale(wordsAll);
  const locale = switchLocale ?? detected;

  const { entities, rest } = scanEntities(raw, locale);
  // Most messages carry no email, phone or reference: reuse the first fold then.
  const tokens = rest === raw ? tokensAll : tokenize(fold(rest));
  const words = rest === raw ? wordsAll : wordsOf(tokens);
  const items = toItems(tokens);
  const facts = extractDates(items, locale);
  let stay: StayGuess = stayFrom(facts, anchoredToday(facts, today, opts.anchor));
  if (facts.anchors.length === 0 && stay.checkIn === null && looksDateBearing(words)) {
    const r = recognizeStay(rest, locale, today);
    if (r !== null) stay = { checkIn: r.checkIn, checkOut: r.checkOut, nights: stay.nights };
  }
  const party = extractParty(items, words);
  const command = detectCommand(raw, wordsAll);
  const unitTypeId = findUnitType(` ${words.join(' ')} `, opts.unitTypes);

  const intent = classifyIntent(words, {
    hasStay: stay.checkIn !== null || stay.checkOut !== null,
    hasParty: party.adults !== null || party.children !== null,
    hasLength: stay.nights !== null,
    hasReference: entities.reference !== null,
    hasEmail: entities.email !== null,
    isCommand: command !== null,
    hasUnitType: unitTypeId !== null,
  });

  // A date in a concierge request, a question or feedback is not a stay ("a table tomorrow
  // at 8", "is the restaurant open on Sunday night?", "we loved our weekend").
  const stayCounts = intent !== 'concierge' && intent !== 'feedback' && intent !== 'faq';
  return {
    locale,
    intent,
    stay: stayCounts ? { checkIn: stay.checkIn, checkOut: stay.checkOut } : { checkIn: null, checkOut: null },
    nights: stayCounts ? stay.nights : null,
    party,
    entities: { ...entities, unitTypeId },
    command,
    switchLocale,
  };
}

/** One message per language and shape, some with two-byte text (emoji), to compile our own regexes. */
const WARM_UP_MESSAGES = [
  'Do you have a room from December 12 to 15 for 2 adults?',
  'Avez-vous une chambre du 12 au 15 décembre pour 2 adultes ? 😊',
  '¿Tienen una habitación del 12 al 15 de diciembre para 2 adultos?',
  'Vocês têm um quarto de 12 a 15 de dezembro para 2 adultos?',
  'cancel booking 7KQ2MX, email jo@example.com, call +33 6 12 34 56 78',
  'dispo 12-15/12 pr 2, friday-sunday, 2moro nite, table for 4 at 8pm 👍',
];

/**
 * Call once at boot (takes seconds): runs the fast path on sample messages, then loads and
 * exercises Recognizers for all four languages so no guest pays their ~2.5 s first call.
 * Order matters: V8 stops optimizing regexes compiled after Recognizers' thousands, so ours
 * are compiled first (and phrases.ts keeps the hot keyword matching off regexes anyway).
 */
export function warmUp(): void {
  const now = new Date();
  for (let round = 0; round < 3; round++) for (const m of WARM_UP_MESSAGES) understand(m, { now, timeZone: 'UTC' });
  warmUpRecognizers();
}

/**
 * Bare days of the month resolve from the first day of the month under discussion when the
 * dialog gives one, so a mid-conversation "the 14th" stays in that month. Anything else (a
 * month name, "tomorrow", a weekday) keeps today as its reference.
 */
function anchoredToday(facts: ReturnType<typeof extractDates>, today: string, anchor: string | undefined): string {
  if (!anchor) return today;
  const bareDays = facts.anchors.length > 0 && facts.anchors.every((a) => a.ref.kind === 'cal' && a.ref.month === null && a.ref.year === null && !a.ref.nextMonth);
  const monthStart = `${anchor.slice(0, 7)}-01`;
  return bareDays && monthStart > today ? monthStart : today;
}
