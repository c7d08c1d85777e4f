/**
 * understand(text, opts): what a guest's message says, framework-free and synchronous.
 *
 * Cost: the fast path (fold, tokenize, a hand-written date grammar, keyword intents) takes
 * tens of microseconds, so a search turn stays close to an echo turn. Microsoft Recognizers
 * are consulted only for messages that gave no date to the fast path and name something it
 * does not know (see dates/recognizers-fallback.ts); call warmUp() at boot so that rare
 * call never pays the models' multi-second first load.
 */
import { dateIn } from '../../domain/calendar/nights';
import { findUnitType, scanEntities } from './entities';
import { detectCommand, detectSwitchLocale } from './commands';
import { extractDates, toItems } from './dates/extract';
import { looksDateBearing, recognizeStay } from './dates/recognizers-fallback';
import { stayFrom, type StayGuess } from './dates/stay';
import { classifyIntent } from './intent';
import { detectLocale } from './locale-detect';
import { extractParty } from './party';
import { fold, spaced, tokenize } from './text';
import type { Understanding, UnderstandOptions } from './types';

export { warmUp } from './dates/recognizers-fallback';

/** Guests' messages are short; a pasted novel is cut so one message cannot stall a worker. */
export const MAX_TEXT_LENGTH = 2000;

export function understand(text: string, opts: UnderstandOptions): Understanding {
  const raw = text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
  const today = dateIn(opts.timeZone, opts.now);

  const foldedAll = fold(raw);
  const detected = detectLocale(raw, tokenize(foldedAll), opts.locale);
  const switchLocale = detectSwitchLocale(spaced(foldedAll));
  const locale = switchLocale ?? detected;

  const { entities, rest } = scanEntities(raw, locale);
  const folded = fold(rest);
  const words = spaced(folded);
  const items = toItems(tokenize(folded));
  const facts = extractDates(items, locale);
  let stay: StayGuess = stayFrom(facts, today);
  if (facts.anchors.length === 0 && stay.checkIn === null && looksDateBearing(words)) {
    const r = recognizeStay(rest, locale, today);
    if (r !== null) stay = { checkIn: r.checkIn, checkOut: r.checkOut, nights: stay.nights };
  }
  const party = extractParty(items, words);
  const command = detectCommand(raw, foldedAll);
  const unitTypeId = findUnitType(words, opts.unitTypes);

  const intent = classifyIntent(words, {
    hasStay: stay.checkIn !== null || stay.checkOut !== null,
    hasParty: party.adults !== null || party.children !== null,
    hasLength: stay.nights !== null,
    hasReference: entities.reference !== null,
    hasEmail: entities.email !== null,
    isCommand: command !== null,
    hasUnitType: unitTypeId !== null,
  });

  // A date in a concierge request or in feedback is not a stay ("a table tomorrow at 8",
  // "we loved our weekend").
  const stayCounts = intent !== 'concierge' && intent !== 'feedback';
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
