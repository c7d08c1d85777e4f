import type { Booking } from '../bookings/booking';
import { REQUEST_HOLD_MINUTES } from '../bookings/request-to-book';
import type { Stay } from '../calendar/nights';
import type { Locale } from '../catalog/locales';
import type { FailureCode } from '../failures';
import type { Guest } from '../guests/guest';
import type { GuestAddress } from '../guests/guest-address';
import type { CheckoutLink, PaymentGateway, StaffNotifier } from '../ports';
import type { Party, Quote } from '../pricing/quote-types';
import { err, ok, type Err, type Ok } from '../result';
import { awaitPayment, requestBooking } from './await-payment';
import { cancelBooking } from './cancel-booking';
import type { UseCaseDeps } from './deps';
import { placeHold, type PlaceHoldFailure } from './place-hold';
import { upsertGuest } from './upsert-guest';

export interface BookStayDeps extends UseCaseDeps {
  payments: PaymentGateway;
  /** Told when a payment link cannot be made, so someone can help the guest. */
  notifier: StaffNotifier;
}

export interface BookStayRequest {
  propertyId: string;
  unitTypeId: string;
  ratePlanId: string;
  stay: Stay;
  party: Party;
  /** The total the guest agreed to: another price now is `price_changed`, never a silent change. */
  expectedTotal: number;
  /** The guest as they introduced themselves on their channel (recorded on their profile). */
  guest: { channel: string; channelUserId: string; locale: Locale; name: string | null; email: string | null; phone: string | null };
  /** The conversation to tell later (confirmation, answer to a request, refund). */
  address?: GuestAddress | undefined;
  /** The same request id (a message delivered twice) never books twice. */
  requestId: string;
}

/** A booking made, or found made by an earlier delivery of the same request. */
export type BookStayOutcome =
  /** Instant booking: the nights are held and the guest has a link to pay before `booking.holdExpiresAt`. */
  | { code: 'awaiting_payment'; booking: Booking; checkout: CheckoutLink }
  /** Request-to-book: the nights are held while the staff decide. */
  | { code: 'requested'; booking: Booking }
  /** The same request came again after its booking moved on (paid, answered, cancelled…): nothing done. */
  | { code: 'already_handled'; booking: Booking };

export type BookStayFailure =
  /** The price moved since the guest saw it: ask again at `quote.total`. */
  | Err<'price_changed', { quote: Quote }>
  /** No payment link could be made: the hold was released at once and the staff told. */
  | Err<'payment_unavailable', { bookingId: string; cause: string }>
  /** Sold out meanwhile, or a stay the property does not sell. Nothing was held. */
  | Err<Exclude<PlaceHoldFailure, 'price_changed'>>;

export type BookStayResult = Ok<BookStayOutcome> | BookStayFailure;

/** A failure without detail (the inferred detail would otherwise be the union's). */
const refused = <C extends string>(code: C): Err<C> => ({ ok: false, code });

// Failure codes are stable and listed once.
type Listed<C extends FailureCode> = C;
export type BookStayFailureCode = Listed<BookStayFailure['code']>;

/**
 * Books a stay for a guest: records their contact details, holds a unit for the nights, then
 * either sends the request to the staff (request-to-book properties, the nights held for the
 * answer and the payment window) or opens a payment link and waits for the money. Each step is
 * a booking event (`held`, then `requested` or `awaiting_payment`), from which timers and staff
 * alerts hang.
 */
export async function bookStay(deps: BookStayDeps, req: BookStayRequest): Promise<BookStayResult> {
  const property = deps.catalog.get(req.propertyId);
  if (!property) return refused('unknown_property');
  const guest = await upsertGuest(deps, { propertyId: property.id, ...req.guest });
  const actor = `guest:${guest.id}`;
  const request = property.bookingMode === 'request';
  const held = await placeHold(deps, {
    propertyId: property.id,
    unitTypeId: req.unitTypeId,
    ratePlanId: req.ratePlanId,
    stay: req.stay,
    party: req.party,
    expectedTotal: req.expectedTotal,
    channel: 'direct',
    source: req.guest.channel,
    address: req.address,
    requestId: req.requestId,
    guestId: guest.id,
    actor,
    // Three days to answer plus 48 hours to pay, in one hold: decline and lapse release it early.
    ...(request ? { holdMinutes: REQUEST_HOLD_MINUTES } : {}),
  });
  if (!held.ok) {
    const { code } = held;
    if (code === 'price_changed') return held.detail?.quote ? err('price_changed', { quote: held.detail.quote }) : refused('sold_out');
    return refused(code);
  }

  const booking = held.value;
  // A repeated request finds the booking it made: it carries on from where that stands, unless it moved on.
  if (booking.state !== 'held' && booking.state !== (request ? 'requested' : 'awaiting_payment')) return ok({ code: 'already_handled', booking });
  if (request) {
    const requested = await requestBooking(deps, { propertyId: property.id, bookingId: booking.id, actor });
    return requested.ok ? ok({ code: 'requested', booking: requested.value }) : movedOn(deps, booking);
  }
  return checkout(deps, booking, guest);
}

async function checkout(deps: BookStayDeps, booking: Booking, guest: Guest): Promise<BookStayResult> {
  let link: CheckoutLink;
  try {
    link = await deps.payments.createCheckout(booking, guest);
  } catch (error) {
    return releaseUnpayable(deps, booking, error);
  }
  const waiting = await awaitPayment(deps, { propertyId: booking.propertyId, bookingId: booking.id, actor: 'system' });
  return waiting.ok ? ok({ code: 'awaiting_payment', booking: waiting.value, checkout: link }) : movedOn(deps, booking);
}

/**
 * No payment link, no hold: the nights go back at once rather than sitting held for a guest
 * who cannot pay, and the staff hear of it. An alert that cannot be sent changes nothing.
 */
async function releaseUnpayable(deps: BookStayDeps, booking: Booking, error: unknown): Promise<BookStayResult> {
  await cancelBooking(deps, { propertyId: booking.propertyId, bookingId: booking.id, actor: 'system', reason: 'the payment link could not be created' });
  try {
    await deps.notifier.notify({
      propertyId: booking.propertyId,
      kind: 'other',
      summary: `Payment link for ${booking.reference} could not be created; the hold was released`,
      data: { bookingId: booking.id, reference: booking.reference },
      at: deps.clock.now().toISOString(),
    });
  } catch {
    // The notifier adapters log their own failures.
  }
  return err('payment_unavailable', { bookingId: booking.id, cause: error instanceof Error ? error.message : String(error) });
}

/** Our next step was refused because someone else moved the booking first: say where it stands. */
async function movedOn(deps: UseCaseDeps, booking: Booking): Promise<BookStayResult> {
  const fresh = await deps.store.getBooking(booking.propertyId, booking.id);
  if (!fresh) throw new Error(`booking ${booking.id} vanished while it was being made`);
  return ok({ code: 'already_handled', booking: fresh });
}
