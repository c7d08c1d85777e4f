import type { BookingEventSubscriptions } from '../bookings/booking-events';
import type { BookingTimerKind, BookingTimers } from '../ports';

/**
 * Deadlines hang from the events that open them: a request's lapse from `requested` (at its
 * `answerBy`), an accepted request's payment window from `approved` (at its `payBy`). Each
 * timer re-reads its booking when it fires (request-deadlines), so a booking that moved on
 * meanwhile is left alone. `timers` is null until they are started: the event's deadline is
 * then reported as a failure, and scheduleOpenDeadlines sets it at the next start.
 */
export function subscribeDeadlineTimers(events: BookingEventSubscriptions, timers: () => BookingTimers | null): void {
  const schedule = async (kind: BookingTimerKind, propertyId: string, bookingId: string, at: string): Promise<void> => {
    const started = timers();
    if (!started) throw new Error(`booking timers not started: the ${kind} deadline is scheduled at the next start`);
    await started.schedule(kind, propertyId, bookingId, new Date(at));
  };
  events.on('requested', 'request lapse timer', (e) => schedule('request_lapse', e.propertyId, e.bookingId, e.answerBy));
  events.on('approved', 'payment window timer', (e) => schedule('payment_window', e.propertyId, e.bookingId, e.payBy));
}
