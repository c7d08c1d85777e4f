import type { Booking } from '../bookings/booking';
import type { CheckoutRecord } from '../bookings/payment-record';
import type { Guest } from '../guests/guest';
import type { CheckoutLink, ExtraCharge, PaymentGateway, RefundAnswer, RefundRequest } from '../ports';
import type { UseCaseDeps } from '../usecases/deps';
import { paymentsOf, updateBookingWith } from './booking-writes';
import { dueOnline } from './payment-policy';

/** Writes a checkout opened now on its booking, so it can be closed when the hold lapses. */
export async function recordCheckout(deps: UseCaseDeps, booking: Booking, link: CheckoutLink, charge?: ExtraCharge): Promise<void> {
  const checkoutId = link.checkoutId;
  if (!checkoutId) return;
  const property = deps.catalog.get(booking.propertyId);
  const record: CheckoutRecord = {
    id: checkoutId,
    purpose: charge?.purpose ?? 'booking',
    amount: charge?.amount ?? (property ? dueOnline(property, booking.quote.total) : booking.quote.total),
    expiresAt: link.expiresAt,
    open: true,
  };
  await updateBookingWith(deps, booking.propertyId, booking.id, (b) => {
    const p = paymentsOf(b);
    if (p.checkouts.some((c) => c.id === checkoutId)) return null;
    return { ...b, payments: { ...p, checkouts: [...p.checkouts, record] } };
  });
}

/**
 * The gateway every caller uses: the provider's, plus a note on the booking of each checkout it
 * opens. Callers (the booking dialog, the staff's approval) keep calling `createCheckout` alone.
 */
export class RecordedPaymentGateway implements PaymentGateway {
  constructor(
    private readonly deps: UseCaseDeps,
    private readonly inner: PaymentGateway,
  ) {}

  async createCheckout(booking: Booking, guest: Guest | null, charge?: ExtraCharge): Promise<CheckoutLink> {
    const link = await this.inner.createCheckout(booking, guest, charge);
    await recordCheckout(this.deps, booking, link, charge);
    return link;
  }

  refund(request: RefundRequest): Promise<RefundAnswer> {
    return this.inner.refund(request);
  }

  closeCheckout(booking: Booking, checkoutId: string): Promise<void> {
    return this.inner.closeCheckout(booking, checkoutId);
  }
}
