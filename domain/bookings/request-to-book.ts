import type { Booking } from './booking';

const HOUR_MS = 3_600_000;

/** The staff have three days to answer a request before it lapses. */
export const REQUEST_ANSWER_MS = 72 * HOUR_MS;
/** Once accepted, the guest has 48 hours to pay. */
export const PAYMENT_WINDOW_MS = 48 * HOUR_MS;
/**
 * A request's nights are held for its whole possible life in one store hold: the answer window
 * then the payment window. Decline and lapse give them back early; the hold is never extended,
 * so approval needs no second claim that could fail.
 */
export const REQUEST_HOLD_MINUTES = (REQUEST_ANSWER_MS + PAYMENT_WINDOW_MS) / 60_000;

/** When the guest asked: the transition into `requested` (the booking's creation for older records). */
export function requestedAt(booking: Booking): Date {
  const step = [...booking.history].reverse().find((t) => t.to === 'requested');
  return new Date(step?.at ?? booking.createdAt);
}

/**
 * The instant a request lapses if nobody answered. While a booking is `requested` its
 * `holdExpiresAt` is the store hold's expiry: never later than that, so a request cannot stay
 * open on nights the store no longer holds for it.
 */
export function requestLapsesAt(booking: Booking): Date {
  return new Date(Math.min(requestedAt(booking).getTime() + REQUEST_ANSWER_MS, Date.parse(booking.holdExpiresAt)));
}

/**
 * The payment deadline given on approval at `now`: 48 hours, but never past the store hold,
 * which was placed for the request's whole life (see REQUEST_HOLD_MINUTES).
 */
export function paymentDeadline(booking: Booking, now: Date): Date {
  return new Date(Math.min(now.getTime() + PAYMENT_WINDOW_MS, Date.parse(booking.holdExpiresAt)));
}
