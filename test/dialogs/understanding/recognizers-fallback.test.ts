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
    expect(stayOf('a room for Thanksgiving', '2026-11-20')).toEqual(['2026-11-26', null]);
    expect(stayOf('pour la Pentecôte', '2026-11-20')).toEqual(['2027-05-16', null]);
    expect(loadedModels()).toBe(0);
  });

  it('is only asked about names the extractor does not know', () => {
    const hint = (t: string): boolean => looksDateBearing(wordsOf(tokenize(fold(t))));
    expect(hint('a room for Mother’s Day')).toBe(true);
    expect(hint('a room for Thanksgiving')).toBe(false);
    expect(hint('the first week of August')).toBe(true);
    expect(hint('la première semaine d’août')).toBe(true);
    expect(hint('du 12 au 15 décembre')).toBe(false);
    expect(hint('last week')).toBe(false);
  });

  it('warms up all four languages once, then resolves what only it knows, by our conventions', () => {
    warmUp();
    expect(loadedModels()).toBe(4);
    // Mother's Day (US) 2027 is Sunday May 9: a date, so an arrival only.
    expect(stayOf('a room for Mother’s Day', '2026-11-20')).toEqual(['2027-05-09', null]);
    // Past the day, the next one (May 14, 2028).
    expect(stayOf('a room for Mother’s Day', '2027-05-10')[0]).toBe('2028-05-14');
    // A week of a month is an explicit range.
    expect(stayOf('the first week of August', '2026-11-20')).toEqual(['2027-08-02', '2027-08-09']);
  }, 60000);
});
