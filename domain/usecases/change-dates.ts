import type { Actor, Booking } from '../bookings/booking';
import { datesChangedEventOf } from '../bookings/booking-events';
import { isValidStay, nightsOf, type Stay } from '../calendar/nights';
import { unitsOfType } from '../catalog/catalog';
import { quoteStay } from '../pricing/quote';
import type { Quote, QuoteFailureCode } from '../pricing/quote-types';
import { isFree } from '../ports';
import { err, ok, type Result } from '../result';
import { announceSaved } from './announce-saved';
import type { UseCaseDeps } from './deps';
import { pricingView } from './inventory-snapshot';

export type ChangeFailure = 'booking_not_found' | 'unknown_property' | 'not_changeable' | 'invalid_stay' | 'sold_out' | 'price_changed' | 'conflict' | QuoteFailureCode;

/** The new price of the same room type and rate plan for other dates, if some unit is free for them. */
export async function previewDateChange(deps: UseCaseDeps, booking: Booking, stay: Stay): Promise<Result<Quote, ChangeFailure>> {
  const property = deps.catalog.get(booking.propertyId);
  if (!property) return err('unknown_property');
  if (booking.state !== 'confirmed') return err('not_changeable');
  if (!isValidStay(stay)) return err('invalid_stay');
  const { now, snapshot, ctx } = await pricingView(deps, property, stay);
  const quote = quoteStay(property, { unitTypeId: booking.unitTypeId, ratePlanId: booking.ratePlanId, stay, party: booking.party, channel: 'direct' }, ctx);
  if (!quote.ok) return err(quote.code);
  const anyFree = unitsOfType(property, booking.unitTypeId).some((u) => snapshot.freeUnitIds.has(u.id));
  if (anyFree) return quote;
  // Its own room counts as free on the nights the booking already holds: "one night more" works.
  const own = (await deps.store.readUnitNights(property.id, [booking.unitId], snapshot.nights, now.getTime()))[booking.unitId] ?? [];
  const ownFree = own.length === snapshot.nights.length && own.every((s) => isFree(s) || (s.owner?.kind === 'booking' && s.owner.bookingId === booking.id && s.blocks.length === 0));
  return ownFree ? quote : err('sold_out');
}

/** Moves a confirmed booking to new dates in one atomic step of the store, at the price the guest saw. */
export async function changeBookingDates(
  deps: UseCaseDeps,
  req: { propertyId: string; bookingId: string; stay: Stay; expectedTotal: number; requestId: string; actor: Actor },
): Promise<Result<{ booking: Booking; previousTotal: number }, ChangeFailure, { quote?: Quote }>> {
  const booking = await deps.store.getBooking(req.propertyId, req.bookingId);
  if (!booking) return err('booking_not_found');
  const property = deps.catalog.get(req.propertyId);
  if (!property) return err('unknown_property');
  const preview = await previewDateChange(deps, booking, req.stay);
  if (!preview.ok) return err(preview.code);
  const quote = preview.value;
  if (quote.total !== req.expectedTotal) return err('price_changed', { quote });

  const now = deps.clock.now();
  const units = unitsOfType(property, booking.unitTypeId).map((u) => u.id);
  const holdId = deps.ids.id();
  const promoDef = quote.promotion ? property.pricing.promotions.find((p) => p.id === quote.promotion?.promotionId) : undefined;
  const held = await deps.store.hold({
    propertyId: property.id,
    holdId,
    requestId: req.requestId,
    candidateUnitIds: [booking.unitId, ...units.filter((u) => u !== booking.unitId)],
    nights: nightsOf(req.stay),
    now: now.getTime(),
    expiresAt: now.getTime() + 5 * 60_000,
    replacingBookingId: booking.id,
    promo: quote.promotion && promoDef ? { promotionId: quote.promotion.promotionId, nights: quote.promotion.nights, quota: promoDef.quotaNights } : undefined,
  });
  if (!held.ok) return err(held.code === 'promo_quota' ? 'price_changed' : 'sold_out');
  const moved = await deps.store.moveBooking({ propertyId: property.id, bookingId: booking.id, holdId: held.value.holdId, now: now.getTime() });
  if (!moved.ok) return err('sold_out');

  const at = now.toISOString();
  const updated: Booking = {
    ...booking,
    stay: req.stay,
    unitId: moved.value.unitId,
    quote,
    holdId: held.value.holdId,
    updatedAt: at,
    version: booking.version + 1,
    history: [...booking.history, { from: booking.state, to: booking.state, at, actor: req.actor, reason: `dates changed from ${booking.stay.checkIn}/${booking.stay.checkOut}` }],
  };
  const saved = await deps.store.updateBooking(updated);
  if (!saved.ok) return err('conflict');
  await announceSaved(deps, saved.value, datesChangedEventOf(saved.value, booking.stay));
  return ok({ booking: saved.value, previousTotal: booking.quote.total });
}
