import type { Booking, BookingState } from '../bookings/booking';

/** Why a request can no longer be answered, from the booking as it is now. */
export type ClosedRequest = 'not_a_request' | 'already_answered' | 'request_lapsed';

/**
 * Classifies a booking that is not (or no longer) `requested`: never asked for (an instant
 * booking), answered already (approved, declined, then maybe paid or cancelled), or lapsed
 * (left `requested` for `expired`: nobody answered in time).
 */
export function closedRequest(booking: Booking): ClosedRequest {
  const leaving = booking.history.find((t) => t.from === 'requested');
  if (!leaving) return booking.history.some((t) => t.to === 'requested') ? 'already_answered' : 'not_a_request';
  return leaving.to === 'expired' ? 'request_lapsed' : 'already_answered';
}

export const REQUEST_OPEN: readonly BookingState[] = ['requested'];
/** Accepted and not paid yet; `awaiting_payment` too, should a checkout step move it there. */
export const PAYMENT_OPEN: readonly BookingState[] = ['approved', 'awaiting_payment'];
