import type { Night } from '../calendar/nights';
import type { Promotion, Property } from '../catalog/schema';
import type { QuoteContext, QuoteRequest } from './quote-types';

type Booking = Pick<QuoteRequest, 'unitTypeId' | 'ratePlanId' | 'channel'>;

/** Absent lists mean every unit type / rate plan; `directOnly` keeps the OTA price at parity. */
export function promotionMatchesBooking(promo: Promotion, booking: Booking): boolean {
  return (
    (promo.unitTypeIds === undefined || promo.unitTypeIds.includes(booking.unitTypeId)) &&
    (promo.ratePlanIds === undefined || promo.ratePlanIds.includes(booking.ratePlanId)) &&
    (!promo.directOnly || booking.channel === 'direct')
  );
}

/** Inclusive stay window; an absent bound is open. Nights compare as YYYY-MM-DD strings. */
export function promotionCoversNight(promo: Promotion, night: Night): boolean {
  return (promo.stayFrom === undefined || promo.stayFrom <= night) && (promo.stayTo === undefined || night <= promo.stayTo);
}

/** Nights left in the quota: the context's figure, else the full quota; never negative or fractional. */
export function promotionRemaining(promo: Promotion, promoRemaining: QuoteContext['promoRemaining']): number {
  const remaining = promoRemaining[promo.id] ?? promo.quotaNights;
  return Number.isFinite(remaining) ? Math.max(0, Math.floor(remaining)) : 0;
}

export interface PromotionPick {
  promotion: Promotion;
  /** The nights priced with it: the first `remaining` eligible nights of the stay. */
  nights: ReadonlySet<Night>;
}

/**
 * The one promotion of a quote: the first listed that matches the booking and covers at
 * least one night. Promotions do not stack, so the hotel controls the discount by order.
 * A promotion whose quota is used up has stopped selling and is skipped, letting the next
 * one apply. Within the stay, the quota goes to the earliest eligible nights, so the rest
 * of the stay is priced normally rather than the whole quote being refused.
 */
export function pickPromotion(
  property: Property,
  booking: Booking,
  nights: readonly Night[],
  promoRemaining: QuoteContext['promoRemaining'],
): PromotionPick | undefined {
  for (const promotion of property.pricing.promotions) {
    if (!promotionMatchesBooking(promotion, booking)) continue;
    const eligible = nights.filter((n) => promotionCoversNight(promotion, n));
    const remaining = promotionRemaining(promotion, promoRemaining);
    if (eligible.length === 0 || remaining === 0) continue;
    return { promotion, nights: new Set(eligible.slice(0, remaining)) };
  }
  return undefined;
}
