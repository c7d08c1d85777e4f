import { cancellationOutcome, cancellationTerms, type CancellationOutcome } from '../bookings/cancellation';
import type { Actor, Booking } from '../bookings/booking';
import { ratePlanOf } from '../catalog/catalog';
import { err, ok, type Result } from '../result';
import type { UseCaseDeps } from './deps';
import { recordTransition } from './record-transition';

export type CancelFailure = 'booking_not_found' | 'unknown_property' | 'unknown_rate_plan' | 'invalid_transition' | 'conflict';

/** What cancelling now would give back, for the guest to see before they decide. */
export function previewCancellation(deps: UseCaseDeps, booking: Booking): Result<CancellationOutcome, 'unknown_property' | 'unknown_rate_plan'> {
  const property = deps.catalog.get(booking.propertyId);
  if (!property) return err('unknown_property');
  const plan = ratePlanOf(property, booking.ratePlanId);
  if (!plan) return err('unknown_rate_plan');
  const terms = cancellationTerms(plan.cancellation, booking.stay.checkIn, property.checkInTime, property.timeZone);
  return ok(cancellationOutcome(terms, booking.quote.total, booking.amountPaid, deps.clock.now()));
}

/** Cancels under the rate plan's policy and gives the nights back to stock. Repeating it is harmless. */
export async function cancelBooking(
  deps: UseCaseDeps,
  req: { propertyId: string; bookingId: string; actor: Actor; reason?: string },
): Promise<Result<{ booking: Booking; outcome: CancellationOutcome }, CancelFailure>> {
  const booking = await deps.store.getBooking(req.propertyId, req.bookingId);
  if (!booking) return err('booking_not_found');
  const outcome = previewCancellation(deps, booking);
  if (!outcome.ok) return outcome;
  if (booking.state === 'cancelled') return ok({ booking, outcome: outcome.value });

  const saved = await recordTransition(deps, booking, 'cancelled', req.actor, req.reason);
  if (!saved.ok) return saved;
  // Nights go back only after the cancellation is recorded, so stock never shows free nights of a live booking.
  await deps.store.releaseBooking(booking.propertyId, booking.id);
  await deps.store.releaseHold(booking.propertyId, booking.holdId);
  return ok({ booking: saved.value, outcome: outcome.value });
}
