import type { PaymentsConfig } from '../../bot/payments-config';
import type { Booking } from '../../domain/bookings/booking';
import type { GuestAddress } from '../../domain/guests/guest-address';
import type { MemoryStore } from '../../adapters/store/memory';
import type { Config } from '../../bot/config';
import type { StaffAlert } from '../../domain/ports';
import { awaitPayment } from '../../domain/usecases/await-payment';
import { placeHold } from '../../domain/usecases/place-hold';
import { upsertGuest } from '../../domain/usecases/upsert-guest';
import { FakeClock } from '../fakes/clock';
import { FakeStripeApi } from '../fakes/stripe-api';
import { startLoopbackApp, type LoopbackApp } from './messages-support';

export const WEBHOOK_SECRET = 'whsec_testsecretfortheMajordomesuite';
export const CHATEAU = 'chateau-de-vauclair';

export interface PaymentsWorld extends LoopbackApp {
  stripe: FakeStripeApi | null;
  alerts: StaffAlert[];
}

/**
 * The whole app on 127.0.0.1: with `stripe`, the real Stripe SDK pointed at a local fake API;
 * without, the demo checkout. Notices go to a capture server; staff alerts are recorded.
 */
export async function startPaymentsWorld(options: { stripe?: boolean; now?: string; store?: MemoryStore; config?: Partial<Config> } = {}): Promise<PaymentsWorld> {
  const stripe = options.stripe ? await FakeStripeApi.start() : null;
  const paymentsConfig: PaymentsConfig = stripe ? { stripe: { secretKey: 'sk_test_fakefakefake', webhookSecret: WEBHOOK_SECRET }, linkSecret: 'a-link-secret-for-tests-only-0123456789' } : { stripe: null, linkSecret: null };
  const alerts: StaffAlert[] = [];
  const world = await startLoopbackApp({
    clock: new FakeClock(Date.parse(options.now ?? '2027-11-20T09:00:00Z')),
    config: options.config ?? {},
    over: {
      payments: { config: paymentsConfig, ...(stripe ? { stripe: stripe.client() } : {}) },
      ...(options.store ? { store: options.store } : {}),
    },
    beforeListen: (app) => {
      const notifier = app.requests.notifier;
      const notify = notifier.notify.bind(notifier);
      notifier.notify = async (alert: StaffAlert) => {
        alerts.push(alert);
        await notify(alert);
      };
    },
  });
  return {
    ...world,
    stripe,
    alerts,
    close: async () => {
      await world.close();
      await stripe?.close();
    },
  };
}

export function addressFor(w: PaymentsWorld, conversationId: string, locale: GuestAddress['locale'] = 'en'): GuestAddress {
  return { channelId: 'emulator', serviceUrl: w.capture.url, conversationId, userId: `u-${conversationId}`, botId: 'majordome', locale };
}

/** A booking held the way the booking dialog holds one, waiting for its payment; the link as the guest got it. */
export async function heldBooking(
  w: PaymentsWorld,
  o: { conversationId: string; unitTypeId?: string; ratePlanId?: string; checkIn?: string; checkOut?: string; holdMinutes?: number },
): Promise<{ booking: Booking; url: string; checkoutId: string | undefined }> {
  const deps = w.app.deps;
  const guest = await upsertGuest(deps, { propertyId: CHATEAU, channel: 'emulator', channelUserId: `u-${o.conversationId}`, locale: 'en', name: 'Camille Martin', email: 'camille@example.org', phone: '+33612345678' });
  const held = await placeHold(deps, {
    propertyId: CHATEAU,
    unitTypeId: o.unitTypeId ?? 'suite-de-la-tour',
    ratePlanId: o.ratePlanId ?? 'flexible',
    stay: { checkIn: o.checkIn ?? '2027-12-12', checkOut: o.checkOut ?? '2027-12-15' },
    party: { adults: 2, children: 0 },
    channel: 'direct',
    source: 'emulator',
    address: addressFor(w, o.conversationId),
    requestId: `req-${o.conversationId}`,
    guestId: guest.id,
    actor: `guest:${guest.id}`,
    ...(o.holdMinutes ? { holdMinutes: o.holdMinutes } : {}),
  });
  if (!held.ok) throw new Error(`hold refused: ${held.code}`);
  const link = await w.app.payments.gateway.createCheckout(held.value, guest);
  await awaitPayment(deps, { propertyId: CHATEAU, bookingId: held.value.id, actor: 'system' });
  const booking = await deps.store.getBooking(CHATEAU, held.value.id);
  if (!booking) throw new Error('booking vanished');
  return { booking, url: link.url, checkoutId: link.checkoutId };
}

/** Notices told to one conversation, as text. */
export function toldTo(w: PaymentsWorld, conversationId: string): string[] {
  return w.capture.replies.filter((r) => r.conversationId === conversationId).map((r) => String(r.activity.text ?? ''));
}
