import type Stripe from 'stripe';
import type { PaymentEvent } from '../../../domain/payments/payment-event';

export type Translated = { kind: 'event'; event: PaymentEvent } | { kind: 'ignored'; reason: string };

const ignored = (reason: string): Translated => ({ kind: 'ignored', reason });

interface Ids {
  bookingId: string;
  propertyId: string;
}

function idsOf(metadata: Stripe.Metadata | null | undefined): Ids | null {
  const bookingId = metadata?.['bookingId'];
  const propertyId = metadata?.['propertyId'];
  return bookingId && propertyId ? { bookingId, propertyId } : null;
}

const idOf = (v: string | { id: string } | null | undefined): string | null => (v == null ? null : typeof v === 'string' ? v : v.id);

/**
 * Turns a verified Stripe event into a payment event. Refunds and charges made outside Majordome
 * carry no ids of ours; their payment intent does (`payment_intent_data.metadata`), so it is read
 * when needed.
 */
export async function translateStripeEvent(event: Stripe.Event, paymentIntentIds: (paymentIntentId: string) => Promise<Ids | null>): Promise<Translated> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      const ids = idsOf(session.metadata);
      if (!ids) return ignored('session without booking metadata');
      const guarantee = session.mode === 'setup';
      // A delayed payment method completes the session unpaid; its money comes with async_payment_succeeded.
      if (!guarantee && session.payment_status !== 'paid') return ignored(`session ${session.payment_status}`);
      if (guarantee && session.status !== 'complete') return ignored('setup not complete');
      const purpose = session.metadata?.['purpose'] === 'date_change' ? 'date_change' : 'booking';
      return {
        kind: 'event',
        event: {
          kind: 'checkout_completed',
          ...ids,
          checkoutId: session.id,
          purpose,
          paymentId: guarantee ? null : idOf(session.payment_intent),
          amount: guarantee ? 0 : session.amount_total ?? 0,
          guarantee,
        },
      };
    }
    case 'checkout.session.expired': {
      const session = event.data.object;
      const ids = idsOf(session.metadata);
      if (!ids) return ignored('session without booking metadata');
      return { kind: 'event', event: { kind: 'checkout_expired', ...ids, checkoutId: session.id } };
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      const paymentId = idOf(charge.payment_intent);
      if (!paymentId) return ignored('charge without payment intent');
      const ids = idsOf(charge.metadata) ?? (await paymentIntentIds(paymentId));
      if (!ids) return ignored('charge of no booking');
      return { kind: 'event', event: { kind: 'refunded_total', ...ids, paymentId, chargeId: charge.id, totalRefunded: charge.amount_refunded } };
    }
    case 'refund.created':
    case 'refund.updated':
    case 'refund.failed': {
      const refund = event.data.object;
      const paymentId = idOf(refund.payment_intent);
      const ids = idsOf(refund.metadata) ?? (paymentId ? await paymentIntentIds(paymentId) : null);
      if (!ids) return ignored('refund of no booking');
      const status = refund.status === 'succeeded' ? 'succeeded' : refund.status === 'failed' || refund.status === 'canceled' ? 'failed' : 'pending';
      return { kind: 'event', event: { kind: 'refund_status', ...ids, providerId: refund.id, key: refund.metadata?.['majordomeKey'] ?? null, status } };
    }
    default:
      return ignored(`event type ${event.type} not handled`);
  }
}
