import fc from 'fast-check';
import { DemoPayments } from '../../../adapters/payments/demo/demo-payments';
import { LinkSigner } from '../../../adapters/payments/link-signer';
import { createMemoryStore } from '../../../adapters/store/memory';
import type { Booking } from '../../../domain/bookings/booking';
import { Catalog } from '../../../domain/catalog/catalog';
import { nightsOf } from '../../../domain/calendar/nights';
import type { PaymentDeps } from '../../../domain/payments/deps';
import type { PaymentEvent } from '../../../domain/payments/payment-event';
import { RecordedPaymentGateway } from '../../../domain/payments/recorded-gateway';
import type { GuestNotice, RefundRequest, StaffAlert } from '../../../domain/ports';
import { awaitPayment } from '../../../domain/usecases/await-payment';
import { expireHolds } from '../../../domain/usecases/expire-holds';
import { placeHold } from '../../../domain/usecases/place-hold';
import { applyPaymentEvent } from '../../../domain/usecases/settle-payment';
import { FakeClock } from '../../fakes/clock';
import { sequentialIds } from '../../fakes/ids';
import { testProperty } from '../../fakes/property';

/**
 * However the provider's events arrive — duplicated, reordered, late, racing the sweeper and
 * another guest — the books balance: a checkout's money counts once, a confirmed booking owns
 * its nights, a booking that is not confirmed keeps none of the guest's money, and the guest
 * hears "confirmed" at most once.
 */
const PROPERTY = 'manoir-test';
const stay = { checkIn: '2027-03-10', checkOut: '2027-03-13' };

type Step = 'pay' | 'pay_again' | 'expired' | 'abandon' | 'lapse' | 'rival';

async function world() {
  const clock = new FakeClock(Date.parse('2027-02-01T10:00:00Z'));
  const base = { catalog: new Catalog([testProperty()]), store: createMemoryStore(), clock, ids: sequentialIds('bk') };
  const refunds: RefundRequest[] = [];
  const notices: GuestNotice[] = [];
  const alerts: StaffAlert[] = [];
  const demo = new DemoPayments('http://localhost', new LinkSigner('a-link-secret-for-tests-only'));
  const refundsCounted = {
    createCheckout: demo.createCheckout.bind(demo),
    closeCheckout: demo.closeCheckout.bind(demo),
    refund: async (r: RefundRequest) => {
      refunds.push(r);
      return demo.refund(r);
    },
  };
  const deps: PaymentDeps = {
    ...base,
    payments: new RecordedPaymentGateway(base, refundsCounted),
    messenger: { tell: async (n) => (notices.push(n), 'sent') },
    notifier: { notify: async (a) => void alerts.push(a) },
    calendarUrl: () => 'http://localhost/x.ics',
  };
  return { deps, clock, refunds, notices, alerts };
}

async function hold(deps: PaymentDeps, requestId: string): Promise<Booking | null> {
  const held = await placeHold(deps, { propertyId: PROPERTY, unitTypeId: 'suite', ratePlanId: 'flex', stay, party: { adults: 2, children: 0 }, channel: 'direct', source: 'webchat', requestId, guestId: null, actor: 'guest' });
  if (!held.ok) return null;
  await deps.payments.createCheckout(held.value, null);
  await awaitPayment(deps, { propertyId: PROPERTY, bookingId: held.value.id, actor: 'system' });
  return held.value;
}

const completed = (b: Booking): PaymentEvent => ({ kind: 'checkout_completed', propertyId: PROPERTY, bookingId: b.id, checkoutId: `demo_${b.id}`, purpose: 'booking', paymentId: `pi_${b.id}`, amount: b.quote.total, guarantee: false });

describe('settling payments in any order', () => {
  it('keeps the books balanced for every ordering of payment, duplicates, expiry, abandonment, lapse and a rival guest', async () => {
    const steps = fc.array(fc.constantFrom<Step>('pay', 'pay_again', 'expired', 'abandon', 'lapse', 'rival'), { minLength: 1, maxLength: 7 });
    await fc.assert(
      fc.asyncProperty(steps, async (plan) => {
        const { deps, clock, refunds, notices } = await world();
        const guest = await hold(deps, 'guest');
        if (!guest) throw new Error('the first hold must succeed');
        let rival: Booking | null = null;
        for (const step of plan) {
          if (step === 'pay' || step === 'pay_again') await applyPaymentEvent(deps, completed(guest));
          else if (step === 'expired') await applyPaymentEvent(deps, { kind: 'checkout_expired', propertyId: PROPERTY, bookingId: guest.id, checkoutId: `demo_${guest.id}` });
          else if (step === 'abandon') await applyPaymentEvent(deps, { kind: 'checkout_abandoned', propertyId: PROPERTY, bookingId: guest.id, checkoutId: `demo_${guest.id}` });
          else if (step === 'lapse') {
            clock.advanceMinutes(25);
            await expireHolds(deps, PROPERTY);
          } else if (!rival) {
            rival = await hold(deps, 'rival');
            if (rival) await applyPaymentEvent(deps, completed(rival));
          }
        }

        const mine = await deps.store.getBooking(PROPERTY, guest.id);
        if (!mine) throw new Error('booking vanished');
        const p = mine.payments;
        const received = (p?.receipts ?? []).reduce((n, r) => n + r.amount, 0);
        const refunded = (p?.refunds ?? []).filter((r) => r.status !== 'failed').reduce((n, r) => n + r.amount, 0);
        // A checkout's money counts once.
        expect(new Set(p?.receipts.map((r) => r.checkoutId)).size).toBe(p?.receipts.length ?? 0);
        expect(received).toBeLessThanOrEqual(guest.quote.total);
        expect(mine.amountPaid).toBe(received - refunded);
        expect(refunds.filter((r) => r.booking.id === guest.id).reduce((n, r) => n + r.amount, 0)).toBe(refunded);

        const nights = nightsOf(stay);
        const owners = (await deps.store.readUnitNights(PROPERTY, ['s1'], nights, clock.now().getTime()))['s1'] ?? [];
        if (mine.state === 'confirmed') {
          // Paid and confirmed: the nights are the guest's, and all the money is kept.
          expect(owners.every((o) => o.owner?.kind === 'booking' && o.owner.bookingId === guest.id)).toBe(true);
          expect(mine.amountPaid).toBe(guest.quote.total);
        } else {
          // Not confirmed: none of the guest's money is kept.
          expect(mine.amountPaid).toBe(0);
          expect(owners.some((o) => o.owner?.kind === 'booking' && o.owner.bookingId === guest.id)).toBe(false);
        }
        const rivalNow = rival ? await deps.store.getBooking(PROPERTY, rival.id) : null;
        expect(mine.state === 'confirmed' && rivalNow?.state === 'confirmed').toBe(false);
        expect(notices.filter((n) => n.kind === 'booking_confirmed' && n.booking.id === guest.id).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });
});
