import type Stripe from 'stripe';
import type { Booking } from '../../../domain/bookings/booking';
import type { Catalog } from '../../../domain/catalog/catalog';
import type { Locale } from '../../../domain/catalog/locales';
import type { Guest } from '../../../domain/guests/guest';
import type { CheckoutLink, Clock, ExtraCharge, PaymentGateway, RefundAnswer, RefundRequest } from '../../../domain/ports';
import { linkPaths, type LinkSigner } from '../link-signer';
import { checkoutSessionParams, MAX_SESSION_SECONDS, sessionExpiry } from './checkout-params';
import type { CheckoutTexts } from './checkout-texts';

export interface StripePaymentsOptions {
  stripe: Stripe;
  catalog: Catalog;
  clock: Clock;
  publicBaseUrl: string;
  signer: LinkSigner;
  texts: CheckoutTexts;
  formatMoney(minor: number, currency: string, locale: Locale): string;
  /** Ids only. */
  log: { info(data: Record<string, unknown>, message: string): void; warn(data: Record<string, unknown>, message: string): void };
}

export interface OpenedSession {
  id: string;
  url: string;
  expiresAt: string;
}

/** Payment through Stripe Checkout: one session per booking (and per date-change difference). */
export class StripePayments implements PaymentGateway {
  constructor(private readonly o: StripePaymentsOptions) {}

  async createCheckout(booking: Booking, guest: Guest | null, charge?: ExtraCharge): Promise<CheckoutLink> {
    const now = this.o.clock.now().getTime();
    if (!charge && Date.parse(booking.holdExpiresAt) - now > MAX_SESSION_SECONDS * 1000) {
      // Longer than a session may live (48 hours after a request is approved): a Majordome link that
      // opens a live session whenever it is followed, until the booking's own deadline.
      return { url: this.stableLink(booking), demo: false, expiresAt: booking.holdExpiresAt };
    }
    const session = await this.openSession(booking, guest, charge, 0);
    return { url: session.url, demo: false, expiresAt: session.expiresAt, checkoutId: session.id };
  }

  stableLink(booking: Booking): string {
    const sig = this.o.signer.sign('pay', booking.propertyId, booking.id);
    return `${this.base()}${linkPaths.stablePay(booking.propertyId, booking.id)}?sig=${sig}`;
  }

  /**
   * Opens a session. `attempt` is how many sessions the booking had before: with the expiry in
   * the idempotency key, a repeated call opens nothing new, a later one opens a fresh session.
   */
  async openSession(booking: Booking, guest: Guest | null, charge: ExtraCharge | undefined, attempt: number): Promise<OpenedSession> {
    const property = this.o.catalog.get(booking.propertyId);
    if (!property) throw new Error(`no property ${booking.propertyId} for booking ${booking.id}`);
    const now = this.o.clock.now().getTime();
    const deadline = charge ? now + MAX_SESSION_SECONDS * 1000 : Date.parse(booking.holdExpiresAt);
    const expiresAt = sessionExpiry(deadline, now);
    const params = checkoutSessionParams({
      booking,
      guest,
      property,
      charge,
      expiresAt,
      successUrl: `${this.base()}/pay/thanks?locale=${booking.address?.locale ?? guest?.locale ?? property.defaultLocale}`,
      cancelUrl: `${this.base()}/pay/left?locale=${booking.address?.locale ?? guest?.locale ?? property.defaultLocale}`,
      texts: this.o.texts,
      formatMoney: (minor, locale) => this.o.formatMoney(minor, property.currency, locale),
    });
    const key = charge ? `checkout:${booking.id}:${charge.key}` : `checkout:${booking.id}:${attempt}:${expiresAt}`;
    const session = await this.o.stripe.checkout.sessions.create(params, { idempotencyKey: key });
    if (!session.url) throw new Error(`Stripe gave no URL for session ${session.id}`);
    this.o.log.info({ propertyId: booking.propertyId, bookingId: booking.id, sessionId: session.id, purpose: charge?.purpose ?? 'booking' }, 'checkout session opened');
    return { id: session.id, url: session.url, expiresAt: new Date((session.expires_at ?? expiresAt) * 1000).toISOString() };
  }

  /** The session's payment page while it can still take money; null once it expired or completed. */
  async openUrlOf(sessionId: string): Promise<string | null> {
    try {
      const session = await this.o.stripe.checkout.sessions.retrieve(sessionId);
      return session.status === 'open' && session.url ? session.url : null;
    } catch (error) {
      this.o.log.warn({ sessionId, err: errorText(error) }, 'checkout session lookup failed');
      return null;
    }
  }

  async refund(request: RefundRequest): Promise<RefundAnswer> {
    const { booking } = request;
    const platform = this.o.catalog.get(booking.propertyId)?.payment.platform;
    try {
      const refund = await this.o.stripe.refunds.create(
        {
          payment_intent: request.paymentId,
          amount: request.amount,
          metadata: { bookingId: booking.id, propertyId: booking.propertyId, ...(booking.reference !== null ? { reference: booking.reference } : {}), majordomeKey: request.key },
          // Destination charges: take the money back from the property's account, and the platform's fee with it.
          ...(platform ? { reverse_transfer: true, refund_application_fee: true } : {}),
        },
        { idempotencyKey: `refund:${request.key}` },
      );
      this.o.log.info({ propertyId: booking.propertyId, bookingId: booking.id, refundId: refund.id, amount: request.amount, status: refund.status }, 'refund requested');
      if (refund.status === 'failed' || refund.status === 'canceled') return { ok: false, code: 'refund_failed', detail: { reason: `refund ${refund.id} ${refund.status}` } };
      return { ok: true, value: { providerId: refund.id, status: refund.status === 'succeeded' ? 'succeeded' : 'pending' } };
    } catch (error) {
      this.o.log.warn({ propertyId: booking.propertyId, bookingId: booking.id, paymentId: request.paymentId, err: errorText(error) }, 'refund refused');
      return { ok: false, code: 'refund_failed', detail: { reason: errorText(error) } };
    }
  }

  async closeCheckout(booking: Booking, checkoutId: string): Promise<void> {
    try {
      await this.o.stripe.checkout.sessions.expire(checkoutId);
      this.o.log.info({ propertyId: booking.propertyId, bookingId: booking.id, sessionId: checkoutId }, 'checkout session expired by us');
    } catch (error) {
      // Already expired or completed: either way it takes no more money (a completed one is settled by its webhook).
      this.o.log.info({ propertyId: booking.propertyId, bookingId: booking.id, sessionId: checkoutId, err: errorText(error) }, 'checkout session not expired');
    }
  }

  private base(): string {
    return this.o.publicBaseUrl.replace(/(?<!\/)\/+$/, '');
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
