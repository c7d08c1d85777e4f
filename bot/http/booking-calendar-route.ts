import type { Server } from 'restify';
import { renderBookingEvent } from '../../adapters/calendar/ical/render-booking-event';
import type { LinkSigner } from '../../adapters/payments/link-signer';
import { unitTypeOf } from '../../domain/catalog/catalog';
import { localize } from '../../domain/catalog/locales';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import { t } from '../../dialogs/messages/catalog';
import type { Logger } from '../logger';
import { sendProblem } from './problem';

export const BOOKING_CALENDAR_ROUTE = '/bookings/:propertyId/:bookingId.ics';

/**
 * `GET /bookings/:propertyId/:bookingId.ics?sig=…`: the guest's stay for their own calendar,
 * linked from the confirmation. A wrong signature and an unknown booking get the same 404.
 */
export function registerBookingCalendar(server: Server, o: { deps: UseCaseDeps; signer: LinkSigner; log: Logger }): void {
  server.get(BOOKING_CALENDAR_ROUTE, async (req, res) => {
    const propertyId = String(req.params.propertyId ?? '');
    const bookingId = String(req.params.bookingId ?? '');
    const sig = String((req.query as Record<string, unknown> | undefined)?.['sig'] ?? '');
    const property = o.deps.catalog.get(propertyId);
    const booking = property && o.signer.verify(sig, 'calendar', propertyId, bookingId) ? await o.deps.store.getBooking(propertyId, bookingId) : null;
    if (!property || !booking || !['confirmed', 'cancelled'].includes(booking.state)) {
      o.log.info({ propertyId, bookingId }, 'booking calendar refused');
      return sendProblem(res, 404, 'not_found', ['no such calendar']);
    }
    const locale = booking.address?.locale ?? property.defaultLocale;
    const room = localize(unitTypeOf(property, booking.unitTypeId)?.name ?? { en: booking.unitTypeId }, locale);
    const name = localize(property.name, locale);
    const a = property.address;
    const body = renderBookingEvent({
      uid: `${booking.id}@${property.id}.majordome`,
      checkIn: booking.stay.checkIn,
      checkOut: booking.stay.checkOut,
      summary: t(locale, 'calendarSummary', { property: name, room }),
      description: t(locale, 'calendarDescription', { reference: booking.reference, checkIn: property.checkInTime, checkOut: property.checkOutTime, timeZone: property.timeZone }),
      location: [name, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter(Boolean).join(', '),
      stamp: Date.parse(booking.updatedAt),
      cancelled: booking.state === 'cancelled',
    });
    res.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="${booking.reference}.ics"`,
      'content-length': String(Buffer.byteLength(body)),
      'cache-control': 'private, no-store',
    });
    res.end(body);
  });
}
