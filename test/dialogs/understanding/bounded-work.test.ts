/**
 * Bounded work per message: understanding reads at most MAX_MESSAGE_LENGTH characters, and
 * Microsoft Recognizers, whose cost grows with what they scan, read at most RECOGNIZERS_WINDOW
 * of them, once. Counted, not timed: the calls Recognizers get and the length of their input.
 */
import { DateTimeModel } from '@microsoft/recognizers-text-date-time';
import { recognizersWindow } from '../../../dialogs/understanding/dates/recognizers-fallback';
import { MAX_MESSAGE_LENGTH, RECOGNIZERS_WINDOW } from '../../../dialogs/understanding/limits';
import { warmUp } from '../../../dialogs/understanding/understand';
import { say, stayOf } from './helpers';

const fill = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const FILLER = 'we are looking forward to our holiday in the countryside with the children ';

describe('the window Recognizers read', () => {
  it('is the whole text when it is short and says something only they know, else nothing', () => {
    expect(recognizersWindow('a room for the first week of August')).toBe('a room for the first week of August');
    expect(recognizersWindow('a room from the 12th to the 15th')).toBeNull();
    expect(recognizersWindow(fill(FILLER, 1500))).toBeNull();
  });

  it.each([
    ['at the start', (p: string) => `${p} ${fill(FILLER, 1900)}`],
    ['in the middle', (p: string) => `${fill(FILLER, 950)} ${p} ${fill(FILLER, 950)}`],
    ['at the end', (p: string) => `${fill(FILLER, 1900)} ${p}`],
  ])('of a long message holds the phrase that called them, whole, when it is %s', (_where, place) => {
    for (const phrase of ['the first week of August', 'la première semaine d’août', 'for Mother’s Day next year', 'la primera semana de agosto']) {
      const window = recognizersWindow(place(phrase));
      expect(window).not.toBeNull();
      expect(window!.length).toBeLessThanOrEqual(RECOGNIZERS_WINDOW);
      expect(window).toContain(phrase);
    }
  });

  it('is cut between words, and never through an emoji', () => {
    const text = `${fill('wonderful 😀 ', 900)} the first week of August ${fill('😀 lovely ', 900)}`;
    const window = recognizersWindow(text)!;
    expect(window).toContain('the first week of August');
    expect(text).toContain(window);
    expect(/^\S/.test(window) && /\S$/.test(window)).toBe(true);
    expect(/\s/.test(text[text.indexOf(window) - 1]!) && /\s/.test(text[text.indexOf(window) + window.length]!)).toBe(true);
    expect(window).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });
});

describe('understanding a long message', () => {
  let parse: jest.SpyInstance;
  beforeAll(() => {
    warmUp();
    parse = jest.spyOn(DateTimeModel.prototype, 'parse');
  }, 60_000);
  beforeEach(() => parse.mockClear());
  afterAll(() => parse.mockRestore());

  it('still finds the stay Recognizers name, late in a message at the cap', () => {
    const text = `${fill(FILLER, MAX_MESSAGE_LENGTH - 40)} the first week of August`;
    expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(stayOf(text, '2026-11-20', 'en')).toEqual(['2027-08-02', '2027-08-09']);
    expect(parse).toHaveBeenCalledTimes(1);
    expect((parse.mock.calls[0]![0] as string).length).toBeLessThanOrEqual(RECOGNIZERS_WINDOW);
  });

  it.each([
    ['date phrases', 'the first week of August '],
    ['French date phrases', 'la première semaine d’août '],
    ['a holiday among numbers', 'Mother’s Day 12 13 14 15 16 17 18 19 '],
    ['ordinals among emojis', 'first 😀 week of 😀 12 '],
  ])('asks Recognizers at most once, about at most the window, for %s up to the cap', (_name, unit) => {
    for (const locale of ['en', 'fr'] as const) {
      parse.mockClear();
      say(fill(unit, MAX_MESSAGE_LENGTH), '2026-11-20', locale);
      expect(parse.mock.calls.length).toBeLessThanOrEqual(1);
      for (const [input] of parse.mock.calls) expect((input as string).length).toBeLessThanOrEqual(RECOGNIZERS_WINDOW);
    }
  });

  it('reads nothing past the cap', () => {
    const u = say(`${fill(FILLER, MAX_MESSAGE_LENGTH)} from December 12 to 15 for 2 adults, the first week of August`, '2026-11-20', 'en');
    expect(u.stay).toEqual({ checkIn: null, checkOut: null });
    expect(u.party.adults).toBeNull();
    expect(parse).not.toHaveBeenCalled();
  });

  it('reads a long list of dates or corrections as before', () => {
    // Shapes whose handling once grew with the square of their length.
    expect(stayOf('the 12th, 13th and 14th of December', '2026-11-20')).toEqual(['2026-12-12', '2026-12-15']);
    expect(stayOf('the 5th, 6th, 7th to 9th of December', '2026-11-20')).toEqual(['2026-12-07', '2026-12-09']);
    expect(stayOf(`${fill('the 5th, ', 1200)}6th, 7th to 9th of December`, '2026-11-20')).toEqual(['2026-12-07', '2026-12-09']);
    expect(stayOf('12-15 dec, sorry, the 16th', '2026-11-20')).toEqual(['2026-12-12', '2026-12-16']);
    expect(stayOf(`12-15 dec, ${fill('sorry, ', 600)}the 16th`, '2026-11-20')).toEqual(['2026-12-12', '2026-12-16']);
  });
});
