import type { Server } from 'restify';
import type Stripe from 'stripe';
import { z } from 'zod';
import { translateStripeEvent } from '../../adapters/payments/stripe/stripe-events';
import { formatIssues } from '../../domain/catalog/parse';
import type { PaymentDeps } from '../../domain/payments/deps';
import type { ProcessedEvents } from '../../domain/payments/event-log';
import { applyPaymentEvent } from '../../domain/usecases/settle-payment';
import type { Logger } from '../logger';
import { sendProblem } from './problem';
import { isJsonContentType, readRawBody } from './raw-body';

export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';

/**
 * What every Stripe event has. The SDK checks the signature, not the shape: a signed body that
 * is not an event (`null`, an array, no id) threw a TypeError past the signature and answered 500.
 */
const eventEnvelope = z.looseObject({
  id: z.string({ error: 'expected the event id' }).min(1, { error: 'expected the event id' }),
  type: z.string({ error: 'expected the event type' }).min(1, { error: 'expected the event type' }),
  data: z.looseObject({ object: z.looseObject({}, { error: 'expected the event object' }) }, { error: 'expected the event data' }),
}, { error: 'expected a Stripe event' });

/**
 * `POST /webhooks/stripe`: the signature is checked on the exact bytes received (a re-serialised
 * body would not match), then each event id is handled once. A failure answers 500 so that
 * Stripe retries; everything else, unknown event types included, answers 200.
 */
export function registerStripeWebhook(server: Server, o: { stripe: Stripe; webhookSecret: string; events: ProcessedEvents; deps: PaymentDeps; log: Logger }): void {
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
      return sendProblem(res, body.problem.status, body.problem.code, [body.problem.reason]);
    }
    const signature = req.header('stripe-signature');
    if (!signature) return sendProblem(res, 400, 'bad_signature', ['missing Stripe-Signature header']);
    let event: Stripe.Event;
    try {
      event = o.stripe.webhooks.constructEvent(body.raw, signature, o.webhookSecret);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      o.log.warn({ reason }, 'stripe webhook refused');
      return sendProblem(res, 400, 'bad_signature', [reason]);
    }
    const envelope = eventEnvelope.safeParse(event);
    if (!envelope.success) return sendProblem(res, 400, 'invalid_event', formatIssues(envelope.error.issues));

    if (!(await o.events.claim(event.id))) {
      o.log.info({ eventId: event.id, type: event.type }, 'stripe event already handled');
      return res.send(200, { received: true, duplicate: true });
    }
    try {
      const translated = await translateStripeEvent(event, lookupPaymentIntent);
      if (translated.kind === 'ignored') {
        await o.events.done(event.id);
        o.log.info({ eventId: event.id, type: event.type, reason: translated.reason }, 'stripe event ignored');
        return res.send(200, { received: true, ignored: translated.reason });
      }
      const outcome = await applyPaymentEvent(o.deps, translated.event);
      await o.events.done(event.id);
      o.log.info({ eventId: event.id, type: event.type, propertyId: translated.event.propertyId, bookingId: translated.event.bookingId, outcome }, 'stripe event handled');
      return res.send(200, { received: true, outcome });
    } catch (error) {
      await o.events.release(event.id).catch(() => undefined);
      o.log.error({ eventId: event.id, type: event.type, err: error instanceof Error ? error.message : String(error) }, 'stripe event failed; Stripe will retry');
      return sendProblem(res, 500, 'event_failed', ['the event could not be handled now; it will be retried']);
    }
  });
}
