/** "Today" is the property's, never the process's: the same instant can be two dates. */
import { understand } from '../../../dialogs/understanding/understand';

const at = (iso: string, timeZone: string, text = 'tonight'): [string | null, string | null] => {
  const u = understand(text, { now: new Date(iso), timeZone });
  return [u.stay.checkIn, u.stay.checkOut];
};

describe('time zones', () => {
  it('takes today in the property time zone', () => {
    expect(at('2026-11-20T23:30:00Z', 'Europe/Paris')).toEqual(['2026-11-21', '2026-11-22']);
    expect(at('2026-11-20T23:30:00Z', 'America/New_York')).toEqual(['2026-11-20', '2026-11-21']);
    expect(at('2026-11-20T10:30:00Z', 'Pacific/Kiritimati')).toEqual(['2026-11-21', '2026-11-22']);
    expect(at('2026-11-20T10:30:00Z', 'Pacific/Pago_Pago')).toEqual(['2026-11-19', '2026-11-20']);
  });

  it('counts weekdays from the property’s today', () => {
    // Friday evening in Paris is already Saturday in Kiritimati.
    expect(at('2026-11-20T19:00:00Z', 'Europe/Paris', 'this weekend')).toEqual(['2026-11-20', '2026-11-22']);
    expect(at('2026-11-20T19:00:00Z', 'Pacific/Kiritimati', 'next friday')).toEqual(['2026-11-27', null]);
  });
});
