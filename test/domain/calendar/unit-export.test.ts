import type { Booking, BookingState } from '../../../domain/bookings/booking';
import { bookingIdOfExportUid, exportUid, unitExportEntries } from '../../../domain/calendar/unit-export';

function booking(id: string, state: BookingState, stay: { checkIn: string; checkOut: string }, unitId = 'u1', via: BookingState[] = []): Booking {
  const at = '2026-11-20T10:00:00.000Z';
  return {
    id,
    reference: `REF${id}`,
    propertyId: 'p',
    unitTypeId: 't',
    unitId,
    ratePlanId: 'flex',
    stay,
    party: { adults: 2, children: 0 },
    quote: {} as Booking['quote'],
    state,
    holdId: id,
    holdExpiresAt: at,
    guestId: 'g1',
    amountPaid: 0,
    channel: 'webchat',
    createdAt: at,
    updatedAt: at,
    version: 1,
    history: [...via, state].map((to, i) => ({ from: null, to, at, actor: i ? 'staff:1' : 'guest' })),
  };
}

describe('the export of a unit', () => {
  const today = '2027-01-10';
  it('lists confirmed stays and held requests, not holds, cancellations, other units or departed stays', () => {
    const entries = unitExportEntries(
      [
        booking('c1', 'confirmed', { checkIn: '2027-02-01', checkOut: '2027-02-04' }),
        booking('r1', 'requested', { checkIn: '2027-03-01', checkOut: '2027-03-02' }),
        booking('a1', 'approved', { checkIn: '2027-03-05', checkOut: '2027-03-07' }),
        booking('p1', 'awaiting_payment', { checkIn: '2027-03-10', checkOut: '2027-03-12' }, 'u1', ['requested', 'approved']),
        booking('p2', 'awaiting_payment', { checkIn: '2027-04-10', checkOut: '2027-04-12' }),
        booking('h1', 'held', { checkIn: '2027-05-01', checkOut: '2027-05-02' }),
        booking('x1', 'cancelled', { checkIn: '2027-05-05', checkOut: '2027-05-06' }),
        booking('o1', 'confirmed', { checkIn: '2027-02-01', checkOut: '2027-02-04' }, 'u2'),
        booking('d1', 'confirmed', { checkIn: '2027-01-05', checkOut: '2027-01-10' }),
        booking('s1', 'confirmed', { checkIn: '2027-01-08', checkOut: '2027-01-11' }),
      ],
      'u1',
      today,
    );
    expect(entries.map((e) => [e.uid, e.start, e.end, e.status])).toEqual([
      [exportUid('s1'), '2027-01-08', '2027-01-11', 'confirmed'],
      [exportUid('c1'), '2027-02-01', '2027-02-04', 'confirmed'],
      [exportUid('r1'), '2027-03-01', '2027-03-02', 'tentative'],
      [exportUid('a1'), '2027-03-05', '2027-03-07', 'tentative'],
      [exportUid('p1'), '2027-03-10', '2027-03-12', 'tentative'],
    ]);
  });

  it('gives every booking a stable uid it can recognise when another platform echoes it back', () => {
    expect(exportUid('abc123')).toBe('booking-abc123@majordome');
    expect(bookingIdOfExportUid(exportUid('abc123'))).toBe('abc123');
    expect(bookingIdOfExportUid('1418fb94e984-6a3b@airbnb.com')).toBeNull();
  });
});
