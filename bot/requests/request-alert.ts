import type { BookingEventSubscriptions } from '../../domain/bookings/booking-events';
import type { StaffAlert, StaffNotifier } from '../../domain/ports';
import { signedStaffLink } from './staff-links';

/** Staff links outlive the request by a day, so a late click meets "already lapsed", not a dead link. */
const LINK_GRACE_MS = 24 * 3_600_000;

/**
 * A new request alerts the staff: ids, dates, the instant it lapses and, with a link secret,
 * signed approve/decline links. Hangs from the `requested` event, so every request is
 * announced once, whoever made it.
 */
export function alertStaffOfRequests(events: BookingEventSubscriptions, options: { notifier: StaffNotifier; links: { baseUrl: string; secret: string } | null }): void {
  events.on('requested', 'staff alert of a new request', async (e) => {
    const data: StaffAlert['data'] = {
      bookingId: e.bookingId,
      reference: e.reference,
      checkIn: e.stay.checkIn,
      checkOut: e.stay.checkOut,
      unitTypeId: e.unitTypeId,
      propertyId: e.propertyId,
      answerBy: e.answerBy,
    };
    if (options.links) {
      const { baseUrl, secret } = options.links;
      const until = new Date(Date.parse(e.answerBy) + LINK_GRACE_MS);
      data.approveUrl = signedStaffLink(baseUrl, secret, 'approve', e.propertyId, e.bookingId, until);
      data.declineUrl = signedStaffLink(baseUrl, secret, 'decline', e.propertyId, e.bookingId, until);
    }
    await options.notifier.notify({ propertyId: e.propertyId, kind: 'booking_request', summary: `Booking request ${e.reference} waits for an answer`, data, at: e.at });
  });
}
