import type { Stay } from '../calendar/nights';
import type { GuestAddress } from '../guests/guest-address';
import { lastStep, type Actor, type Booking, type BookingState } from './booking';
import { requestLapsesAt } from './request-to-book';

/**
 * What every booking event carries: ids, the stay's dates and where the guest booked from,
 * never a name, email or phone number. `address` holds channel ids only, but on SMS its
 * conversation id is the guest's number: a subscriber never logs it whole.
 */
export interface BookingEventBase {
  propertyId: string;
  bookingId: string;
  reference: string;
  /** Null for a booking made without a guest profile (an API caller, an OTA). */
  guestId: string | null;
  unitTypeId: string;
  unitId: string;
  /** The stay as it is once this event happened. */
  stay: Stay;
  /** Where the guest booked from: `webchat`, `messenger`, `sms`, `api`… */
  channel: string;
  /** The conversation to reach the guest in, when the booking has one. */
  address: GuestAddress | null;
  /** The state it left: null for a new booking; the same state for `dates_changed`. */
  from: BookingState | null;
  /** ISO instant of the transition, as written in the booking's history. */
  at: string;
  actor: Actor;
  /** The booking's version once saved: lets a subscriber that keeps its own copy drop a stale event. */
  version: number;
}

export type BookingLifecycleEvent =
  /** Nights held for a new booking until `holdExpiresAt`. */
  | (BookingEventBase & { type: 'held'; holdExpiresAt: string })
  /** Request-to-book: waiting for the staff, who must answer by `answerBy` or it lapses. */
  | (BookingEventBase & { type: 'requested'; answerBy: string })
  /** The staff accepted a request: the guest has until `payBy` to pay. */
  | (BookingEventBase & { type: 'approved'; payBy: string })
  | (BookingEventBase & { type: 'declined' })
  /** The guest has a payment link; the nights stay held until `payBy`. */
  | (BookingEventBase & { type: 'awaiting_payment'; payBy: string })
  /** Paid (or card guaranteed); `amountPaid` in minor units. */
  | (BookingEventBase & { type: 'confirmed'; amountPaid: number })
  | (BookingEventBase & { type: 'cancelled' })
  /** A hold, a request or a payment window ran out (`from` says which). */
  | (BookingEventBase & { type: 'expired' })
  /** A confirmed booking moved to other dates; `stay` is the new one. */
  | (BookingEventBase & { type: 'dates_changed'; previousStay: Stay });

export type BookingEventType = BookingLifecycleEvent['type'];
export type BookingEventOf<T extends BookingEventType> = Extract<BookingLifecycleEvent, { type: T }>;

/**
 * Where use cases announce a booking's change once it is saved. Publishing never throws and
 * never undoes anything: a subscriber that fails is the bus's to report, not the caller's.
 */
export interface BookingEvents {
  publish(event: BookingLifecycleEvent): Promise<void>;
}

export type BookingEventHandler<T extends BookingEventType> = (event: BookingEventOf<T>) => Promise<void> | void;

/** How the composition root hangs reactions (timers, alerts, notices) from the events. */
export interface BookingEventSubscriptions {
  /** `name` says which subscriber failed, in the log. Returns a function that unsubscribes. */
  on<T extends BookingEventType>(type: T, name: string, handler: BookingEventHandler<T>): () => void;
}

function baseOf(booking: Booking): BookingEventBase {
  const last = lastStep(booking);
  return {
    propertyId: booking.propertyId,
    bookingId: booking.id,
    reference: booking.reference,
    guestId: booking.guestId,
    unitTypeId: booking.unitTypeId,
    unitId: booking.unitId,
    stay: booking.stay,
    channel: booking.channel,
    address: booking.address ?? null,
    from: last.from,
    at: last.at,
    actor: last.actor,
    version: booking.version,
  };
}

/** The event of a booking just saved in the state its last transition moved it to. */
export function stateEventOf(booking: Booking): BookingLifecycleEvent {
  const base = baseOf(booking);
  switch (booking.state) {
    case 'held':
      return { ...base, type: 'held', holdExpiresAt: booking.holdExpiresAt };
    case 'requested':
      return { ...base, type: 'requested', answerBy: requestLapsesAt(booking).toISOString() };
    case 'approved':
      return { ...base, type: 'approved', payBy: booking.holdExpiresAt };
    case 'awaiting_payment':
      return { ...base, type: 'awaiting_payment', payBy: booking.holdExpiresAt };
    case 'confirmed':
      return { ...base, type: 'confirmed', amountPaid: booking.amountPaid };
    case 'cancelled':
    case 'declined':
    case 'expired':
      return { ...base, type: booking.state };
  }
}

/** The event of a booking just saved with new dates (its state unchanged). */
export function datesChangedEventOf(booking: Booking, previousStay: Stay): BookingEventOf<'dates_changed'> {
  return { ...baseOf(booking), type: 'dates_changed', previousStay };
}
