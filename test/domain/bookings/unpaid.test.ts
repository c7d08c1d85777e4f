import { BOOKING_STATES, LIVE_STATES } from '../../../domain/bookings/booking';
import { isPayable, isUnpaid } from '../../../domain/bookings/unpaid';

describe('which bookings are unpaid', () => {
  it('unpaid: every live state but confirmed', () => {
    expect(BOOKING_STATES.filter(isUnpaid)).toEqual(['held', 'awaiting_payment', 'requested', 'approved']);
    expect(LIVE_STATES.filter((s) => !isUnpaid(s))).toEqual(['confirmed']);
  });

  it('payable: unpaid with a payment link possible, so not a request the staff have not answered', () => {
    expect(BOOKING_STATES.filter(isPayable)).toEqual(['held', 'awaiting_payment', 'approved']);
  });
});
