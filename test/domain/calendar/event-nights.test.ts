import { DEFAULT_NIGHT_RULES, nightsOfSpan, type EventSpan, type NightRules } from '../../../domain/calendar/event-nights';
import { blocksOf } from '../../../domain/calendar/feed-blocks';
import { durationNights, parseIcsDuration } from '../../../domain/calendar/ics-duration';
import { wallTimeAt } from '../../../domain/calendar/wall-clock';

const range = { from: '2027-01-01', to: '2028-01-01' };
const nights = (span: EventSpan, rules: NightRules = DEFAULT_NIGHT_RULES, r = range) => nightsOfSpan(span, rules, r);

describe('all-day events', () => {
  it('block [DTSTART, DTEND): DTEND is the departure day', () => {
    expect(nights({ allDay: true, start: '2027-03-10', end: '2027-03-13' })).toEqual(['2027-03-10', '2027-03-11', '2027-03-12']);
  });

  it('block one night without DTEND, and one when DTEND repeats DTSTART', () => {
    expect(nights({ allDay: true, start: '2027-03-10', end: null })).toEqual(['2027-03-10']);
    expect(nights({ allDay: true, start: '2027-03-10', end: '2027-03-10' })).toEqual(['2027-03-10']);
  });

  it('read DTEND as the last night for feeds that export it so', () => {
    const lastNight = { ...DEFAULT_NIGHT_RULES, allDayEnd: 'last-night' as const };
    expect(nights({ allDay: true, start: '2027-06-01', end: '2027-06-03' }, lastNight)).toEqual(['2027-06-01', '2027-06-02', '2027-06-03']);
  });

  it('are cut to the range without building the nights outside it', () => {
    const far = nights({ allDay: true, start: '2027-12-30', end: '2099-01-01' });
    expect(far).toEqual(['2027-12-30', '2027-12-31']);
    expect(nights({ allDay: true, start: '2026-12-30', end: '2027-01-02' })).toEqual(['2027-01-01']);
    expect(nights({ allDay: true, start: '2025-01-01', end: '2025-02-01' })).toEqual([]);
  });
});

describe('timed events, read as wall clock in the property zone', () => {
  const timed = (start: string, end: string | null) => nights({ allDay: false, start, end });

  it('block one night from 15:00 to 11:00 the next day', () => {
    expect(timed('2027-05-05T15:00', '2027-05-06T11:00')).toEqual(['2027-05-05']);
  });

  it('block each night they touch between afternoon and morning: Friday 18:00 to Sunday 12:00 is two nights', () => {
    expect(timed('2027-03-05T18:00', '2027-03-07T12:00')).toEqual(['2027-03-05', '2027-03-06']);
    expect(timed('2027-03-05T23:30', '2027-03-06T02:00')).toEqual(['2027-03-05']);
  });

  it('leave nights alone when they only fill the middle of a day', () => {
    expect(timed('2027-05-10T12:00', '2027-05-10T14:00')).toEqual([]);
  });

  it('block the departing and the arriving guest’s nights when they run through both ends of a day', () => {
    // A boiler service from 09:00 to 17:00 meets the morning of one stay and the afternoon of the next.
    expect(timed('2027-05-10T09:00', '2027-05-10T17:00')).toEqual(['2027-05-09', '2027-05-10']);
  });

  it('block the night of their start date without an end, or with an end not after the start', () => {
    expect(timed('2027-08-20T16:00', null)).toEqual(['2027-08-20']);
    expect(timed('2027-08-20T16:00', '2027-08-20T16:00')).toEqual(['2027-08-20']);
  });

  it('are cut to the range', () => {
    expect(nights({ allDay: false, start: '2027-12-31T15:00', end: '2028-01-03T11:00' })).toEqual(['2027-12-31']);
  });
});

describe('a feed’s blocks', () => {
  it('hold one entry a night, named by the smallest uid, sorted by night', () => {
    const blocks = blocksOf(
      [
        { uid: 'b', span: { allDay: true, start: '2027-01-02', end: '2027-01-04' } },
        { uid: 'a', span: { allDay: true, start: '2027-01-03', end: '2027-01-05' } },
      ],
      DEFAULT_NIGHT_RULES,
      range,
    );
    expect(blocks).toEqual([
      { night: '2027-01-02', uid: 'b' },
      { night: '2027-01-03', uid: 'a' },
      { night: '2027-01-04', uid: 'a' },
    ]);
  });
});

describe('durations', () => {
  it('parse RFC 5545 values and refuse malformed ones', () => {
    expect(parseIcsDuration('P3D')).toEqual({ negative: false, days: 3, seconds: 0 });
    expect(parseIcsDuration('P1W')).toEqual({ negative: false, days: 7, seconds: 0 });
    expect(parseIcsDuration('PT43H')).toEqual({ negative: false, days: 0, seconds: 43 * 3600 });
    expect(parseIcsDuration('-P1DT2H30M5S')).toEqual({ negative: true, days: 1, seconds: 2 * 3600 + 30 * 60 + 5 });
    for (const bad of ['P', 'PT', '3D', 'P1M', 'P1DT', 'P1DX', '']) expect([bad, parseIcsDuration(bad)]).toEqual([bad, null]);
  });

  it('round a time part up to whole nights for all-day events', () => {
    expect(durationNights({ negative: false, days: 1, seconds: 1 })).toBe(2);
    expect(durationNights({ negative: true, days: 2, seconds: 0 })).toBe(0);
  });
});

describe('wall time', () => {
  it('reads an instant in a zone whatever the process zone', () => {
    expect(wallTimeAt('Europe/Paris', Date.parse('2027-07-20T13:00:00Z'))).toBe('2027-07-20T15:00');
    expect(wallTimeAt('Europe/Paris', Date.parse('2027-01-20T13:00:00Z'))).toBe('2027-01-20T14:00');
    expect(wallTimeAt('Pacific/Kiritimati', Date.parse('2027-01-20T13:00:00Z'))).toBe('2027-01-21T03:00');
    expect(wallTimeAt('America/Los_Angeles', Date.parse('2027-01-20T05:00:00Z'))).toBe('2027-01-19T21:00');
  });
});
