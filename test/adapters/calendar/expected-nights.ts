/** What each fixture blocks over 2027 in Europe/Paris, worked out by hand from the files. */
const span = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t < Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

export const RANGE = { from: '2027-01-01', to: '2028-01-01' };
export const ZONE = 'Europe/Paris';

export const EXPECTED: Record<string, string[]> = {
  // Two reservations, a "Not available" block, and the rolling window from 22 November on.
  'airbnb.ics': [...span('2027-01-08', '2027-01-12'), ...span('2027-02-13', '2027-02-15'), ...span('2027-02-28', '2027-03-02'), ...span('2027-11-22', '2028-01-01')],
  // Adjacent CLOSED events merge; DTEND is the departure day.
  'booking-com.ics': [...span('2027-01-15', '2027-01-19'), ...span('2027-07-04', '2027-07-11')],
  'vrbo.ics': [...span('2027-02-20', '2027-02-27'), ...span('2027-04-10', '2027-04-12')],
  // Fridays 18:00 → Sundays 12:00 from 5 March (6 occurrences: 19 March excluded, 2 April moved
  // to Thursday 1 → Sunday 4 April), 14–16 June all day, 20–22 July 15:00 → 11:00 given in UTC,
  // a 09:00–17:00 boiler service on 10 May (the night before and the night of), a cancelled
  // stay in June that blocks nothing.
  'google.ics': [
    '2027-03-05', '2027-03-06', '2027-03-12', '2027-03-13', '2027-03-26', '2027-03-27',
    '2027-04-01', '2027-04-02', '2027-04-03', '2027-04-09', '2027-04-10',
    '2027-05-09', '2027-05-10', '2027-06-14', '2027-06-15', '2027-06-16', '2027-07-20', '2027-07-21',
  ],
  // "Romance Standard Time" 5 May 16:00 → 8 May 10:00, an annual closure, and a monthly night
  // in "W. Europe Standard Time" until 1 November inclusive.
  'outlook.ics': [...span('2027-05-05', '2027-05-08'), '2027-09-01', '2027-10-01', '2027-11-01', ...span('2027-11-08', '2027-11-15')],
  // DURATION over the March DST change and over the Los Angeles one in November, no DTEND,
  // a cancellation, UTC times, a timed event without end, PT43H, and weekly Mondays with an
  // EXDATE and an all-day override moved to Tuesday.
  'channel-manager.ics': [
    '2027-03-27', '2027-03-28', '2027-03-29', '2027-08-01', '2027-08-12', '2027-08-13', '2027-08-14', '2027-08-20',
    '2027-09-01', '2027-09-02', '2027-10-04', '2027-10-19', '2027-10-20', '2027-10-25', '2027-11-06', '2027-11-07',
  ],
  'channel-manager-last-night.ics': ['2027-06-01', '2027-06-02'],
  // Floating 10 March 16:00 → 12 March 10:00: wall clock of the property.
  'floating.ics': ['2027-03-10', '2027-03-11'],
  'empty.ics': [],
};

export const BROKEN: Record<string, string> = {
  'html.ics': 'html',
  'truncated.ics': 'truncated',
  'bad-date.ics': 'invalid_date',
  'not-calendar.ics': 'not_calendar',
  'unknown-tz.ics': 'invalid_date',
};
