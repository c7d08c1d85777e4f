import { checkoutSessionParams, sessionExpiry } from '../../../adapters/payments/stripe/checkout-params';
import type { CheckoutTexts } from '../../../adapters/payments/stripe/checkout-texts';
import type { Booking } from '../../../domain/bookings/booking';
import type { PropertyInput } from '../../../domain/catalog/schema';
import { testProperty } from '../../fakes/property';

const texts: CheckoutTexts = {
  stayLine: (l, p) => `${l}|stay|${p.room}|${p.plan}|${p.nights}|${p.checkIn}|${p.checkOut}`,
  touristTaxLine: (l) => `${l}|tax`,
  depositLine: (l, p) => `${l}|deposit|${p.percent}|${p.room}|${p.balance}`,
  dateChangeLine: (l, p) => `${l}|change|${p.reference}`,
  referenceNote: (l, p) => `${l}|ref|${p.reference}`,
};

const booking = {
  id: 'bk1', reference: 'K7M2QX', propertyId: 'manoir-test', unitTypeId: 'double', unitId: 'd1', ratePlanId: 'flex',
  stay: { checkIn: '2027-12-12', checkOut: '2027-12-15' }, party: { adults: 2, children: 0 },
  quote: { total: 30_600, roomTotal: 30_000, breakfastTotal: 0, touristTaxTotal: 600, nights: [{}, {}, {}] } as unknown as Booking['quote'],
  state: 'awaiting_payment', holdId: 'bk1', holdExpiresAt: '2027-11-20T09:20:00Z', guestId: 'g1', amountPaid: 0, channel: 'webchat',
  address: { channelId: 'webchat', serviceUrl: 'x', conversationId: 'c', userId: 'u', botId: 'b', locale: 'fr' },
  createdAt: '', updatedAt: '', version: 2, history: [],
} as Booking;
const guest = { email: 'camille@example.org', locale: 'en' } as Parameters<typeof checkoutSessionParams>[0]['guest'];

const params = (over: Partial<PropertyInput>, charge?: { purpose: 'date_change'; amount: number; key: string }) =>
  checkoutSessionParams({ booking, guest, property: testProperty(over), charge, expiresAt: 1_900_000_000, successUrl: 's', cancelUrl: 'c', texts, formatMoney: (m) => `€${m / 100}` });

describe('Checkout Session parameters', () => {
  it('full prepayment: the nights of the rate plan and the tourist tax, in the guest’s language, with our ids', () => {
    expect(params({})).toMatchObject({
      mode: 'payment',
      locale: 'fr',
      customer_email: 'camille@example.org',
      client_reference_id: 'bk1',
      metadata: { bookingId: 'bk1', propertyId: 'manoir-test', reference: 'K7M2QX', purpose: 'booking' },
      expires_at: 1_900_000_000,
      line_items: [
        { quantity: 1, price_data: { currency: 'eur', unit_amount: 30_000, product_data: { name: 'fr|stay|Chambre double|Flexible|3|2027-12-12|2027-12-15', description: 'fr|ref|K7M2QX' } } },
        { quantity: 1, price_data: { currency: 'eur', unit_amount: 600, product_data: { name: 'fr|tax' } } },
      ],
      payment_intent_data: { metadata: { bookingId: 'bk1', propertyId: 'manoir-test' } },
    });
  });

  it('a deposit: one line for the deposit, naming the balance due at the hotel', () => {
    const p = params({ payment: { collect: 'deposit' }, depositPercent: 30 });
    expect(p.line_items).toEqual([expect.objectContaining({ price_data: expect.objectContaining({ unit_amount: 9_180, product_data: expect.objectContaining({ name: 'fr|deposit|30|Chambre double|€214.2' }) }) })]);
  });

  it('a card guarantee: setup mode, nothing charged', () => {
    const p = params({ payment: { collect: 'guarantee' } });
    expect(p).toMatchObject({ mode: 'setup', currency: 'eur', setup_intent_data: { metadata: { bookingId: 'bk1' } } });
    expect(p.line_items).toBeUndefined();
    expect(p.payment_intent_data).toBeUndefined();
  });

  it('platform mode: the money goes to the property’s account and the commission stays as an application fee', () => {
    const p = params({ payment: { collect: 'full', platform: { connectedAccountId: 'acct_1Nv0FGQ9RKHgCVdK', applicationFeePercent: 5 } } });
    expect(p.payment_intent_data).toMatchObject({ application_fee_amount: 1_530, transfer_data: { destination: 'acct_1Nv0FGQ9RKHgCVdK' } });
  });

  it('a date-change difference: one line for the difference, flagged for the webhook', () => {
    const p = params({}, { purpose: 'date_change', amount: 4_500, key: 'change:bk1:3' });
    expect(p.metadata).toMatchObject({ purpose: 'date_change' });
    expect(p.line_items).toEqual([expect.objectContaining({ price_data: expect.objectContaining({ unit_amount: 4_500, product_data: expect.objectContaining({ name: 'fr|change|K7M2QX' }) }) })]);
  });
});

describe('session expiry', () => {
  const now = Date.parse('2027-11-20T09:00:00Z');
  const s = (iso: string) => Date.parse(iso) / 1000;

  it('follows the hold when Stripe allows it', () => {
    expect(sessionExpiry(Date.parse('2027-11-20T15:00:00Z'), now)).toBe(s('2027-11-20T15:00:00Z'));
  });

  it('is never under 30 minutes (a 20-minute hold) nor over 24 hours (a 48-hour deadline), in steps that make a retry identical', () => {
    const short = sessionExpiry(Date.parse('2027-11-20T09:20:00Z'), now);
    expect(short - now / 1000).toBeGreaterThanOrEqual(31 * 60);
    expect(short - now / 1000).toBeLessThanOrEqual(36 * 60);
    expect(sessionExpiry(Date.parse('2027-11-20T09:20:00Z'), now + 20_000)).toBe(short);
    const long = sessionExpiry(Date.parse('2027-11-22T09:00:00Z'), now);
    expect(long - now / 1000).toBeLessThan(24 * 3600);
    expect(long - now / 1000).toBeGreaterThan(23.5 * 3600);
  });
});
