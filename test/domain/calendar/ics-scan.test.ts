import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanIcs } from '../../../domain/calendar/ics-scan';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'ical');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const cal = (...body: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...body, 'END:VCALENDAR', ''].join('\r\n');
const event = (...props: string[]) => ['BEGIN:VEVENT', 'UID:e1@test', 'DTSTAMP:20261121T000000Z', ...props, 'END:VEVENT'];
const codeOf = (text: string) => {
  const r = scanIcs(text);
  return r.ok ? 'ok' : r.problem.code;
};

describe('the structure check of a feed', () => {
  it('accepts every platform fixture and counts its events', () => {
    const counts: Record<string, number> = { 'airbnb.ics': 4, 'booking-com.ics': 3, 'vrbo.ics': 2, 'google.ics': 6, 'outlook.ics': 3, 'channel-manager.ics': 9, 'empty.ics': 0 };
    for (const [name, events] of Object.entries(counts)) expect([name, scanIcs(fixture(name))]).toEqual([name, { ok: true, events, outside: [] }]);
  });

  it('names what is wrong with each broken fixture', () => {
    expect(codeOf(fixture('html.ics'))).toBe('html');
    expect(codeOf(fixture('truncated.ics'))).toBe('truncated');
    expect(codeOf(fixture('bad-date.ics'))).toBe('invalid_date');
    expect(codeOf(fixture('not-calendar.ics'))).toBe('not_calendar');
    expect(scanIcs(fixture('bad-date.ics'))).toEqual({
      ok: false,
      problem: { code: 'invalid_date', message: 'event 2 (UID 6e7f8091a2b3c4d5e6f708192a3b4c5d@booking.com) has an invalid DTSTART "20270230"' },
    });
  });

  it('refuses an empty body, and an HTML page even after a byte-order mark or blank lines', () => {
    expect(codeOf('')).toBe('not_calendar');
    expect(codeOf('  \r\n ')).toBe('not_calendar');
    expect(codeOf('\ufeff\r\n\r\n<!doctype html><p>Service unavailable</p>')).toBe('html');
  });

  it('accepts LF, CRLF, a byte-order mark and folded lines', () => {
    expect(codeOf(cal(...event('DTSTART;VALUE=DATE:20270310')).replace(/\r\n/g, '\n'))).toBe('ok');
    expect(codeOf(`\ufeff${cal(...event('DTSTART;VALUE=DATE:2027', ' 0310'))}`)).toBe('ok');
  });

  it('refuses a file cut before END:VCALENDAR, between events or inside the last line', () => {
    expect(codeOf(cal(...event('DTSTART;VALUE=DATE:20270310')).replace('END:VCALENDAR\r\n', ''))).toBe('truncated');
    expect(codeOf(cal(...event('DTSTART;VALUE=DATE:20270310')).replace('END:VCALENDAR\r\n', 'END:VCALEN'))).toBe('truncated');
  });

  it('refuses components closed in the wrong order or content after the calendar', () => {
    expect(codeOf(cal('BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270310', 'END:VTODO'))).toBe('malformed');
    expect(codeOf(`${cal()}SUMMARY:trailing\r\n`)).toBe('malformed');
    expect(codeOf(cal('BEGIN:VEVENT', 'BEGIN:VEVENT', 'END:VEVENT', 'END:VEVENT'))).toBe('malformed');
  });

  it.each([
    ['no DTSTART', event('DTEND;VALUE=DATE:20270312')],
    ['two DTSTARTs', event('DTSTART;VALUE=DATE:20270310', 'DTSTART;VALUE=DATE:20270311')],
    ['an impossible date', event('DTSTART;VALUE=DATE:20270230')],
    ['a dashed date', event('DTSTART;VALUE=DATE:2027-03-10')],
    ['a date-time given as VALUE=DATE', event('DTSTART;VALUE=DATE:20270310T100000')],
    ['an hour 24', event('DTSTART:20270310T240000Z')],
    ['a bad DTEND', event('DTSTART:20270310T150000Z', 'DTEND:20270311T1100')],
    ['an end before the start', event('DTSTART;VALUE=DATE:20270310', 'DTEND;VALUE=DATE:20270308')],
    ['a bad DURATION', event('DTSTART;VALUE=DATE:20270310', 'DURATION:3 days')],
    ['a bad EXDATE', event('DTSTART;VALUE=DATE:20270310', 'RRULE:FREQ=WEEKLY;COUNT=3', 'EXDATE;VALUE=DATE:20270317,2027031')],
    ['a bad RRULE UNTIL', event('DTSTART;VALUE=DATE:20270310', 'RRULE:FREQ=WEEKLY;UNTIL=2027-04-01')],
    ['Outlook’s custom zone without its VTIMEZONE', event('DTSTART;TZID="Customized Time Zone":20270310T150000')],
  ])('refuses an event with %s', (_what, lines) => {
    expect(codeOf(cal(...lines))).toBe('invalid_date');
  });

  it('refuses rules repeating every minute, and rules without a frequency', () => {
    expect(codeOf(cal(...event('DTSTART:20270310T150000Z', 'RRULE:FREQ=MINUTELY')))).toBe('unsupported');
    expect(codeOf(cal(...event('DTSTART:20270310T150000Z', 'RRULE:COUNT=3')))).toBe('malformed');
  });

  it('accepts a custom zone defined by a VTIMEZONE, even one placed after the events', () => {
    const text = cal(...event('DTSTART;TZID="Customized Time Zone":20270310T150000'), 'BEGIN:VTIMEZONE', 'TZID:Customized Time Zone', 'END:VTIMEZONE');
    expect(codeOf(text)).toBe('ok');
  });

  it('ignores dates inside alarms and time zone definitions', () => {
    const text = cal(...event('DTSTART;VALUE=DATE:20270310', 'BEGIN:VALARM', 'TRIGGER:-PT15M', 'ACTION:DISPLAY', 'END:VALARM'));
    expect(codeOf(text)).toBe('ok');
  });
});
