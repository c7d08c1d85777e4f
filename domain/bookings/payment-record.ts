/**
 * What the payment provider did for a booking, kept on the booking itself so that every
 * webhook, retry and refund can be checked against it: a session id already settled is never
 * counted twice, a refund id already recorded is never subtracted twice.
 */

/** A checkout link handed out: the guest may pay through it until it is closed. */
export interface CheckoutRecord {
  /** The provider's session id (`cs_…`, or `demo_…`). */
  id: string;
  /** `booking`: the stay itself; `date_change`: the extra cost of new dates. */
  purpose: 'booking' | 'date_change';
  /** Minor units the link charges (0 for a card guarantee). */
  amount: number;
  /** ISO instant after which the provider no longer takes payment through it. */
  expiresAt: string;
  /** Closed once paid, expired, or expired by us because the hold lapsed. */
  open: boolean;
}

/** Money (or a card guarantee) received through one checkout. */
export interface ReceiptRecord {
  /** The checkout session it came through: the key that makes a payment count once. */
  checkoutId: string;
  /** The provider's charge handle for refunds (Stripe payment intent `pi_…`); null for a guarantee. */
  paymentId: string | null;
  purpose: 'booking' | 'date_change';
  amount: number;
  /** ISO instant. */
  at: string;
}

export type RefundCause = 'cancellation' | 'date_change' | 'late_payment' | 'duplicate_payment' | 'staff';

export interface RefundRecord {
  /**
   * Our idempotency key. The refund is written down under it before the provider is asked, so a
   * webhook about it that arrives first finds it, and a retry never refunds twice.
   */
  key: string;
  /** The provider's refund id (`re_…`) once known. */
  providerId: string | null;
  paymentId: string | null;
  amount: number;
  cause: RefundCause;
  /** `failed`: the provider could not refund; the money is counted as paid again. */
  status: 'pending' | 'succeeded' | 'failed';
  at: string;
}

export interface BookingPayments {
  checkouts: CheckoutRecord[];
  receipts: ReceiptRecord[];
  refunds: RefundRecord[];
}

export const NO_PAYMENTS: BookingPayments = { checkouts: [], receipts: [], refunds: [] };

/** Net money still held for one payment: what can still be refunded on it. */
export function refundableOn(payments: BookingPayments, paymentId: string): number {
  const received = payments.receipts.filter((r) => r.paymentId === paymentId).reduce((n, r) => n + r.amount, 0);
  const refunded = payments.refunds.filter((r) => r.paymentId === paymentId && r.status !== 'failed').reduce((n, r) => n + r.amount, 0);
  return Math.max(0, received - refunded);
}
