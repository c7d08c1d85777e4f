import { refundableOn, type BookingPayments } from '../bookings/payment-record';

export interface RefundSlice {
  paymentId: string;
  amount: number;
}

/**
 * Splits a refund over the payments that still hold money, the latest first (a date-change
 * difference is given back before the stay's own payment). Never more than is left: the slices
 * add up to `min(amount, refundable)`.
 */
export function planRefund(payments: BookingPayments, amount: number): RefundSlice[] {
  const ids = [...new Set(payments.receipts.map((r) => r.paymentId).filter((id): id is string => id !== null))].reverse();
  const slices: RefundSlice[] = [];
  let left = Math.max(0, amount);
  for (const paymentId of ids) {
    if (left === 0) break;
    const take = Math.min(left, refundableOn(payments, paymentId));
    if (take > 0) slices.push({ paymentId, amount: take });
    left -= take;
  }
  return slices;
}
