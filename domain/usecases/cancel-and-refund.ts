import type { CancellationOutcome } from '../bookings/cancellation';
import type { Actor, Booking } from '../bookings/booking';
import type { MoneyDeps } from '../payments/deps';
import { ok, type Result } from '../result';
import { cancelBooking, type CancelFailure } from './cancel-booking';
import { refundBooking } from './refund-booking';

export interface CancelledAndRefunded {
  booking: Booking;
  outcome: CancellationOutcome;
  /** Given back through the provider (or on its way), minor units. */
  refunded: number;
  /** The provider refused: the staff were alerted and will refund by hand. */
  refundFailed: number;
}

/**
 * Cancels under the rate plan's policy, gives the nights back, then refunds what the policy says
 * through the payment provider. The refund key is the booking's, so cancelling twice (a retried
 * message) never refunds twice.
 */
export async function cancelAndRefund(
  deps: MoneyDeps,
  req: { propertyId: string; bookingId: string; actor: Actor; reason?: string },
): Promise<Result<CancelledAndRefunded, CancelFailure>> {
  const cancelled = await cancelBooking(deps, req);
  if (!cancelled.ok) return cancelled;
  const { outcome } = cancelled.value;
  const refund = await refundBooking(deps, { propertyId: req.propertyId, bookingId: req.bookingId, amount: outcome.refund, cause: 'cancellation', keyBase: `cancel:${req.bookingId}` });
  return ok({ booking: refund.booking ?? cancelled.value.booking, outcome, refunded: refund.refunded, refundFailed: refund.failed });
}
