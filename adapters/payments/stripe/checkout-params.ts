import type Stripe from 'stripe';
import type { Booking } from '../../../domain/bookings/booking';
import { ratePlanOf, unitTypeOf } from '../../../domain/catalog/catalog';
import { localize, type Locale } from '../../../domain/catalog/locales';
import type { Property } from '../../../domain/catalog/schema';
import type { Guest } from '../../../domain/guests/guest';
import { applicationFee, dueOnline } from '../../../domain/payments/payment-policy';
import type { ExtraCharge } from '../../../domain/ports';
import type { CheckoutTexts } from './checkout-texts';

/** Stripe refuses `expires_at` less than 30 minutes or more than 24 hours ahead. */
export const MIN_SESSION_SECONDS = 30 * 60;
export const MAX_SESSION_SECONDS = 24 * 3600;
/** Expiries are rounded to this step so a retried create sends the same parameters (same idempotency key). */
const STEP_SECONDS = 300;

/**
 * When the session stops taking money: the hold's deadline, moved into Stripe's window. A hold
 * shorter than 30 minutes gets a session that outlives it; Majordome expires that session itself
 * when the hold lapses.
 */
export function sessionExpiry(deadlineMs: number, nowMs: number): number {
  const now = Math.floor(nowMs / 1000);
  const earliest = Math.ceil((now + MIN_SESSION_SECONDS + 60) / STEP_SECONDS) * STEP_SECONDS;
  const latest = Math.floor((now + MAX_SESSION_SECONDS - 60) / STEP_SECONDS) * STEP_SECONDS;
  return Math.min(latest, Math.max(earliest, Math.floor(deadlineMs / 1000)));
}

export function guestLocale(booking: Booking, guest: Guest | null, property: Property): Locale {
  return booking.address?.locale ?? guest?.locale ?? property.defaultLocale;
}

export interface SessionInput {
  booking: Booking;
  guest: Guest | null;
  property: Property;
  charge?: ExtraCharge | undefined;
  expiresAt: number;
  /** Where Stripe sends the guest back: a thank-you page, or the cancelled page. */
  successUrl: string;
  cancelUrl: string;
  texts: CheckoutTexts;
  formatMoney(minor: number, locale: Locale): string;
}

/** The Checkout Session for one booking (or one date-change difference) under the property's policy. */
export function checkoutSessionParams(input: SessionInput): Stripe.Checkout.SessionCreateParams {
  const { booking, guest, property, charge, texts } = input;
  const locale = guestLocale(booking, guest, property);
  const currency = property.currency.toLowerCase();
  const purpose = charge?.purpose ?? 'booking';
  const metadata = { bookingId: booking.id, propertyId: booking.propertyId, reference: booking.reference, purpose };
  const note = texts.referenceNote(locale, { reference: booking.reference });
  const room = localize(unitTypeOf(property, booking.unitTypeId)?.name ?? { en: booking.unitTypeId }, locale);
  const line = (name: string, amount: number): Stripe.Checkout.SessionCreateParams.LineItem => ({
    quantity: 1,
    price_data: { currency, unit_amount: amount, product_data: { name, description: note } },
  });

  const common: Stripe.Checkout.SessionCreateParams = {
    client_reference_id: booking.id,
    metadata,
    locale,
    expires_at: input.expiresAt,
    success_url: input.successUrl,
    cancel_url: input.cancelUrl,
    ...(guest?.email ? { customer_email: guest.email } : {}),
  };

  if (!charge && property.payment.collect === 'guarantee') {
    // A card guarantee: nothing charged now, the card is saved for the hotel to charge on arrival.
    return { ...common, mode: 'setup', currency, setup_intent_data: { metadata } };
  }

  let items: Stripe.Checkout.SessionCreateParams.LineItem[];
  let amount: number;
  if (charge) {
    amount = charge.amount;
    items = [line(texts.dateChangeLine(locale, { reference: booking.reference }), amount)];
  } else if (property.payment.collect === 'deposit') {
    amount = dueOnline(property, booking.quote.total);
    const balance = input.formatMoney(booking.quote.total - amount, locale);
    items = [line(texts.depositLine(locale, { percent: property.depositPercent, room, balance }), amount)];
  } else {
    const plan = ratePlanOf(property, booking.ratePlanId);
    const nights = booking.quote.nights.length;
    const stay = booking.quote.roomTotal + booking.quote.breakfastTotal;
    amount = booking.quote.total;
    items = [
      line(texts.stayLine(locale, { room, plan: plan ? localize(plan.name, locale) : booking.ratePlanId, nights, checkIn: booking.stay.checkIn, checkOut: booking.stay.checkOut }), stay),
      ...(booking.quote.touristTaxTotal > 0 ? [line(texts.touristTaxLine(locale), booking.quote.touristTaxTotal)] : []),
    ];
  }

  const platform = property.payment.platform;
  return {
    ...common,
    mode: 'payment',
    line_items: items,
    payment_intent_data: {
      metadata,
      ...(platform
        ? { application_fee_amount: applicationFee(property, amount), transfer_data: { destination: platform.connectedAccountId } }
        : {}),
    },
  };
}
