import type { Booking, BookingState } from '../bookings/booking';
import { requestLapsesAt } from '../bookings/request-to-book';
import type { BookingTimerKind, BookingTimers, GuestMessenger, GuestNotice, NoticeDelivery, StaffAlert, StaffNotifier } from '../ports';
import type { UseCaseDeps } from './deps';
import { moveFrom } from './guarded-transition';
import { PAYMENT_OPEN, REQUEST_OPEN } from './request-state';
import { releaseRequestNights } from './release-request';

/** What a deadline check did. A timer that fires early is told when to come back. */
export type DeadlineOutcome =
  | { kind: 'expired'; booking: Booking; delivery: NoticeDelivery }
  | { kind: 'not_due'; at: Date }
  | { kind: 'moved_on'; state: BookingState }
  | { kind: 'not_found' };

interface Deadline {
  open: readonly BookingState[];
  dueAt: (b: Booking) => Date;
  reason: string;
  notice: (b: Booking) => GuestNotice;
  /** What the staff are told when it passes, if anything. Ids and reference only, never the guest's data. */
  staffAlert?: (b: Booking, delivery: NoticeDelivery) => Pick<StaffAlert, 'kind' | 'summary' | 'data'>;
}

const DEADLINES: Record<BookingTimerKind, Deadline> = {
  request_lapse: {
    open: REQUEST_OPEN,
    dueAt: requestLapsesAt,
    reason: 'request not answered in time',
    notice: (booking) => ({ kind: 'request_lapsed', booking }),
    // The staff let it run out: they must know a guest went without an answer, and whether
    // our "the nights are free again" message reached them, to call back if they wish.
    staffAlert: (booking, delivery) => ({
      kind: 'booking_request',
      summary: `Booking request ${booking.reference} lapsed unanswered: the nights are free again`,
      data: { bookingId: booking.id, reference: booking.reference, outcome: 'lapsed', guestNotice: delivery },
    }),
  },
  payment_window: {
    open: PAYMENT_OPEN,
    dueAt: (b) => new Date(b.holdExpiresAt),
    reason: 'payment window ended',
    notice: (booking) => ({ kind: 'hold_expired', booking }),
  },
};

/**
 * Runs one deadline: when the booking is still waiting and its instant has come, it expires,
 * its nights go back, and the guest is told, once (and the staff, for a lapsed request).
 * Anything else (answered, paid, cancelled, already expired) leaves it alone, so a timer
 * repeated or left over after a restart is harmless.
 */
export type DeadlineDeps = UseCaseDeps & { messenger: GuestMessenger; notifier: StaffNotifier };

export async function runDeadline(
  deps: DeadlineDeps,
  kind: BookingTimerKind,
  propertyId: string,
  bookingId: string,
): Promise<DeadlineOutcome> {
  const deadline = DEADLINES[kind];
  const booking = await deps.store.getBooking(propertyId, bookingId);
  if (!booking) return { kind: 'not_found' };
  if (!deadline.open.includes(booking.state)) return { kind: 'moved_on', state: booking.state };
  const dueAt = deadline.dueAt(booking);
  if (deps.clock.now().getTime() < dueAt.getTime()) return { kind: 'not_due', at: dueAt };

  const moved = await moveFrom(deps, booking, deadline.open, 'expired', 'system', deadline.reason);
  if (!moved.ok) {
    const fresh = await deps.store.getBooking(propertyId, bookingId);
    return fresh ? { kind: 'moved_on', state: fresh.state } : { kind: 'not_found' };
  }
  // The expiry is recorded first, so stock never shows free nights of a live request.
  await releaseRequestNights(deps, moved.value);
  const delivery = await deps.messenger.tell(deadline.notice(moved.value));
  if (deadline.staffAlert) {
    // Only the call that moved the booking gets here, so the staff hear of it once. An alert
    // that cannot be sent must not undo the expiry: the notifier adapters log their own failures.
    try {
      await deps.notifier.notify({ propertyId, ...deadline.staffAlert(moved.value, delivery), at: deps.clock.now().toISOString() });
    } catch {
      // already logged by the notifier
    }
  }
  return { kind: 'expired', booking: moved.value, delivery };
}

/** A request nobody answered within three days lapses. */
export const lapseRequest = (deps: DeadlineDeps, propertyId: string, bookingId: string) =>
  runDeadline(deps, 'request_lapse', propertyId, bookingId);

/** An accepted request not paid by its deadline expires. */
export const endPaymentWindow = (deps: DeadlineDeps, propertyId: string, bookingId: string) =>
  runDeadline(deps, 'payment_window', propertyId, bookingId);

/** The deadline a booking is waiting on now, if any: what a timer must exist for. */
export function pendingDeadline(booking: Booking): { kind: BookingTimerKind; at: Date } | null {
  for (const kind of ['request_lapse', 'payment_window'] as const) {
    const deadline = DEADLINES[kind];
    // Only accepted requests get a payment window timer; an instant booking's hold is swept.
    if (kind === 'payment_window' && !booking.history.some((t) => t.to === 'approved')) continue;
    if (deadline.open.includes(booking.state)) return { kind, at: deadline.dueAt(booking) };
  }
  return null;
}

/**
 * Schedules the timers every waiting request needs, from the store: how memory timers come
 * back after a restart, and how a lost job comes back with Redis (scheduling is idempotent).
 */
export async function scheduleOpenDeadlines(deps: Pick<UseCaseDeps, 'catalog' | 'store'> & { timers: BookingTimers }): Promise<number> {
  let scheduled = 0;
  for (const property of deps.catalog.list()) {
    for (const booking of await deps.store.listBookings(property.id)) {
      const pending = pendingDeadline(booking);
      if (!pending) continue;
      await deps.timers.schedule(pending.kind, property.id, booking.id, pending.at);
      scheduled++;
    }
  }
  return scheduled;
}
