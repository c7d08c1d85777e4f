import type { Booking } from '../bookings/booking';
import type { Night } from './nights';

/** One all-day event of a unit's exported calendar. No guest data: dates, a uid, a state. */
export interface ExportEntry {
  uid: string;
  start: Night;
  /** Departure day (DTEND of an all-day event). */
  end: Night;
  status: 'confirmed' | 'tentative';
  /** ISO instant of the booking's last change: DTSTAMP, so an unchanged booking exports identically. */
  stamp: string;
}

const UID_DOMAIN = 'majordome';

/**
 * Stable across rebuilds and restarts, and recognisable when another platform echoes our
 * feed back with the uids unchanged (channel managers do): that is not a double booking.
 */
export function exportUid(bookingId: string): string {
  return `booking-${bookingId}@${UID_DOMAIN}`;
}

export function bookingIdOfExportUid(uid: string): string | null {
  const m = /^booking-([^@]+)@majordome$/.exec(uid);
  return m?.[1] ?? null;
}

/**
 * Confirmed stays, and requests to book we are holding for the guest: requested, approved,
 * and approved-then-awaiting-payment. The other platforms must not sell those nights while
 * the host decides or the guest pays. Departed stays are left out: nobody can book the past.
 */
export function exportEntryOf(booking: Booking, today: Night): ExportEntry | null {
  if (booking.stay.checkOut <= today) return null;
  const status = exportStatus(booking);
  if (!status) return null;
  return { uid: exportUid(booking.id), start: booking.stay.checkIn, end: booking.stay.checkOut, status, stamp: booking.updatedAt };
}

function exportStatus(booking: Booking): ExportEntry['status'] | null {
  if (booking.state === 'confirmed') return 'confirmed';
  if (booking.state === 'requested' || booking.state === 'approved') return 'tentative';
  if (booking.state === 'awaiting_payment' && booking.history.some((t) => t.to === 'approved')) return 'tentative';
  return null;
}

export function unitExportEntries(bookings: Booking[], unitId: string, today: Night): ExportEntry[] {
  return bookings
    .filter((b) => b.unitId === unitId)
    .map((b) => exportEntryOf(b, today))
    .filter((e): e is ExportEntry => e !== null)
    .sort((a, b) => (a.start === b.start ? (a.uid < b.uid ? -1 : 1) : a.start < b.start ? -1 : 1));
}
