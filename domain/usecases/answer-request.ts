import type { Actor, Booking, BookingState } from '../bookings/booking';
import { paymentDeadline, requestLapsesAt } from '../bookings/request-to-book';
import type { CheckoutLink, NoticeDelivery } from '../ports';
import { err, ok, type Result } from '../result';
import { moveFrom } from './guarded-transition';
import type { RequestDeps } from './request-deps';
import { lapseRequest } from './request-deadlines';
import { closedRequest, REQUEST_OPEN, type ClosedRequest } from './request-state';
import { releaseRequestNights } from './release-request';

export type AnswerFailure = 'booking_not_found' | ClosedRequest | 'payment_unavailable' | 'conflict';
/** The booking's state when the answer was refused, for the staff to see why. */
export type AnswerRefusal = { state: BookingState };

export interface AnswerRequest {
  propertyId: string;
  bookingId: string;
  /** `staff:<who>`: recorded on the transition. */
  actor: Actor;
  /** The staff's words, kept in the booking's history; never sent to the guest nor logged. */
  reason?: string | undefined;
}

export interface Approved {
  booking: Booking;
  checkout: CheckoutLink;
  delivery: NoticeDelivery;
}

export interface Declined {
  booking: Booking;
  delivery: NoticeDelivery;
}

type Answer<T> = Promise<Result<T, AnswerFailure, AnswerRefusal>>;

/**
 * A request the staff may answer now, or why not. A request whose three days have run out is
 * lapsed at that instant even if its timer has not fired yet: the lapse is carried out here
 * (nights back, guest told), so an answer arriving at the deadline meets one outcome, not two.
 */
async function openRequest(deps: RequestDeps, req: AnswerRequest): Promise<Result<Booking, AnswerFailure, AnswerRefusal>> {
  const booking = await deps.store.getBooking(req.propertyId, req.bookingId);
  if (!booking) return err('booking_not_found');
  if (!REQUEST_OPEN.includes(booking.state)) return err(closedRequest(booking), { state: booking.state });
  if (deps.clock.now().getTime() >= requestLapsesAt(booking).getTime()) {
    await lapseRequest(deps, req.propertyId, req.bookingId);
    return refusedNow(deps, req);
  }
  return ok(booking);
}

/** After losing a race: why, from the winner's state. */
async function refusedNow(deps: RequestDeps, req: AnswerRequest): Answer<never> {
  const fresh = await deps.store.getBooking(req.propertyId, req.bookingId);
  if (!fresh) return err('booking_not_found');
  if (REQUEST_OPEN.includes(fresh.state)) return err('conflict', { state: fresh.state });
  return err(closedRequest(fresh), { state: fresh.state });
}

/**
 * The staff accept a request: the guest gets a payment link on their channel and 48 hours to
 * pay, within the nights' existing hold (the `approved` event sets the payment window's timer). The checkout is created before the approval is
 * recorded, so a failing payment provider leaves the request open to try again, and a link
 * from an approval that lost a race is never sent to anyone.
 */
export async function approveRequest(deps: RequestDeps, req: AnswerRequest): Answer<Approved> {
  const open = await openRequest(deps, req);
  if (!open.ok) return open;
  const booking = open.value;
  const dueAt = paymentDeadline(booking, deps.clock.now()).toISOString();
  const withDeadline = (b: Booking): Booking => ({ ...b, holdExpiresAt: dueAt });

  let checkout: CheckoutLink;
  try {
    const guest = booking.guestId ? await deps.store.getGuest(booking.propertyId, booking.guestId) : null;
    // The booking as it will be once approved: the link expires with the payment window.
    checkout = await deps.payments.createCheckout(withDeadline({ ...booking, state: 'approved' }), guest);
  } catch {
    return err('payment_unavailable', { state: booking.state });
  }

  const moved = await moveFrom(deps, booking, REQUEST_OPEN, 'approved', req.actor, req.reason, withDeadline);
  if (!moved.ok) return refusedNow(deps, req);
  const delivery = await deps.messenger.tell({ kind: 'request_approved', booking: moved.value, checkout });
  return ok({ booking: moved.value, checkout, delivery });
}

/** The staff turn a request down: its nights go back to stock and the guest is told. */
export async function declineRequest(deps: RequestDeps, req: AnswerRequest): Answer<Declined> {
  const open = await openRequest(deps, req);
  if (!open.ok) return open;
  const moved = await moveFrom(deps, open.value, REQUEST_OPEN, 'declined', req.actor, req.reason);
  if (!moved.ok) return refusedNow(deps, req);
  await releaseRequestNights(deps, moved.value);
  const delivery = await deps.messenger.tell({ kind: 'request_declined', booking: moved.value });
  return ok({ booking: moved.value, delivery });
}
