import type { Server } from 'restify';
import type Stripe from 'stripe';
import { checkEventEnvelope, translateStripeEvent } from '../../adapters/payments/stripe/stripe-events';
import type { PaymentDeps } from '../../domain/payments/deps';
import type { ProcessedEvents } from '../../domain/payments/event-log';
import { applyPaymentEvent } from '../../domain/usecases/settle-payment';
import type { Logger } from '../logger';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { consumePoint } from '../../adapters/rate-limit/consume';
import { sendProblem } from './problem';
import { isJsonContentType, readRawBody } from './raw-body';

export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';

/**
 * `POST /webhooks/stripe`: the signature is checked on the exact bytes received (a re-serialised
 * body would not match), then the event must have an id and no date in the future, then each
 * event id is handled once. A failure answers 500 so that Stripe retries; everything else,
 * unknown event types included, answers 200. Handlers return nothing: restify logs whatever an
 * async handler resolves with, and a response object carries the signature and the body.
 */
export function registerStripeWebhook(server: Server, o: { stripe: Stripe; webhookSecret: string; events: ProcessedEvents; limiter: RateLimiterAbstract; deps: PaymentDeps; log: Logger }): void {
  const lookupPaymentIntent = async (id: string) => {
    const intent = await o.stripe.paymentIntents.retrieve(id);
    const bookingId = intent.metadata?.['bookingId'];
    const propertyId = intent.metadata?.['propertyId'];
    return bookingId && propertyId ? { bookingId, propertyId } : null;
  };

  server.post(STRIPE_WEBHOOK_PATH, async (req, res) => {
    const body = await readRawBody(req, { maxBytes: 512 * 1024, contentTypes: isJsonContentType });
    if (!body.ok) {
      if (body.problem.status === 413) res.setHeader('connection', 'close');
      sendProblem(res, body.problem.status, body.problem.code, [body.problem.reason]);
      return;
    }
    const signature = req.header('stripe-signature');
    if (!signature) {
      sendProblem(res, 400, 'bad_signature', ['missing Stripe-Signature header']);
      return;
    }
    let verified: Stripe.Event;
    try {
      verified = o.stripe.webhooks.constructEvent(body.raw, signature, o.webhookSecret);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      o.log.warn({ reason }, 'stripe webhook refused');
      sendProblem(res, 400, 'bad_signature', [reason]);
      return;
    }
    // Stripe's signature time is checked against real time by the SDK, so the future is too.
    const envelope = checkEventEnvelope(verified, signature, Math.floor(Date.now() / 1000));
    if (!envelope.ok) {
      o.log.warn({ reasons: envelope.reasons }, 'stripe webhook refused: not a well-formed event');
      sendProblem(res, 400, 'invalid_event', envelope.reasons);
      return;
    }
    const event = envelope.event;

    // Per object, after the signature: a storm about one checkout is slowed, never refused. A 429
    // would be a failure to Stripe anyway; 503 with Retry-After says "later", and Stripe retries.
    const limited = await consumePoint(o.limiter, objectIdOf(event));
    if (!limited.allowed) {
      o.log.warn({ eventId: event.id, type: event.type }, 'stripe events about one object come too fast; delayed');
      res.setHeader('retry-after', String(limited.retryAfterSeconds));
      sendProblem(res, 503, 'slow_down', ['too many events about this object; send it again later']);
      return;
    }
    if (!(await o.events.claim(event.id))) {
      o.log.info({ eventId: event.id, type: event.type }, 'stripe event already handled');
      res.send(200, { received: true, duplicate: true });
      return;
    }
    try {
      const translated = await translateStripeEvent(event, lookupPaymentIntent);
      if (translated.kind === 'ignored') {
        await o.events.done(event.id);
        o.log.info({ eventId: event.id, type: event.type, reason: translated.reason }, 'stripe event ignored');
        res.send(200, { received: true, ignored: translated.reason });
        return;
      }
      const outcome = await applyPaymentEvent(o.deps, translated.event);
      await o.events.done(event.id);
      o.log.info({ eventId: event.id, type: event.type, propertyId: translated.event.propertyId, bookingId: translated.event.bookingId, outcome }, 'stripe event handled');
      res.send(200, { received: true, outcome });
    } catch (error) {
      await o.events.release(event.id).catch(() => undefined);
      o.log.error({ eventId: event.id, type: event.type, err: error instanceof Error ? error.message : String(error) }, 'stripe event failed; Stripe will retry');
      sendProblem(res, 500, 'event_failed', ['the event could not be handled now; it will be retried']);
    }
  });
}

/** The checkout, payment or refund an event is about; the event's type when it names none. */
function objectIdOf(event: Stripe.Event): string {
  const object: unknown = event.data?.object;
  const id: unknown = typeof object === 'object' && object !== null ? Reflect.get(object, 'id') : undefined;
  return typeof id === 'string' && id !== '' ? id.slice(0, 255) : `type:${event.type}`;
}
