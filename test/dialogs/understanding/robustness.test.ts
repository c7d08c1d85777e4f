/** Whatever a guest types, understand() answers with a well-formed Understanding. */
import fc from 'fast-check';
import { isNight } from '../../../domain/calendar/nights';
import { INTENTS } from '../../../dialogs/understanding/types';
import { understand } from '../../../dialogs/understanding/understand';

const WORDS = ['du', 'au', '12', '15', 'dec', 'décembre', 'to', 'from', '-', '/', 'nights', 'nuits', 'for', 'pour', '2', 'adults', 'weekend', 'next', 'friday', 'tonight', 'sorry', 'pardon', '31', '0', '99', 'de', 'a', 'el', 'the', 'and', '+', 'baby', 'family', 'of', '4', 'with', 'kids', '2026', '29', 'feb', '👍', 'ref', 'AB3DE5', '06 12 34 56 78', 'x@y.fr'];

function wellFormed(text: string, now: Date): void {
  const u = understand(text, { now, timeZone: 'Europe/Paris' });
  expect(INTENTS).toContain(u.intent);
  for (const n of [u.stay.checkIn, u.stay.checkOut]) if (n !== null) expect(isNight(n)).toBe(true);
  if (u.stay.checkIn !== null && u.stay.checkOut !== null) expect(u.stay.checkOut > u.stay.checkIn).toBe(true);
  for (const c of [u.party.adults, u.party.children, u.nights]) if (c !== null) expect(Number.isInteger(c) && c >= 0).toBe(true);
}

describe('robustness', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }), (text, now) => wellFormed(text, now)),
      { numRuns: 500 },
    );
  });

  it('never throws on date-like word salad', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 14 }), fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }), (words, now) => wellFormed(words.join(' '), now)),
      { numRuns: 1500 },
    );
  });

  it('copes with empty, blank and very long messages', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    wellFormed('', now);
    wellFormed('   \n\t ', now);
    wellFormed('du 12 au 15 décembre '.repeat(5000), now);
  });
});
