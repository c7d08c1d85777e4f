import fc from 'fast-check';
import Stripe from 'stripe';
import { MemoryProcessedEvents } from '../../adapters/payments/event-log/memory-processed-events';
import { CHATEAU, heldBooking, startPaymentsWorld, WEBHOOK_SECRET, type PaymentsWorld } from '../bot/payments-support';
import { fuzzEndpoints } from './support/fuzz-endpoints';
import { ANY_METHOD, bodies, headers, join, nearly, oddQueryPair, oddText, pct, request, segment, type Json } from './support/inputs';
import type { RawRequest } from './support/raw-http';

interface StripeWorld extends PaymentsWorld {
  /** Events as Stripe would send them about our bookings, to be bent before they are signed. */
  events: Json[];
  /** Stable pay links (`/pay/:propertyId/:bookingId?sig=…`) of bookings waiting for their payment. */
  payLinks: { propertyId: string; bookingId: string; sig: string }[];
}

const sdk = new Stripe('sk_test_unused', {});

function event(id: string, type: string, object: Json): Json {
  return { id, object: 'event', api_version: '2026-10-28.endive', created: 1795165200, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type, data: { object } };
}

async function startStripe(): Promise<StripeWorld> {
  const w = await startPaymentsWorld({ stripe: true });
  const fake = w.stripe;
  if (!fake) throw new Error('no fake Stripe');
  const held = [];
  for (const [i, checkIn, checkOut] of [[1, '2027-12-12', '2027-12-15'], [2, '2028-01-10', '2028-01-12'], [3, '2028-02-01', '2028-02-04']] as const) {
    held.push(await heldBooking(w, { conversationId: `fuzz-stripe-${i}`, checkIn, checkOut }));
  }
  const [first, second, third] = held.map((h) => h.checkoutId ?? '');
  const paid = fake.publicView(fake.complete(first ?? ''));
  const expired = fake.publicView(fake.expire(second ?? ''));
  const open = fake.publicView(fake.sessions.get(third ?? '') ?? {});
  const pi = String(paid['payment_intent']);
  const ids = { bookingId: held[0]?.booking.id ?? '', propertyId: CHATEAU };
  const events: Json[] = [
    event('evt_fuzz_completed', 'checkout.session.completed', paid as Json),
    event('evt_fuzz_async', 'checkout.session.async_payment_succeeded', paid as Json),
    event('evt_fuzz_expired', 'checkout.session.expired', expired as Json),
    event('evt_fuzz_open', 'checkout.session.completed', open as Json),
    event('evt_fuzz_charge', 'charge.refunded', { id: 'ch_fuzz', object: 'charge', payment_intent: pi, amount_refunded: 100, metadata: ids }),
    event('evt_fuzz_refund', 'refund.updated', { id: 're_fuzz', object: 'refund', payment_intent: pi, status: 'failed', metadata: { ...ids, majordomeKey: 'refund:fuzz' } }),
    event('evt_fuzz_other', 'customer.created', { id: 'cus_fuzz', object: 'customer' }),
  ];
  const signer = w.app.payments.signer;
  const payLinks = held.map((h) => ({ propertyId: CHATEAU, bookingId: h.booking.id, sig: signer.sign('pay', CHATEAU, h.booking.id) }));
  return { ...w, events, payLinks };
}

const post = fc.oneof({ weight: 8, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: ANY_METHOD });
const jsonType = fc.oneof({ weight: 5, arbitrary: fc.constant<[string, string][]>([['content-type', 'application/json; charset=utf-8']]) }, { weight: 1, arbitrary: fc.constant<[string, string][]>([]) });

/** How a request's body is signed: now, long ago, or in the future, with our secret or another. */
const signing = fc.record({
  secret: fc.oneof({ weight: 8, arbitrary: fc.constant(WEBHOOK_SECRET) }, { weight: 1, arbitrary: fc.constant('whsec_another') }),
  age: fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(3600, -3600, 10 ** 10) }),
});

/** Signs exactly the bytes sent, as Stripe does, so the fuzz reaches what comes after the signature check. */
function signed(r: RawRequest, s: { secret: string; age: number }): RawRequest {
  const header = sdk.webhooks.generateTestHeaderString({ payload: r.body.toString('utf8'), secret: s.secret, timestamp: Math.floor(Date.now() / 1000) - s.age });
  return Object.assign({ ...r, headers: [['stripe-signature', header] as [string, string], ...r.headers] }, { toString: () => `${String(r)} signed ${JSON.stringify(s)}` });
}

/** Stripe mode: the webhook (unsigned garbage, and garbage signed with the secret) and the stable pay link. */
describe('fuzz: payments with Stripe', () => {
  const world = fuzzEndpoints<StripeWorld>(
    startStripe,
    [
      {
        name: 'POST /webhooks/stripe (unsigned or badly signed garbage)',
        request: (w) =>
          request({
            method: post,
            target: fc.constant('/webhooks/stripe'),
            headers: fc
              .tuple(
                fc.oneof(
                  fc.constant<[string, string][]>([]),
                  fc.constantFrom('t=1,v1=abc', 't=,v1=', 'v1=00', 't=99999999999,v1=x,v0=y', '').map((v): [string, string][] => [['stripe-signature', v]]),
                  oddText(60).map((v): [string, string][] => [['stripe-signature', v.replace(/[\r\n]/g, '')]]),
                ),
                jsonType,
                headers(),
              )
              .map(([a, b, c]) => [...a, ...b, ...c]),
            body: bodies(w.events),
          }),
      },
      {
        name: 'POST /webhooks/stripe (garbage signed with the webhook secret)',
        request: (w) =>
          fc
            .tuple(request({ method: post, target: fc.constant('/webhooks/stripe'), headers: fc.tuple(jsonType, headers()).map(([a, b]) => [...a, ...b]), body: bodies(w.events, { keep: ['type'] }) }), signing)
            .map(([r, s]) => signed(r, s)),
      },
      {
        name: 'GET /pay/:propertyId/:bookingId (stable pay link, bent)',
        request: (w) =>
          fc
            .tuple(
              fc.constantFrom(...w.payLinks),
              fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
              fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
            )
            .chain(([link, sameProperty, sameBooking]) =>
              request({
                method: fc.oneof({ weight: 8, arbitrary: fc.constant('GET') }, { weight: 1, arbitrary: ANY_METHOD }),
                target: fc
                  .tuple(
                    sameProperty ? fc.constant(link.propertyId) : segment(['gite-des-tilleuls']),
                    sameBooking ? fc.constant(link.bookingId) : fc.oneof(fc.constantFrom(...w.payLinks.map((l) => l.bookingId)), segment()),
                    fc.oneof({ weight: 4, arbitrary: fc.constant(link.sig) }, { weight: 2, arbitrary: nearly(link.sig) }, { weight: 1, arbitrary: oddText(40) }),
                    fc.constantFrom<[string, string][]>([], [['locale', 'fr']], [['locale', '%00']]),
                    fc.array(oddQueryPair(['sig', 'locale']), { maxLength: 1 }),
                  )
                  .map(([p, b, sig, locale, odd]) => `/pay/${pct(p)}/${pct(b)}${join([['sig', pct(sig)], ...locale, ...odd])}`),
                headers: headers(),
              }),
            ),
        documented5xx: [{ status: 503, when: 'Stripe unreachable while opening a fresh Checkout Session (README, Payments)' }],
      },
    ],
    (w) => ({ 'Stripe API calls': w.stripe?.calls.length, 'guest notices': w.capture.replies.length, 'staff alerts': w.alerts.length }),
  );

  describe('found by fuzzing', () => {
    it('answers 400 with the reason when the signed body is not an event, and claims no event id', async () => {
      const sdk = new Stripe('sk_test_unused', {});
      const claim = jest.spyOn(MemoryProcessedEvents.prototype, 'claim');
      try {
        for (const payload of ['null', '[]', '"evt"', '{"id":"evt_1"}', '{"id":"evt_1","type":"checkout.session.completed","data":null}', '{"id":"","type":"x","data":{"object":{}}}']) {
          const header = sdk.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
          const res = await fetch(`${world().base}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload });
          const body = (await res.json()) as { error?: string; reasons?: string[] };
          expect({ payload, status: res.status, error: body.error }).toEqual({ payload, status: 400, error: 'invalid_event' });
          expect(body.reasons?.length).toBeGreaterThan(0);
        }
        expect(claim).not.toHaveBeenCalled();
      } finally {
        claim.mockRestore();
      }
    });
  });
});
