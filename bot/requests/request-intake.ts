import { requestLapsesAt } from '../../domain/bookings/request-to-book';
import type { BookingTimers, StaffAlert, StaffNotifier } from '../../domain/ports';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import type { Logger } from '../logger';
import { signedStaffLink } from './staff-links';

/** Staff links outlive the request by a day, so a late click meets "already lapsed", not a dead link. */
const LINK_GRACE_MS = 24 * 3_600_000;

export interface RequestIntakeOptions {
  deps: UseCaseDeps;
  timers: () => BookingTimers | null;
  /** Null: alerts go out without answer links. */
  links: { baseUrl: string; secret: string } | null;
  log: Logger;
}

/**
 * The staff alert of a new request (sent by the booking dialog) is where the app learns of it:
 * here the request gets its lapse timer, and the alert its signed approve/decline links. Every
 * other alert passes through untouched. A failure here never stops the alert itself.
 */
export function requestIntake(inner: StaffNotifier, options: RequestIntakeOptions): StaffNotifier {
  return {
    async notify(alert: StaffAlert): Promise<void> {
      if (alert.kind !== 'booking_request') return inner.notify(alert);
      return inner.notify(await withRequest(alert, options));
    },
  };
}

async function withRequest(alert: StaffAlert, options: RequestIntakeOptions): Promise<StaffAlert> {
  const bookingId = alert.data.bookingId;
  if (typeof bookingId !== 'string') return alert;
  try {
    const booking = await options.deps.store.getBooking(alert.propertyId, bookingId);
    if (!booking || booking.state !== 'requested') return alert;
    const lapsesAt = requestLapsesAt(booking);
    const timers = options.timers();
    if (timers) await timers.schedule('request_lapse', booking.propertyId, booking.id, lapsesAt);
    else options.log.error({ propertyId: booking.propertyId, bookingId }, 'booking request before timers were ready: its lapse is scheduled at next boot');
    const data: StaffAlert['data'] = { ...alert.data, propertyId: booking.propertyId, answerBy: lapsesAt.toISOString() };
    if (options.links) {
      const { baseUrl, secret } = options.links;
      const until = new Date(lapsesAt.getTime() + LINK_GRACE_MS);
      data.approveUrl = signedStaffLink(baseUrl, secret, 'approve', booking.propertyId, booking.id, until);
      data.declineUrl = signedStaffLink(baseUrl, secret, 'decline', booking.propertyId, booking.id, until);
    }
    return { ...alert, data };
  } catch (error) {
    options.log.error({ err: error, propertyId: alert.propertyId, bookingId }, 'booking request intake failed; alert sent without links');
    return alert;
  }
}
