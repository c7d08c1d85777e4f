import { daysBetween, isValidStay, nightsOf, stayLength } from '../calendar/nights';
import type { Property } from '../catalog/schema';
import { err, ok } from '../result';
import { capacityLimits, fitsCapacity } from './capacity';
import { priceRoomNight } from './night-price';
import { pickPromotion } from './promotions';
import type { NightPrice, QuoteContext, QuoteRequest, QuoteResult } from './quote-types';
import { ratePlanApplies, ratePlansFor } from './rate-plans';
import { isClosedToArrival, MAX_STAY_NIGHTS, minStayFor } from './stay-rules';
import { leadTimeStep } from './yield';

export { capacityLimits, fitsCapacity } from './capacity';
export { ratePlansFor } from './rate-plans';
export { seasonFor } from './seasons';
export { MAX_STAY_NIGHTS, minStayFor } from './stay-rules';

/**
 * Prices a stay, or says why it cannot be sold, as a value the chat can explain.
 *
 * Checks run from the most basic to the most negotiable: what is asked for (unit type,
 * rate plan), when (valid dates, not past, not too long), who (capacity), then the
 * hotel's arrival rules (closed to arrival before min stay, since no stay length fixes a
 * closed arrival day). The guest hears the first problem, the one to fix first.
 */
export function quoteStay(property: Property, req: QuoteRequest, ctx: QuoteContext): QuoteResult {
  const { unitTypeId, ratePlanId, stay, party, channel } = req;
  const unitType = property.unitTypes.find((t) => t.id === unitTypeId);
  if (!unitType) return err('unknown_unit_type', { unitTypeId });
  const ratePlan = property.ratePlans.find((p) => p.id === ratePlanId);
  if (!ratePlan || !ratePlanApplies(ratePlan, unitTypeId)) {
    return err('unknown_rate_plan', { ratePlanId, unitTypeId, available: ratePlansFor(property, unitTypeId).map((p) => p.id) });
  }

  if (!isValidStay(stay)) return err('invalid_stay', { reason: 'malformed' as const });
  // Arriving today is fine: "today" is already in the property's time zone.
  if (daysBetween(ctx.today, stay.checkIn) < 0) return err('stay_in_past', { checkIn: stay.checkIn, today: ctx.today });
  const length = stayLength(stay);
  if (length > MAX_STAY_NIGHTS) return err('invalid_stay', { reason: 'too_long' as const, nights: length, maxNights: MAX_STAY_NIGHTS });

  if (!fitsCapacity(unitType, party)) return err('capacity', { ...capacityLimits(unitType), adults: party.adults, children: party.children });
  if (isClosedToArrival(property, stay.checkIn)) return err('closed_to_arrival', { checkIn: stay.checkIn });
  const minNights = minStayFor(property, stay.checkIn);
  if (length < minNights) return err('min_stay', { minNights, nights: length });

  const nights = nightsOf(stay);
  const leadTime = leadTimeStep(property.pricing.yield, ctx.today, stay.checkIn);
  const promo = pickPromotion(property, req, nights, ctx.promoRemaining);
  // Breakfast and tourist tax count adults only: children eat free and are exempt from the tax.
  const breakfast = ratePlan.breakfastIncluded ? party.adults * ratePlan.breakfastPerAdult : 0;
  const touristTax = party.adults * property.touristTax.perAdultPerNight;

  const priced: NightPrice[] = nights.map((night) => {
    const { base, adjustments, room } = priceRoomNight({
      property,
      unitType,
      ratePlan,
      channel,
      night,
      occupancy: ctx.occupancy[night],
      leadTime,
      promotion: promo?.nights.has(night) ? promo.promotion : undefined,
    });
    return { night, base, adjustments, room, breakfast, touristTax, total: room + breakfast + touristTax };
  });

  const sum = (pick: (n: NightPrice) => number): number => priced.reduce((acc, n) => acc + pick(n), 0);
  return ok({
    propertyId: property.id,
    unitTypeId,
    ratePlanId,
    currency: property.currency,
    stay: { checkIn: stay.checkIn, checkOut: stay.checkOut },
    party: { adults: party.adults, children: party.children },
    channel,
    nights: priced,
    roomTotal: sum((n) => n.room),
    breakfastTotal: sum((n) => n.breakfast),
    touristTaxTotal: sum((n) => n.touristTax),
    total: sum((n) => n.total),
    promotion: promo ? { promotionId: promo.promotion.id, nights: promo.nights.size } : null,
  });
}
