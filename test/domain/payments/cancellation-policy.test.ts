import type { Booking } from '../../../domain/bookings/booking';
import { Catalog } from '../../../domain/catalog/catalog';
import { previewCancellation } from '../../../domain/usecases/cancel-booking';
import { createMemoryStore } from '../../../adapters/store/memory';
import { cryptoIds } from '../../../adapters/system/ids';
import { FakeClock } from '../../fakes/clock';
import { testProperty } from '../../fakes/property';

/**
 * The refund a cancellation gives, at instants either side of the free-cancellation deadline:
 * N days before arrival at the property's check-in time, in the property's own time zone
 * (winter and summer time, the US spring change, a zone fourteen hours ahead of UTC). The fake
 * clock sets "now"; the machine's own time zone plays no part (the suite also runs under
 * TZ=Pacific/Kiritimati).
 */
function booking(ratePlanId: string, checkIn: string, checkOut: string, total: number, paid: number): Booking {
  return {
    id: 'b1', reference: 'K7M2QX', propertyId: 'manoir-test', unitTypeId: 'double', unitId: 'd1', ratePlanId,
    stay: { checkIn, checkOut }, party: { adults: 2, children: 0 },
    quote: { total } as Booking['quote'],
    state: 'confirmed', holdId: 'b1', holdExpiresAt: '2027-01-01T00:00:00Z', guestId: null, amountPaid: paid, channel: 'api',
    createdAt: '2027-01-01T00:00:00Z', updatedAt: '2027-01-01T00:00:00Z', version: 1, history: [],
  };
}

type Row = [string, string, string, string, number, number, string, { refund: number; retained: number; free: boolean }];

// zone, plan, check-in, now (UTC), total, paid, why, outcome
const TABLE: Row[] = [
  ['Europe/Paris', 'flex', '2027-12-12', '2027-12-05T14:59:59Z', 40000, 40000, 'a second before 5 Dec 16:00 Paris (UTC+1)', { refund: 40000, retained: 0, free: true }],
  ['Europe/Paris', 'flex', '2027-12-12', '2027-12-05T15:00:00Z', 40000, 40000, 'at 16:00 Paris the free period is over: 50 % kept', { refund: 20000, retained: 20000, free: false }],
  ['Europe/Paris', 'flex', '2027-07-12', '2027-07-05T13:59:00Z', 40000, 40000, 'summer time: 16:00 Paris is 14:00 UTC', { refund: 40000, retained: 0, free: true }],
  ['Europe/Paris', 'flex', '2027-07-12', '2027-07-05T14:00:00Z', 40000, 40000, 'summer time, at the deadline', { refund: 20000, retained: 20000, free: false }],
  ['Europe/Paris', 'flex', '2027-12-12', '2027-12-06T10:00:00Z', 40000, 12000, 'a 30 % deposit paid: the hotel keeps at most what was paid', { refund: 0, retained: 12000, free: false }],
  ['Europe/Paris', 'flex', '2027-12-12', '2027-12-01T10:00:00Z', 40000, 12000, 'a deposit, still free: all of it back', { refund: 12000, retained: 0, free: true }],
  ['America/Los_Angeles', 'flex', '2027-03-20', '2027-03-13T23:59:59Z', 30001, 30001, '13 Mar 16:00 PST is 14 Mar 00:00 UTC, the night before the clocks change', { refund: 30001, retained: 0, free: true }],
  ['America/Los_Angeles', 'flex', '2027-03-20', '2027-03-14T00:00:00Z', 30001, 30001, 'at the deadline; half of an odd total rounds half up', { refund: 15000, retained: 15001, free: false }],
  ['Pacific/Kiritimati', 'flex', '2027-12-12', '2027-12-05T01:59:59Z', 40000, 40000, 'UTC+14: 5 Dec 16:00 there is 02:00 UTC the same day', { refund: 40000, retained: 0, free: true }],
  ['Pacific/Kiritimati', 'flex', '2027-12-12', '2027-12-05T02:00:00Z', 40000, 40000, 'UTC+14, at the deadline', { refund: 20000, retained: 20000, free: false }],
  ['Europe/Paris', 'nonref', '2027-12-12', '2027-01-01T00:00:00Z', 36000, 36000, 'non-refundable, a year ahead', { refund: 0, retained: 36000, free: false }],
  ['Europe/Paris', 'flex', '2027-12-12', '2027-12-01T10:00:00Z', 40000, 0, 'nothing paid (a card guarantee): nothing to refund', { refund: 0, retained: 0, free: true }],
];

describe('cancellation policy across time zones', () => {
  it.each(TABLE)('%s %s arriving %s, cancelled at %s (total %d, paid %d): %s', (timeZone, plan, checkIn, now, total, paid, _why, expected) => {
    const property = testProperty({ timeZone });
    const deps = { catalog: new Catalog([property]), store: createMemoryStore(), clock: new FakeClock(Date.parse(now)), ids: cryptoIds };
    const checkOut = checkIn.replace(/-(\d\d)$/, (_m, d: string) => `-${String(Number(d) + 2).padStart(2, '0')}`);
    const outcome = previewCancellation(deps, booking(plan, checkIn, checkOut, total, paid));
    expect(outcome).toEqual({ ok: true, value: expected });
  });
});
