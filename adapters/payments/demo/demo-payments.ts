import type { Booking } from '../../../domain/bookings/booking';
import type { CheckoutLink, PaymentGateway } from '../../../domain/ports';

/**
 * With no payment provider configured, the guest gets a link to Majordome's own demo checkout
 * page, flagged as demo so every channel says "no real payment".
 */
export class DemoPayments implements PaymentGateway {
  constructor(private readonly publicBaseUrl: string) {}

  async createCheckout(booking: Booking): Promise<CheckoutLink> {
    const base = this.publicBaseUrl.replace(/\/+$/, '');
    return {
      url: `${base}/pay/demo/${encodeURIComponent(booking.propertyId)}/${encodeURIComponent(booking.id)}`,
      demo: true,
      expiresAt: booking.holdExpiresAt,
    };
  }
}
