/**
 * What a payment provider reports, in the domain's words. The Stripe adapter turns webhook
 * events into these; the demo checkout page produces the same ones, so both drive one path.
 */
export type PaymentEvent =
  /** Money received (or, with `guarantee`, a card saved) through one checkout. */
  | {
      kind: 'checkout_completed';
      propertyId: string;
      bookingId: string;
      checkoutId: string;
      purpose: 'booking' | 'date_change';
      /** The provider's handle for refunds; null for a card guarantee. */
      paymentId: string | null;
      amount: number;
      guarantee: boolean;
    }
  /** The checkout can no longer take money. */
  | { kind: 'checkout_expired'; propertyId: string; bookingId: string; checkoutId: string }
  /** The guest walked away from the checkout (the demo page's cancel button). */
  | { kind: 'checkout_abandoned'; propertyId: string; bookingId: string; checkoutId: string }
  /** The provider's running total refunded on one payment, whoever refunded it (dashboard included). */
  | { kind: 'refunded_total'; propertyId: string; bookingId: string; paymentId: string; chargeId: string; totalRefunded: number }
  /** News about one refund: its id and status. */
  | { kind: 'refund_status'; propertyId: string; bookingId: string; providerId: string; key: string | null; status: 'pending' | 'succeeded' | 'failed' };

export type PaymentEventKind = PaymentEvent['kind'];
