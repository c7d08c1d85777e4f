import type { Request, Response, Server } from 'restify';
import { linkPaths, type LinkSigner } from '../../adapters/payments/link-signer';
import type { Booking } from '../../domain/bookings/booking';
import { isPayable } from '../../domain/bookings/unpaid';
import type { CheckoutRecord } from '../../domain/bookings/payment-record';
import { LOCALES, type Locale } from '../../domain/catalog/locales';
import type { Property } from '../../domain/catalog/schema';
import { localize } from '../../domain/catalog/locales';
import { paymentsOf } from '../../domain/payments/booking-writes';
import type { PaymentDeps } from '../../domain/payments/deps';
import { dueOnline } from '../../domain/payments/payment-policy';
import { applyPaymentEvent } from '../../domain/usecases/settle-payment';
import { t } from '../../dialogs/messages/catalog';
import { formatMoney } from '../../dialogs/messages/format';
import type { Logger } from '../logger';
import { sendPage } from './pay-pages';
import { sendProblem } from './problem';
import { readRawBody } from './raw-body';

interface Found {
  property: Property;
  booking: Booking;
  checkout: CheckoutRecord;
  locale: Locale;
}

/**
 * The demo checkout, served when no payment provider is configured: clearly labelled "no real
 * payment", it sends the same events a provider's webhooks would, so paying here confirms
 * through the very path a real payment takes, and cancelling releases the nights.
 */
export function registerDemoCheckout(server: Server, o: { deps: PaymentDeps; signer: LinkSigner; log: Logger }): void {
  const base = '/pay/demo/:propertyId/:bookingId';

  const find = async (req: Request, fields: Record<string, string>): Promise<Found | null> => {
    const propertyId = String(req.params.propertyId ?? '');
    const bookingId = String(req.params.bookingId ?? '');
    const checkoutId = fields['c'] ?? '';
    const sig = fields['sig'] ?? '';
    if (!o.signer.verify(sig, 'demo-checkout', propertyId, bookingId, checkoutId)) return null;
    const property = o.deps.catalog.get(propertyId);
    const booking = property ? await o.deps.store.getBooking(propertyId, bookingId) : null;
    if (!property || !booking) return null;
    const checkout: CheckoutRecord = paymentsOf(booking).checkouts.find((c) => c.id === checkoutId) ?? {
      id: checkoutId,
      purpose: 'booking',
      amount: dueOnline(property, booking.quote.total),
      expiresAt: booking.holdExpiresAt,
      open: true,
    };
    const asked = String((req.query as Record<string, unknown> | undefined)?.['locale'] ?? '');
    const locale = (LOCALES as readonly string[]).includes(asked) ? (asked as Locale) : booking.address?.locale ?? property.defaultLocale;
    return { property, booking, checkout, locale };
  };

  const page = (res: Response, f: Found | null, status: number, lines: (l: Locale) => string[], forms: Parameters<typeof sendPage>[2]['forms'] = []) => {
    const locale = f?.locale ?? 'en';
    sendPage(res, status, {
      lang: locale,
      title: f ? localize(f.property.name, locale) : 'Majordome',
      banner: t(locale, 'payPageDemoBanner'),
      lines: lines(locale),
      forms,
    });
  };

  /** The form's fields; a body that is no form gets its 4xx and reason here, and null back. */
  const formFields = async (req: Request, res: Response): Promise<Record<string, string> | null> => {
    const body = await readRawBody(req, { maxBytes: 4096, contentTypes: (type) => type === 'application/x-www-form-urlencoded' });
    if (body.ok) return Object.fromEntries(new URLSearchParams(body.raw.toString('utf8')));
    sendProblem(res, body.problem.status, body.problem.code, [body.problem.reason]);
    return null;
  };

  const paid = (f: Found) => paymentsOf(f.booking).receipts.some((r) => r.checkoutId === f.checkout.id);
  const payable = (f: Found) =>
    !paid(f) &&
    f.checkout.open &&
    Date.parse(f.checkout.expiresAt) > o.deps.clock.now().getTime() &&
    (f.checkout.purpose === 'date_change' ? f.booking.state === 'confirmed' : isPayable(f.booking.state));

  server.get(base, async (req, res) => {
    const query = Object.fromEntries(Object.entries((req.query ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
    const f = await find(req, query);
    if (!f) return page(res, null, 404, (l) => [t(l, 'payPageExpired')]);
    if (paid(f) || (f.checkout.purpose === 'booking' && f.booking.state === 'confirmed')) return page(res, f, 200, (l) => [t(l, 'payPageAlreadyPaid')]);
    if (!payable(f)) return page(res, f, 410, (l) => [t(l, 'payPageExpired')]);
    const money = (minor: number, l: Locale) => formatMoney(minor, f.property.currency, l);
    const guarantee = f.checkout.purpose === 'booking' && f.property.payment.collect === 'guarantee';
    const balance = f.checkout.purpose === 'booking' ? f.booking.quote.total - f.checkout.amount : 0;
    const fields = { c: f.checkout.id, sig: query['sig'] ?? '' };
    const action = linkPaths.demoCheckout(f.property.id, f.booking.id);
    return page(
      res,
      f,
      200,
      (l) => [
        guarantee ? t(l, 'payPageGuarantee') : t(l, 'payPageDue', { reference: f.booking.reference, amount: money(f.checkout.amount, l) }),
        ...(balance > 0 ? [t(l, 'payPageBalance', { amount: money(balance, l) })] : []),
      ],
      [
        { action: `${action}/pay?locale=${f.locale}`, fields, label: t(f.locale, 'payPagePay'), primary: true },
        ...(f.checkout.purpose === 'booking' ? [{ action: `${action}/cancel?locale=${f.locale}`, fields, label: t(f.locale, 'payPageCancel'), primary: false }] : []),
      ],
    );
  });

  server.post(`${base}/pay`, async (req, res) => {
    const fields = await formFields(req, res);
    if (!fields) return;
    const f = await find(req, fields);
    if (!f) return page(res, null, 404, (l) => [t(l, 'payPageExpired')]);
    if (paid(f)) return page(res, f, 200, (l) => [t(l, 'payPageAlreadyPaid')]);
    if (!payable(f)) return page(res, f, 410, (l) => [t(l, 'payPageExpired')]);
    const guarantee = f.checkout.purpose === 'booking' && f.property.payment.collect === 'guarantee';
    const outcome = await applyPaymentEvent(o.deps, {
      kind: 'checkout_completed',
      propertyId: f.property.id,
      bookingId: f.booking.id,
      checkoutId: f.checkout.id,
      purpose: f.checkout.purpose,
      paymentId: guarantee ? null : `demo_pi_${f.checkout.id}`,
      amount: guarantee ? 0 : f.checkout.amount,
      guarantee,
    });
    o.log.info({ propertyId: f.property.id, bookingId: f.booking.id, checkoutId: f.checkout.id, outcome }, 'demo payment');
    const ok = outcome === 'confirmed' || outcome === 'reconfirmed_late' || outcome === 'recorded';
    return page(res, f, ok ? 200 : outcome === 'duplicate' ? 200 : 409, (l) => [t(l, ok ? 'payPagePaid' : outcome === 'duplicate' ? 'payPageAlreadyPaid' : 'payPageExpired')]);
  });

  server.post(`${base}/cancel`, async (req, res) => {
    const fields = await formFields(req, res);
    if (!fields) return;
    const f = await find(req, fields);
    if (!f) return page(res, null, 404, (l) => [t(l, 'payPageExpired')]);
    if (paid(f) || f.booking.state === 'confirmed') return page(res, f, 409, (l) => [t(l, 'payPageAlreadyPaid')]);
    const outcome = await applyPaymentEvent(o.deps, { kind: 'checkout_abandoned', propertyId: f.property.id, bookingId: f.booking.id, checkoutId: f.checkout.id });
    o.log.info({ propertyId: f.property.id, bookingId: f.booking.id, checkoutId: f.checkout.id, outcome }, 'demo checkout abandoned');
    return page(res, f, 200, (l) => [t(l, 'payPageReleased')]);
  });
}
