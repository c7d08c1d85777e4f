import type { Request, Server } from 'restify';
import type { LinkSigner } from '../../adapters/payments/link-signer';
import type { StripePayments } from '../../adapters/payments/stripe/stripe-payments';
import { isPayable } from '../../domain/bookings/unpaid';
import { LOCALES, localize, type Locale } from '../../domain/catalog/locales';
import { paymentsOf } from '../../domain/payments/booking-writes';
import { recordCheckout } from '../../domain/payments/recorded-gateway';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import { t } from '../../dialogs/messages/catalog';
import type { Logger } from '../logger';
import { sendPage } from './pay-pages';

function localeOf(req: Request, fallback: Locale): Locale {
  const asked = String((req.query as Record<string, unknown> | undefined)?.['locale'] ?? '');
  return (LOCALES as readonly string[]).includes(asked) ? (asked as Locale) : fallback;
}

/** Where Stripe sends the guest back after paying or leaving its page. */
export function registerReturnPages(server: Server): void {
  server.get('/pay/thanks', async (req, res) => {
    const l = localeOf(req, 'en');
    sendPage(res, 200, { lang: l, title: 'Majordome', lines: [t(l, 'payPagePaid')] });
  });
  server.get('/pay/left', async (req, res) => {
    const l = localeOf(req, 'en');
    sendPage(res, 200, { lang: l, title: 'Majordome', lines: [t(l, 'payPageLeft')] });
  });
}

/**
 * `GET /pay/:propertyId/:bookingId?sig=…`: the link a guest gets when the deadline to pay is
 * longer than a Stripe session may live. Each visit goes to the booking's live session, or opens
 * a fresh one when the last has expired, until the booking's own deadline.
 */
export function registerStablePayLink(server: Server, o: { deps: UseCaseDeps; stripe: StripePayments; signer: LinkSigner; log: Logger }): void {
  server.get('/pay/:propertyId/:bookingId', async (req, res) => {
    const propertyId = String(req.params.propertyId ?? '');
    const bookingId = String(req.params.bookingId ?? '');
    const sig = String((req.query as Record<string, unknown> | undefined)?.['sig'] ?? '');
    const property = o.deps.catalog.get(propertyId);
    const booking = property && o.signer.verify(sig, 'pay', propertyId, bookingId) ? await o.deps.store.getBooking(propertyId, bookingId) : null;
    if (!property || !booking) {
      const l = localeOf(req, 'en');
      return sendPage(res, 404, { lang: l, title: 'Majordome', lines: [t(l, 'payPageExpired')] });
    }
    const locale = localeOf(req, booking.address?.locale ?? property.defaultLocale);
    const title = localize(property.name, locale);
    if (booking.state === 'confirmed') return sendPage(res, 200, { lang: locale, title, lines: [t(locale, 'payPageAlreadyPaid')] });
    const now = o.deps.clock.now().getTime();
    if (!isPayable(booking.state) || Date.parse(booking.holdExpiresAt) <= now) {
      return sendPage(res, 410, { lang: locale, title, lines: [t(locale, 'payPageExpired')] });
    }

    const sessions = paymentsOf(booking).checkouts.filter((c) => c.purpose === 'booking');
    const live = sessions.filter((c) => c.open && Date.parse(c.expiresAt) > now + 60_000).at(-1);
    const liveUrl = live ? await o.stripe.openUrlOf(live.id) : null;
    let url = liveUrl;
    if (!url) {
      try {
        const guest = booking.guestId ? await o.deps.store.getGuest(propertyId, booking.guestId) : null;
        const session = await o.stripe.openSession(booking, guest, undefined, sessions.length);
        await recordCheckout(o.deps, booking, { url: session.url, demo: false, expiresAt: session.expiresAt, checkoutId: session.id });
        url = session.url;
      } catch (error) {
        // Stripe unreachable: the guest may simply follow the link again; nothing was charged.
        o.log.warn({ propertyId, bookingId, err: error instanceof Error ? error.message : String(error) }, 'checkout session not opened');
        res.setHeader('retry-after', '30');
        return sendPage(res, 503, { lang: locale, title, lines: [t(locale, 'payPageLeft')] });
      }
    }
    o.log.info({ propertyId, bookingId, reused: Boolean(liveUrl) }, 'payment link followed');
    res.redirect(303, url, () => undefined);
  });
}
