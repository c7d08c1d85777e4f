import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signs the links Majordome hands to guests (payment, demo checkout, calendar file) so that
 * knowing a booking id is not enough to pay for, cancel or read someone else's booking.
 */
export class LinkSigner {
  constructor(private readonly secret: string) {
    if (secret.length < 16) throw new Error('a link secret needs at least 16 characters');
  }

  sign(purpose: string, ...parts: string[]): string {
    // Purpose first: a calendar signature never opens a payment page.
    return createHmac('sha256', this.secret).update([purpose, ...parts].join('\u0000')).digest('base64url').slice(0, 32);
  }

  verify(signature: string, purpose: string, ...parts: string[]): boolean {
    const expected = Buffer.from(this.sign(purpose, ...parts));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

/** Paths of the links, in one place for the adapters that build them and the routes that serve them. */
export const linkPaths = {
  demoCheckout: (propertyId: string, bookingId: string) => `/pay/demo/${encodeURIComponent(propertyId)}/${encodeURIComponent(bookingId)}`,
  stablePay: (propertyId: string, bookingId: string) => `/pay/${encodeURIComponent(propertyId)}/${encodeURIComponent(bookingId)}`,
  calendar: (propertyId: string, bookingId: string) => `/bookings/${encodeURIComponent(propertyId)}/${encodeURIComponent(bookingId)}.ics`,
};
