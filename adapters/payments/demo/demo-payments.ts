import { randomBytes } from 'node:crypto';
import type { Booking } from '../../../domain/bookings/booking';
import type { CheckoutLink, ExtraCharge, PaymentGateway, RefundAnswer, RefundRequest } from '../../../domain/ports';
import { LinkSigner, linkPaths } from '../link-signer';

/** The demo checkout id of a booking's own payment, or of one date-change difference. */
export function demoCheckoutId(bookingId: string, charge?: ExtraCharge): string {
  return charge ? `demo_${bookingId}_${charge.key.replace(/[^A-Za-z0-9]/g, '')}` : `demo_${bookingId}`;
}

/**
 * With no payment provider configured, the guest gets a link to Majordome's own demo checkout
 * page, flagged as demo so every channel says "no real payment". The page drives the same
 * payment events as the provider's webhooks; refunds succeed at once, moving nothing.
 */
export class DemoPayments implements PaymentGateway {
  readonly signer: LinkSigner;

  /** No secret: a random one, so links work until the process restarts (demo only). */
  constructor(private readonly publicBaseUrl: string, signer?: LinkSigner) {
    this.signer = signer ?? new LinkSigner(randomBytes(32).toString('hex'));
  }

  async createCheckout(booking: Booking, _guest: unknown, charge?: ExtraCharge): Promise<CheckoutLink> {
    const base = this.publicBaseUrl.replace(/(?<!\/)\/+$/, '');
    const checkoutId = demoCheckoutId(booking.id, charge);
    const sig = this.signer.sign('demo-checkout', booking.propertyId, booking.id, checkoutId);
    // A difference has no hold behind it: its link lasts a day, like a provider's longest session.
    const expiresAt = charge ? new Date(Date.parse(booking.updatedAt) + 24 * 3600_000).toISOString() : booking.holdExpiresAt;
    return {
      url: `${base}${linkPaths.demoCheckout(booking.propertyId, booking.id)}?c=${encodeURIComponent(checkoutId)}&sig=${sig}`,
      demo: true,
      expiresAt,
      checkoutId,
    };
  }

  async refund(request: RefundRequest): Promise<RefundAnswer> {
    return { ok: true, value: { providerId: `demo_re_${request.key.replace(/[^A-Za-z0-9]/g, '')}`, status: 'succeeded' } };
  }

  async closeCheckout(): Promise<void> {
    // Nothing to close: the demo page reads the booking each time it is opened.
  }
}
