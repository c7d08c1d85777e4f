import type { Night } from './calendar/nights';
import type { Booking, BookingEvent } from './bookings/booking';
import type { Guest } from './guests/guest';
import type { Result } from './result';

export interface Clock {
  now(): Date;
}

export interface Ids {
  /** A unique opaque id (no ':' so it can go into keys and job ids). */
  id(): string;
  /** A uniform integer in [0, n). */
  randomInt(n: number): number;
}

/** Who owns a unit night. Reads report an expired hold as no owner: it is free again. */
export type NightOwner =
  | { kind: 'hold'; holdId: string; expiresAt: number }
  | { kind: 'booking'; bookingId: string };

export interface ExternalBlock {
  feedId: string;
  uid: string;
}

export interface UnitNightState {
  owner: NightOwner | null;
  blocks: ExternalBlock[];
}

export function isFree(state: UnitNightState): boolean {
  return state.owner === null && state.blocks.length === 0;
}

export interface HoldRequest {
  propertyId: string;
  holdId: string;
  /** Repeating a request id returns the first answer instead of claiming again. */
  requestId: string;
  /** Units to try in order; the first one free on every night is claimed. */
  candidateUnitIds: string[];
  nights: Night[];
  /** Epoch ms. */
  now: number;
  expiresAt: number;
  /** Nights to take from a promotion's quota in the same atomic step. */
  promo?: { promotionId: string; nights: number; quota: number } | undefined;
  /** A booking being moved: nights it owns count as free for this claim ("one night more"). */
  replacingBookingId?: string | undefined;
}

export interface HeldUnit {
  holdId: string;
  unitId: string;
  expiresAt: number;
  /** True when this answers a repeated request id. */
  replayed: boolean;
}

export interface ConfirmRequest {
  propertyId: string;
  holdId: string;
  bookingId: string;
  now: number;
}

export interface FeedBlock {
  night: Night;
  uid: string;
}

export interface FeedReplaceResult {
  added: Night[];
  removed: Night[];
  /** Nights now blocked by the feed that one of our bookings already owns: a double booking. */
  conflicts: { night: Night; bookingId: string; uid: string }[];
}

export interface InventoryStore {
  readUnitNights(propertyId: string, unitIds: string[], nights: Night[], now: number): Promise<Record<string, UnitNightState[]>>;
  /** All or nothing: one unit for every night, and the promotion quota, or nothing at all. */
  hold(req: HoldRequest): Promise<Result<HeldUnit, 'sold_out' | 'promo_quota'>>;
  /** Turns a live hold into a booking. Repeating it for the same booking succeeds. */
  confirmHold(req: ConfirmRequest): Promise<Result<{ unitId: string; nights: Night[] }, 'hold_expired' | 'hold_not_found'>>;
  /**
   * Moves a confirmed booking onto the nights of a live hold and gives its old nights (and
   * promotion nights) back, in one atomic step: a date change never leaves the guest with
   * both stays or with neither. Repeating it after success returns the same answer.
   */
  moveBooking(req: ConfirmRequest): Promise<Result<{ unitId: string; nights: Night[] }, 'hold_expired' | 'hold_not_found' | 'booking_not_found'>>;
  /** Gives a hold's nights and promotion nights back. Idempotent. */
  releaseHold(propertyId: string, holdId: string): Promise<boolean>;
  /** Gives a booking's nights (and promotion nights) back; only nights it still owns. */
  releaseBooking(propertyId: string, bookingId: string): Promise<Night[]>;
  /** Releases holds whose expiry has passed; returns how many. */
  sweepExpiredHolds(propertyId: string, now: number): Promise<number>;
  /** Nights taken from each promotion's quota by live holds and bookings. */
  promoUsage(propertyId: string, promotionIds: string[]): Promise<Record<string, number>>;
  /** Replaces every block of one feed on one unit, atomically. */
  replaceFeedBlocks(propertyId: string, unitId: string, feedId: string, blocks: FeedBlock[]): Promise<FeedReplaceResult>;
}

export interface BookingRepository {
  /** Fails with `conflict` when the id or the reference is already taken in the property. */
  createBooking(booking: Booking): Promise<Result<Booking, 'conflict'>>;
  getBooking(propertyId: string, bookingId: string): Promise<Booking | null>;
  findBookingByReference(propertyId: string, reference: string): Promise<Booking | null>;
  /** Optimistic: succeeds only when the stored version is `booking.version - 1`. */
  updateBooking(booking: Booking): Promise<Result<Booking, 'conflict'>>;
  listBookings(propertyId: string): Promise<Booking[]>;
  listBookingsByGuest(propertyId: string, guestId: string): Promise<Booking[]>;
  /** The property's append-only log. */
  appendEvent(event: BookingEvent): Promise<void>;
  readEvents(propertyId: string, limit?: number): Promise<BookingEvent[]>;
}

export interface GuestRepository {
  saveGuest(guest: Guest): Promise<void>;
  getGuest(propertyId: string, guestId: string): Promise<Guest | null>;
  findGuestByIdentity(propertyId: string, channel: string, channelUserId: string): Promise<Guest | null>;
}

export interface Store extends InventoryStore, BookingRepository, GuestRepository {
  readonly kind: 'memory' | 'redis';
  close(): Promise<void>;
}

export type StaffAlertKind =
  | 'double_booking'
  | 'feed_failing'
  | 'handoff'
  | 'booking_request'
  | 'late_payment'
  | 'other';

/**
 * Something a person at the property must see. `data` carries ids and references only: the
 * staff look the guest up in their own tools, so no personal data travels in alerts or logs.
 */
export interface StaffAlert {
  propertyId: string;
  kind: StaffAlertKind;
  summary: string;
  data: Record<string, string | number | boolean | null>;
  /** ISO instant. */
  at: string;
}

export interface StaffNotifier {
  notify(alert: StaffAlert): Promise<void>;
}

export interface CheckoutLink {
  url: string;
  /** True when no real payment provider is configured: the guest must be told. */
  demo: boolean;
  /** ISO instant after which the link no longer takes payment. */
  expiresAt: string;
  /**
   * The provider's checkout (session) id when one was opened now. Absent for a Majordome link
   * that opens a fresh session each time it is followed (a deadline beyond the provider's limit).
   */
  checkoutId?: string | undefined;
}

/** A charge on top of the booking's own payment: the extra cost of new dates. */
export interface ExtraCharge {
  purpose: 'date_change';
  /** Minor units, positive. */
  amount: number;
  /** The same key never opens two checkouts for the same difference. */
  key: string;
}

/**
 * Whose money goes back. Usually a booking; for a payment whose booking we have no record of,
 * only the ids its checkout carried (no reference), so it can still be refunded.
 */
export interface RefundSubject {
  id: string;
  propertyId: string;
  reference: string | null;
}

export interface RefundRequest {
  booking: RefundSubject;
  /** The provider's handle of the payment to refund (Stripe payment intent). */
  paymentId: string;
  /** Minor units, positive, at most what is left on that payment. */
  amount: number;
  /** The provider refunds once per key, however often it is asked. */
  key: string;
}

export type RefundAnswer = Result<{ providerId: string; status: 'pending' | 'succeeded' }, 'refund_failed', { reason: string }>;

/** Takes the guest's money (or card guarantee) for a held booking, and gives it back. */
export interface PaymentGateway {
  /** `charge` absent: the booking's own payment under the property's policy. */
  createCheckout(booking: Booking, guest: Guest | null, charge?: ExtraCharge): Promise<CheckoutLink>;
  refund(request: RefundRequest): Promise<RefundAnswer>;
  /** Stops an open checkout from taking money (its hold lapsed first). Harmless when already closed. */
  closeCheckout(booking: Booking, checkoutId: string): Promise<void>;
}

/**
 * What the guest is told later, on the channel they booked from, without having written first.
 * Each notice carries the booking as it is now; the text comes from the message catalogue.
 */
export type GuestNotice =
  /** Paid or guaranteed: reference, dates, unit, amount paid, balance due, terms, calendar link. */
  | { kind: 'booking_confirmed'; booking: Booking; calendarUrl: string }
  /** Money went back: a cancellation, a cheaper date change, or the staff. */
  | { kind: 'refund_issued'; booking: Booking; amount: number; cause: 'cancellation' | 'date_change' | 'staff' }
  /** Paid after the hold lapsed and the nights were sold meanwhile: refunded with an apology. */
  | { kind: 'late_payment_refunded'; booking: Booking; amount: number }
  /** The hold lapsed before any payment arrived. */
  | { kind: 'hold_expired'; booking: Booking }
  /** Request-to-book accepted by the staff: the guest has until `checkout.expiresAt` to pay. */
  | { kind: 'request_approved'; booking: Booking; checkout: CheckoutLink }
  | { kind: 'request_declined'; booking: Booking }
  /** Nobody answered the request in time; the nights are free again. */
  | { kind: 'request_lapsed'; booking: Booking };

export type NoticeKind = GuestNotice['kind'];

/** `no_address`: the booking has no conversation to answer (an API booking, an OTA). */
export type NoticeDelivery = 'sent' | 'no_address' | 'failed';

export interface GuestMessenger {
  /** Never throws: a guest who cannot be reached must not undo a payment or a refund. */
  tell(notice: GuestNotice): Promise<NoticeDelivery>;
}

/** Request-to-book deadlines: an unanswered request lapses; an accepted one must be paid in time. */
export type BookingTimerKind = 'request_lapse' | 'payment_window';

/**
 * Runs a booking's deadline check at an instant, even across restarts. Scheduling the same kind
 * for the same booking again replaces nothing and doubles nothing; the check itself re-reads the
 * booking, so a timer whose booking moved on does no harm.
 */
export interface BookingTimers {
  schedule(kind: BookingTimerKind, propertyId: string, bookingId: string, at: Date): Promise<void>;
}
