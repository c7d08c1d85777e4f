import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIcsFeed } from '../../../adapters/calendar/ical/parse-ics';
import { DEFAULT_NIGHT_RULES } from '../../../domain/calendar/event-nights';
import { scanIcs } from '../../../domain/calendar/ics-scan';
import { bigFeed } from '../../fixtures/ical/big-feed';
import { BROKEN, EXPECTED, RANGE, ZONE } from './expected-nights';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'ical');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const parse = (text: string, over: Partial<typeof DEFAULT_NIGHT_RULES> = {}, range = RANGE, timeZone = ZONE) =>
  parseIcsFeed(text, { timeZone, range, rules: { ...DEFAULT_NIGHT_RULES, ...over } });
const nightsOf = (text: string, over: Partial<typeof DEFAULT_NIGHT_RULES> = {}) => {
  const r = parse(text, over);
  if (!r.ok) throw new Error(`${r.problem.code}: ${r.problem.message}`);
  return r.blocks.map((b) => b.night);
};

describe(`parsing platform feeds (process TZ=${process.env.TZ ?? 'unset'})`, () => {
  it.each(Object.keys(EXPECTED))('%s blocks the expected nights', (name) => {
    expect(nightsOf(read(name))).toEqual(EXPECTED[name]);
  });

  it.each(Object.entries(BROKEN))('%s is refused as %s', (name, code) => {
    const r = parse(read(name));
    expect(r.ok ? 'accepted' : r.problem.code).toBe(code);
  });

  it('reads DTEND as the last night when the feed is set so', () => {
    expect(nightsOf(read('channel-manager-last-night.ics'), { allDayEnd: 'last-night' })).toEqual(['2027-06-01', '2027-06-02', '2027-06-03']);
  });

  it('keeps the event kind of each uid, and never the summary', () => {
    const r = parse(read('vrbo.ics'));
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.kinds).toEqual({ '7d5e9b1c-3a2f-4e8d-b6c0-1f2e3d4c5b6a': 'reservation', '2f4e6a8c-0b1d-4c3e-9f5a-7b6c8d9e0a1f': 'closure' });
    expect(JSON.stringify(r)).not.toContain('Marie');
  });

  it('names a night with one uid even where events overlap, and keeps uids stable across parses', () => {
    const a = parse(read('booking-com.ics'));
    const b = parse(read('booking-com.ics'));
    expect(a).toEqual(b);
    if (!a.ok) throw new Error('refused');
    expect(a.blocks.find((x) => x.night === '2027-01-18')?.uid).toBe('9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b@booking.com');
  });

  it('places timed events in the property zone: the same feed blocks other nights in Tokyo', () => {
    const r = parse(read('google.ics'), {}, RANGE, 'Asia/Tokyo');
    if (!r.ok) throw new Error(r.problem.message);
    // Friday 18:00 → Sunday 12:00 in Paris is Saturday 02:00 → Sunday 20:00 in Tokyo: the small
    // hours belong to Friday's night, and Sunday's evening to Sunday's. 20 July 13:00Z → 22 July
    // 09:00Z is 22:00 → 18:00 in Tokyo: three nights instead of two.
    const nights = r.blocks.map((b) => b.night);
    expect(nights.filter((n) => n >= '2027-03-05' && n <= '2027-03-08')).toEqual(['2027-03-05', '2027-03-06', '2027-03-07']);
    expect(nights.filter((n) => n >= '2027-07-19' && n <= '2027-07-23')).toEqual(['2027-07-20', '2027-07-21', '2027-07-22']);
  });

  it('counts an all-day DURATION in calendar days, not in 24-hour steps of the process zone', () => {
    // node-ical's own end for this event lands on 7 November when the process runs in Los Angeles
    // (DST ends that night there): the child-process tests run this fixture under that zone.
    expect(nightsOf(read('channel-manager.ics')).filter((n) => n >= '2027-11-01')).toEqual(['2027-11-06', '2027-11-07']);
  });

  it('expands a daily rule without end only over the range', () => {
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:d@x', 'DTSTART;VALUE=DATE:20200101', 'DTEND;VALUE=DATE:20200102', 'RRULE:FREQ=DAILY', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const r = parse(text, {}, { from: '2027-02-27', to: '2027-03-03' });
    expect(r.ok && r.blocks.map((b) => b.night)).toEqual(['2027-02-27', '2027-02-28', '2027-03-01', '2027-03-02']);
  });

  it('gives an event without UID a uid that does not change between refreshes', () => {
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270310', 'DTEND;VALUE=DATE:20270312', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const a = parse(text);
    expect(a.ok && a.blocks).toEqual([
      { night: '2027-03-10', uid: 'no-uid-2027-03-10-2027-03-12' },
      { night: '2027-03-11', uid: 'no-uid-2027-03-10-2027-03-12' },
    ]);
  });

  it('refuses a timed event that ends before it starts', () => {
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:neg@x', 'DTSTART:20270310T150000Z', 'DTEND;TZID=Europe/Paris:20270310T100000', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const r = parse(text);
    expect(r.ok ? 'accepted' : r.problem).toEqual({ code: 'invalid_date', message: 'event 1 (UID neg@x) ends before it starts' });
  });
});

describe('parsing only what can reach the range', () => {
  it('gives the same nights as parsing everything, on a feed of many years', () => {
    const text = bigFeed(2_000);
    const range = { from: '2026-11-22', to: '2028-11-21' };
    const pruned = parse(text, {}, range);
    const full = parseIcsFeed(text, { timeZone: ZONE, range, rules: DEFAULT_NIGHT_RULES, prune: false });
    expect(pruned.ok && pruned.blocks.length).toBeGreaterThan(100);
    expect(pruned).toEqual(full);
  });

  it('keeps series, overrides and every version of a repeated uid for the parser', () => {
    const v = (uid: string, ...props: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, ...props, 'END:VEVENT'];
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      ...v('old@x', 'DTSTART;VALUE=DATE:20200101', 'DTEND;VALUE=DATE:20200105'),
      ...v('series@x', 'DTSTART;VALUE=DATE:20200106', 'DTEND;VALUE=DATE:20200107', 'RRULE:FREQ=YEARLY'),
      ...v('moved@x', 'SEQUENCE:0', 'DTSTART;VALUE=DATE:20270310', 'DTEND;VALUE=DATE:20270312'),
      ...v('moved@x', 'SEQUENCE:1', 'DTSTART;VALUE=DATE:20200310', 'DTEND;VALUE=DATE:20200312'),
      ...v('future@x', 'DTSTART;VALUE=DATE:20350101', 'DURATION:P2D'),
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const scanned = scanIcs(text, { from: '2027-01-01', to: '2028-01-01' });
    if (!scanned.ok) throw new Error(scanned.problem.message);
    expect(scanned.outside.map(([a, b]) => text.slice(a, b).split('\r\n')[1])).toEqual(['UID:old@x', 'UID:future@x']);
    // The newer version of moved@x moved it out of the range: it must win, and block nothing.
    const r = parse(text);
    expect(r.ok && r.blocks.map((b) => `${b.night} ${b.uid}`)).toEqual(['2027-01-06 series@x']);
  });

  it('reads a feed that starts with a byte-order mark', () => {
    expect(nightsOf(`\ufeff${read('booking-com.ics')}`)).toEqual(EXPECTED['booking-com.ics']);
  });
});
