import type { Stay } from '../calendar/nights';
import type { GuestAddress } from '../guests/guest-address';
import type { Party, Quote } from '../pricing/quote-types';
import type { BookingPayments } from './payment-record';
import { err, ok, type Result } from '../result';

export const BOOKING_STATES = [
  'held',
  'awaiting_payment',
  'confirmed',
  'cancelled',
  'expired',
  'requested',
  'approved',
  'declined',
] as const;
export type BookingState = (typeof BOOKING_STATES)[number];

/** Every legal move; anything else is refused, so a booking can never skip payment or revive. */
const TRANSITIONS: Record<BookingState, readonly BookingState[]> = {
  held: ['awaiting_payment', 'confirmed', 'requested', 'cancelled', 'expired'],
  awaiting_payment: ['confirmed', 'cancelled', 'expired'],
  requested: ['approved', 'declined', 'cancelled', 'expired'],
  approved: ['awaiting_payment', 'confirmed', 'cancelled', 'expired'],
  confirmed: ['cancelled'],
  cancelled: [],
  // Only a payment that lands after the hold lapsed, and only once its nights are taken again (settle-payment).
  expired: ['confirmed'],
  declined: [],
};

/** States whose nights are ours in the store (held or booked). */
export const LIVE_STATES: readonly BookingState[] = ['held', 'awaiting_payment', 'requested', 'approved', 'confirmed'];

export function canTransition(from: BookingState, to: BookingState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isTerminal(state: BookingState): boolean {
  return TRANSITIONS[state].length === 0;
}

/** `guest`, `staff:<id>`, `system`, `payment`, `feed:<id>`… */
export type Actor = string;

export interface Transition {
  from: BookingState | null;
  to: BookingState;
  /** ISO instant. */
  at: string;
  actor: Actor;
  reason?: string;
}

export interface Booking {
  id: string;
  reference: string;
  propertyId: string;
  unitTypeId: string;
  unitId: string;
  ratePlanId: string;
  stay: Stay;
  party: Party;
  quote: Quote;
  state: BookingState;
  holdId: string;
  /** ISO instant at which the hold lapses while the booking is not confirmed. */
  holdExpiresAt: string;
  guestId: string | null;
  /** Money received so far, minor units; payments raise it and refunds lower it. */
  amountPaid: number;
  /** Where the guest booked from, to answer them there: `webchat`, `messenger`, `sms`, `api`… */
  channel: string;
  /** The conversation the guest booked in: confirmations and refunds are told there. */
  address?: GuestAddress | undefined;
  /** Checkouts handed out, money received and refunds made; absent until a payment link exists. */
  payments?: BookingPayments | undefined;
  createdAt: string;
  updatedAt: string;
  /** Bumped on every write; the store refuses a write from a stale copy. */
  version: number;
  history: Transition[];
}

export interface BookingEvent {
  propertyId: string;
  bookingId: string;
  reference: string;
  from: BookingState | null;
  to: BookingState;
  at: string;
  actor: Actor;
  reason?: string;
}

export function transition(
  booking: Booking,
  to: BookingState,
  actor: Actor,
  at: Date,
  reason?: string,
): Result<Booking, 'invalid_transition', { from: BookingState; to: BookingState }> {
  if (!canTransition(booking.state, to)) return err('invalid_transition', { from: booking.state, to });
  const step: Transition = { from: booking.state, to, at: at.toISOString(), actor, ...(reason ? { reason } : {}) };
  return ok({
    ...booking,
    state: to,
    updatedAt: step.at,
    version: booking.version + 1,
    history: [...booking.history, step],
  });
}

/** The transition that brought the booking to its state; every booking has at least one. */
export function lastStep(booking: Booking): Booking['history'][number] {
  const last = booking.history[booking.history.length - 1];
  if (!last) throw new Error(`booking ${booking.id} has no history`);
  return last;
}

export function eventOf(booking: Booking): BookingEvent {
  const last = lastStep(booking);
  return {
    propertyId: booking.propertyId,
    bookingId: booking.id,
    reference: booking.reference,
    from: last.from,
    to: last.to,
    at: last.at,
    actor: last.actor,
    ...(last.reason ? { reason: last.reason } : {}),
  };
}
