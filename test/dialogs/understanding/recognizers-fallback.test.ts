/**
 * Microsoft Recognizers are a fallback for names the fast extractor does not know. Loading
 * all four languages costs seconds once, so this file pays it once, in warmUp().
 */
import { loadedModels, looksDateBearing } from '../../../dialogs/understanding/dates/recognizers-fallback';
import { warmUp } from '../../../dialogs/understanding/understand';
import { wordsOf } from '../../../dialogs/understanding/phrases';
import { fold, tokenize } from '../../../dialogs/understanding/text';
import { say, stayOf } from './helpers';

describe('Recognizers fallback', () => {
  it('is not consulted for messages the fast extractor handles', () => {
    say('Do you have a room from December 12 to 15 for 2 adults?');
    say('Avez-vous une chambre du 12 au 15 décembre pour 2 adultes ?');
    say('I booked last week, can you check it');
    say('table for 4 at 8pm');
    expect(loadedModels()).toBe(0);
  });

  it('is only asked about names the extractor does not know', () => {
    const hint = (t: string): boolean => looksDateBearing(wordsOf(tokenize(fold(t))));
    expect(hint('a room for Thanksgiving')).toBe(true);
    expect(hint('the first week of August')).toBe(true);
    expect(hint('la première semaine d’août')).toBe(true);
    expect(hint('du 12 au 15 décembre')).toBe(false);
    expect(hint('last week')).toBe(false);
  });

  it('warms up all four languages once, then resolves what only it knows, by our conventions', () => {
    warmUp();
    expect(loadedModels()).toBe(4);
    // Thanksgiving 2026 is Thursday November 26: a date, so an arrival only.
    expect(stayOf('a room for Thanksgiving', '2026-11-20')).toEqual(['2026-11-26', null]);
    // Past the day, the next one.
    expect(stayOf('a room for Thanksgiving', '2026-11-27')[0]).toBe('2027-11-25');
    // A week of a month is an explicit range.
    expect(stayOf('the first week of August', '2026-11-20')).toEqual(['2027-08-02', '2027-08-09']);
  }, 60000);
});
