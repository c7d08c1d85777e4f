import { addDays } from '../calendar/nights';
import { zonedInstant } from '../calendar/zoned';
import type { CancellationPolicy } from '../catalog/schema';

export interface CancellationTerms {
  /** Instant until which cancelling is free; null when it never is. */
  freeUntil: Date | null;
  /** Share of the total kept once the free period is over, 0..100. */
  retainedPercentAfter: number;
}

export function cancellationTerms(
  policy: CancellationPolicy,
  checkIn: string,
  checkInTime: string,
  timeZone: string,
): CancellationTerms {
  if (policy.kind === 'non_refundable') return { freeUntil: null, retainedPercentAfter: 100 };
  return {
    freeUntil: zonedInstant(addDays(checkIn, -policy.freeUntilDaysBefore), checkInTime, timeZone),
    retainedPercentAfter: policy.retainedPercentAfter,
  };
}

export interface CancellationOutcome {
  /** What the guest gets back of what they paid, minor units. */
  refund: number;
  /** What the hotel keeps of the booking's total under its policy. */
  retained: number;
  free: boolean;
}

/**
 * The refund if the guest cancels at `now`, given what they have paid so far. The hotel keeps
 * its share of the total, never more than was paid, and the guest never gets back more than
 * they paid.
 */
export function cancellationOutcome(terms: CancellationTerms, total: number, paid: number, now: Date): CancellationOutcome {
  const free = terms.freeUntil !== null && now.getTime() < terms.freeUntil.getTime();
  const retainedShare = free ? 0 : Math.round((total * terms.retainedPercentAfter) / 100);
  const retained = Math.min(retainedShare, paid);
  return { refund: Math.max(0, paid - retained), retained, free };
}
