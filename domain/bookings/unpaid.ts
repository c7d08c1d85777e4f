import type { BookingState } from './booking';

/**
 * Live bookings nobody has paid for yet: their nights are held, for the guest to pay or while
 * the staff decide on a request. Confirmed bookings are paid (or guaranteed); cancelled,
 * expired and declined ones are over.
 */
export const UNPAID_STATES: readonly BookingState[] = ['held', 'awaiting_payment', 'requested', 'approved'];

export function isUnpaid(state: BookingState): boolean {
  return UNPAID_STATES.includes(state);
}

/**
 * Unpaid and open to payment: money that lands now confirms the booking. A request still
 * waiting for the staff is unpaid too, but no payment link was given for it, so money for it
 * is not money for a stay.
 */
export function isPayable(state: BookingState): boolean {
  return isUnpaid(state) && state !== 'requested';
}
