import type Stripe from 'stripe';
import { z } from 'zod';
import type { PaymentEvent } from '../../../domain/payments/payment-event';

/**
 * Stripe and we may disagree on the time by a little; beyond that, a date ahead of ours is not
 * Stripe's. Stripe's own check only refuses signatures that are too old.
 */
export const STRIPE_CLOCK_SKEW_SECONDS = 300;

const eventEnvelope = z.object({
  // Every event is handled once, by its id: an event without one would share a single claim with every other.
  id: z.string({ error: 'expected the event id, a string such as evt_…' }).regex(/^evt_[A-Za-z0-9_]{1,250}$/, { error: 'expected the event id, a string such as evt_…' }),
  type: z.string({ error: 'expected the event type' }).min(1, { error: 'expected the event type' }),
  created: z.number({ error: 'expected the creation time in epoch seconds' }).int({ error: 'expected the creation time in epoch seconds' }),
  data: z.object({ object: z.record(z.string(), z.unknown(), { error: 'expected the event object' }) }, { error: 'expected the event data' }),
});

/**
 * The `t=` of a Stripe-Signature header: the time Stripe signed the delivery. Read exactly as the
 * SDK reads it (the last `t=` wins, `parseInt`), so that it is the time the signature covered.
 */
export function signedAt(header: string): number | null {
  let stamp: number | null = null;
  for (const item of header.split(',')) {
    const [key, value] = item.split('=');
    if (key === 't') stamp = Number.parseInt(value ?? '', 10);
  }
  return stamp === null || !Number.isSafeInteger(stamp) ? null : stamp;
}

export type EnvelopeCheck = { ok: true; event: Stripe.Event } | { ok: false; reasons: string[] };

/**
 * What Stripe's signature check leaves open: the signed body must be an event with an id, and
 * neither its signing time nor its creation may lie in the future (an event is created before
 * it is signed, and retries are signed anew, so `created` is never after `t`).
 */
export function checkEventEnvelope(event: unknown, signatureHeader: string, nowSeconds: number): EnvelopeCheck {
  const parsed = eventEnvelope.safeParse(event);
  if (!parsed.success) return { ok: false, reasons: parsed.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`) };
  const signed = signedAt(signatureHeader);
  if (signed === null) return { ok: false, reasons: ['Stripe-Signature: expected a t= timestamp'] };
  if (signed > nowSeconds + STRIPE_CLOCK_SKEW_SECONDS) return { ok: false, reasons: ['Stripe-Signature: signed in the future'] };
  if (parsed.data.created > signed + STRIPE_CLOCK_SKEW_SECONDS) return { ok: false, reasons: ['created: the event is dated after it was signed'] };
  return { ok: true, event: event as Stripe.Event };
}

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
