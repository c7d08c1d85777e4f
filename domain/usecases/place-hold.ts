import { newReference } from '../bookings/reference';
import type { Actor, Booking } from '../bookings/booking';
import { isValidStay, type Stay } from '../calendar/nights';
import { unitsOfType } from '../catalog/catalog';
import { quoteStay } from '../pricing/quote';
import type { Party, Quote, QuoteFailureCode, SalesChannel } from '../pricing/quote-types';
import { err, ok, type Result } from '../result';
import type { GuestAddress } from '../guests/guest-address';
import { announceSaved } from './announce-saved';
import type { UseCaseDeps } from './deps';
import { pricingView } from './inventory-snapshot';

export interface PlaceHoldRequest {
  propertyId: string;
  unitTypeId: string;
  ratePlanId: string;
  stay: Stay;
  party: Party;
  channel: SalesChannel;
  /** Where the guest is talking to us from, to answer them there later. */
  source: string;
  /** The conversation to answer later (confirmation, refund); absent for API callers. */
  address?: GuestAddress | undefined;
  /** The same request id (a retried message, a double click) never holds twice. */
  requestId: string;
  guestId: string | null;
  /** The total the guest was shown; a different price now is `price_changed`, never a silent change. */
  expectedTotal?: number;
  actor: Actor;
  /** How long the nights stay held; the property's `holdMinutes` when absent. */
  holdMinutes?: number;
}

export type PlaceHoldFailure = 'unknown_property' | 'invalid_stay' | 'sold_out' | 'price_changed' | QuoteFailureCode;

const REFERENCE_ATTEMPTS = 8;

export async function placeHold(deps: UseCaseDeps, req: PlaceHoldRequest): Promise<Result<Booking, PlaceHoldFailure, { quote?: Quote }>> {
  const property = deps.catalog.get(req.propertyId);
  if (!property) return err('unknown_property');
  if (!isValidStay(req.stay)) return err('invalid_stay');
  const { now, snapshot, ctx } = await pricingView(deps, property, req.stay);
  const quoteReq = { unitTypeId: req.unitTypeId, ratePlanId: req.ratePlanId, stay: req.stay, party: req.party, channel: req.channel };

  let quoted = quoteStay(property, quoteReq, ctx);
  if (!quoted.ok) return err(quoted.code);
  // Free units first so the usual claim succeeds on its first candidate; the store re-checks all.
  const units = unitsOfType(property, req.unitTypeId).map((u) => u.id);
  const candidates = [...units.filter((u) => snapshot.freeUnitIds.has(u)), ...units.filter((u) => !snapshot.freeUnitIds.has(u))];
  const holdId = deps.ids.id();
  const expiresAt = now.getTime() + (req.holdMinutes ?? property.holdMinutes) * 60_000;

  for (let attempt = 0; attempt < 2; attempt++) {
    const quote: Quote = quoted.value;
    if (req.expectedTotal !== undefined && quote.total !== req.expectedTotal) return err('price_changed', { quote });
    const promotion = quote.promotion;
    const promoDef = promotion ? property.pricing.promotions.find((p) => p.id === promotion.promotionId) : undefined;
    const held = await deps.store.hold({
      propertyId: property.id,
      holdId,
      requestId: req.requestId,
      candidateUnitIds: candidates,
      nights: snapshot.nights,
      now: now.getTime(),
      expiresAt,
      promo: promotion && promoDef ? { promotionId: promotion.promotionId, nights: promotion.nights, quota: promoDef.quotaNights } : undefined,
    });
    if (held.ok) {
      if (held.value.replayed) {
        const existing = await deps.store.getBooking(property.id, held.value.holdId);
        if (existing) return ok(existing);
      }
      return createHeldBooking(deps, req, quote, held.value.holdId, held.value.unitId, held.value.expiresAt);
    }
    if (held.code === 'sold_out') return err('sold_out');
    // The quota ran out between our read and the claim: price again without the promotion.
    quoted = quoteStay(property, quoteReq, { ...ctx, promoRemaining: { ...ctx.promoRemaining, [promotion?.promotionId ?? '']: 0 } });
    if (!quoted.ok) return err(quoted.code);
  }
  return err('sold_out');
}

async function createHeldBooking(
  deps: UseCaseDeps,
  req: PlaceHoldRequest,
  quote: Quote,
  holdId: string,
  unitId: string,
  expiresAt: number,
): Promise<Result<Booking, PlaceHoldFailure, { quote?: Quote }>> {
  const at = deps.clock.now().toISOString();
  for (let i = 0; i < REFERENCE_ATTEMPTS; i++) {
    const booking: Booking = {
      id: holdId,
      reference: newReference((n) => deps.ids.randomInt(n)),
      propertyId: req.propertyId,
      unitTypeId: req.unitTypeId,
      unitId,
      ratePlanId: req.ratePlanId,
      stay: req.stay,
      party: req.party,
      quote,
      state: 'held',
      holdId,
      holdExpiresAt: new Date(expiresAt).toISOString(),
      guestId: req.guestId,
      amountPaid: 0,
      channel: req.source,
      ...(req.address ? { address: req.address } : {}),
      createdAt: at,
      updatedAt: at,
      version: 1,
      history: [{ from: null, to: 'held', at, actor: req.actor }],
    };
    const created = await deps.store.createBooking(booking);
    if (created.ok) {
      await announceSaved(deps, created.value);
      return created;
    }
    // A conflict on our own id means a concurrent replay already created it.
    const existing = await deps.store.getBooking(req.propertyId, holdId);
    if (existing) return ok(existing);
  }
  await deps.store.releaseHold(req.propertyId, holdId);
  throw new Error(`no free booking reference after ${REFERENCE_ATTEMPTS} attempts in property ${req.propertyId}`);
}
