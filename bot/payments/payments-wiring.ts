import { createHmac } from 'node:crypto';
import type { Server } from 'restify';
import Stripe from 'stripe';
import { DemoPayments } from '../../adapters/payments/demo/demo-payments';
import { LinkSigner, linkPaths } from '../../adapters/payments/link-signer';
import { StripePayments } from '../../adapters/payments/stripe/stripe-payments';
import type { Booking } from '../../domain/bookings/booking';
import type { PaymentDeps } from '../../domain/payments/deps';
import { RecordedPaymentGateway } from '../../domain/payments/recorded-gateway';
import type { GuestMessenger, StaffNotifier } from '../../domain/ports';
import { closeLapsedCheckouts } from '../../domain/usecases/close-lapsed-checkouts';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import { formatMoney } from '../../dialogs/messages/format';
import type { Config } from '../config';
import type { Infrastructure } from '../infrastructure/infrastructure';
import { registerBookingCalendar } from '../http/booking-calendar-route';
import { registerDemoCheckout } from '../http/demo-checkout-route';
import { registerReturnPages, registerStablePayLink } from '../http/pay-link-route';
import { registerStripeWebhook } from '../http/stripe-webhook-route';
import type { Logger } from '../logger';
import type { PaymentsConfig } from '../payments-config';
import { catalogCheckoutTexts } from './checkout-texts';

/** What tests may swap: the config, and a Stripe client pointed at a local fake API. */
export interface PaymentsOverrides {
  payments?: { config?: PaymentsConfig; stripe?: Stripe };
}

export interface Payments {
  /** What the dialogs and the staff's approval call; it notes each checkout on its booking. */
  gateway: RecordedPaymentGateway;
  mode: 'stripe' | 'demo';
  signer: LinkSigner;
  calendarUrl(booking: Booking): string;
}

interface Built extends Payments {
  stripe: { client: Stripe; payments: StripePayments; webhookSecret: string } | null;
  demo: DemoPayments | null;
}

/** Stripe when a key is configured, the demo checkout otherwise. */
export function createPayments(deps: UseCaseDeps, config: Config, log: Logger, over: PaymentsOverrides = {}): Built {
  const settings = over.payments?.config ?? config.payments;
  const base = config.publicBaseUrl;
  const secret = settings.linkSecret ?? (settings.stripe ? createHmac('sha256', settings.stripe.secretKey).update('majordome payment links').digest('hex') : null);
  const signer = secret ? new LinkSigner(secret) : null;
  const calendarUrlWith = (s: LinkSigner) => (b: Booking) => `${base}${linkPaths.calendar(b.propertyId, b.id)}?sig=${s.sign('calendar', b.propertyId, b.id)}`;

  if (settings.stripe && signer) {
    const client = over.payments?.stripe ?? new Stripe(settings.stripe.secretKey, { maxNetworkRetries: 2, timeout: 20_000 });
    const payments = new StripePayments({ stripe: client, catalog: deps.catalog, clock: deps.clock, publicBaseUrl: base, signer, texts: catalogCheckoutTexts, formatMoney, log });
    log.info({ mode: 'stripe' }, 'payments');
    return { gateway: new RecordedPaymentGateway(deps, payments), mode: 'stripe', signer, calendarUrl: calendarUrlWith(signer), stripe: { client, payments, webhookSecret: settings.stripe.webhookSecret }, demo: null };
  }
  const demo = new DemoPayments(base, signer ?? undefined);
  log.info({ mode: 'demo' }, 'payments: demo checkout, no real payment');
  return { gateway: new RecordedPaymentGateway(deps, demo), mode: 'demo', signer: demo.signer, calendarUrl: calendarUrlWith(demo.signer), stripe: null, demo };
}

/** A checkout sees a handful of events in its life; far more in a minute is a replay storm. */
const STRIPE_EVENTS_PER_OBJECT_PER_MINUTE = 30;

/** What the hold sweep does for payments on each property, with the bookings it has just read. */
export type PaymentSweep = (propertyId: string, bookings: readonly Booking[]) => Promise<void>;

/**
 * The payment routes (webhook or demo page, stable pay links, calendar files). Returns the
 * sweep step that closes checkouts whose hold lapsed, run by the hold sweeper in its own pass
 * so each property's bookings are read once a sweep.
 */
export function startPayments(
  server: Server,
  built: Payments,
  o: { deps: UseCaseDeps; infrastructure: Infrastructure; messenger: GuestMessenger; notifier: StaffNotifier; log: Logger },
): PaymentSweep {
  const { deps, log } = o;
  const b = built as Built;
  const paymentDeps: PaymentDeps = { ...deps, payments: b.gateway, messenger: o.messenger, notifier: o.notifier, calendarUrl: b.calendarUrl };
  registerReturnPages(server);
  registerBookingCalendar(server, { deps, signer: b.signer, log });
  if (b.stripe) {
    const limiter = o.infrastructure.rateLimiter({ name: 'stripe-objects', points: STRIPE_EVENTS_PER_OBJECT_PER_MINUTE, durationSeconds: 60 });
    registerStripeWebhook(server, { stripe: b.stripe.client, webhookSecret: b.stripe.webhookSecret, events: o.infrastructure.processedIds('stripe'), limiter, deps: paymentDeps, log });
    registerStablePayLink(server, { deps, stripe: b.stripe.payments, signer: b.signer, log });
  } else {
    registerDemoCheckout(server, { deps: paymentDeps, signer: b.signer, log });
  }

  return async (propertyId, bookings) => {
    const closed = await closeLapsedCheckouts(paymentDeps, propertyId, bookings);
    if (closed.length) log.info({ propertyId, checkouts: closed }, 'lapsed checkouts closed');
  };
}
