import type { Night, Stay } from '../calendar/nights';
import type { Err, Ok } from '../result';

export interface Party {
  adults: number;
  children: number;
}

/** `direct` is our own channels (web chat, Messenger, SMS); `ota` is a price for parity checks. */
export type SalesChannel = 'direct' | 'ota';

export type AdjustmentRule =
  | 'season'
  | 'day_of_week'
  | 'occupancy'
  | 'last_minute'
  | 'early_bird'
  | 'direct'
  | 'rate_plan'
  | 'promotion';

export interface Adjustment {
  rule: AdjustmentRule;
  /** Season, promotion or rate plan id when the rule has one. */
  ref?: string;
  percent: number;
  /** Signed change in minor units that this step made. */
  amount: number;
}

export interface NightPrice {
  night: Night;
  /** Base or season rate before percentage adjustments, minor units. */
  base: number;
  adjustments: Adjustment[];
  room: number;
  breakfast: number;
  touristTax: number;
  /** room + breakfast + touristTax */
  total: number;
}

export interface Quote {
  propertyId: string;
  unitTypeId: string;
  ratePlanId: string;
  currency: string;
  stay: Stay;
  party: Party;
  channel: SalesChannel;
  nights: NightPrice[];
  roomTotal: number;
  breakfastTotal: number;
  touristTaxTotal: number;
  /** Sum of every night's total; integer minor units. */
  total: number;
  /** Nights priced with a quota promotion: the hold must claim them from the quota. */
  promotion: { promotionId: string; nights: number } | null;
}

export interface QuoteContext {
  /** Today in the property's time zone. */
  today: Night;
  /** Share of the property's units not free on that night, 0..1. Missing nights count as 0. */
  occupancy: Readonly<Record<Night, number>>;
  /** Nights still available in each promotion's quota. Missing means the full quota. */
  promoRemaining: Readonly<Record<string, number>>;
}

/** What the guest (or the dialog on their behalf) asks to be priced. */
export interface QuoteRequest {
  unitTypeId: string;
  ratePlanId: string;
  stay: Stay;
  party: Party;
  channel: SalesChannel;
}

/** Limits of a unit type, as the chat explains them: "up to 2 adults and 1 child, 3 guests in all". */
export interface CapacityLimits {
  maxAdults: number;
  /** Places meant for children; a child may also take a free adult place within `maxTotal`. */
  maxChildren: number;
  maxTotal: number;
}

/** The data each failure carries so the chat can explain it and suggest a fix. */
export interface QuoteFailureDetails {
  unknown_unit_type: { unitTypeId: string };
  /** `available`: the plans sold for that unit type (empty when the type itself is unknown). */
  unknown_rate_plan: { ratePlanId: string; unitTypeId: string; available: string[] };
  /** `malformed`: a date is not YYYY-MM-DD or checkOut is not after checkIn. */
  invalid_stay: { reason: 'malformed' } | { reason: 'too_long'; nights: number; maxNights: number };
  stay_in_past: { checkIn: Night; today: Night };
  min_stay: { minNights: number; nights: number };
  closed_to_arrival: { checkIn: Night };
  capacity: CapacityLimits & { adults: number; children: number };
}

export type QuoteFailureCode = keyof QuoteFailureDetails;
export type QuoteFailureDetail = QuoteFailureDetails[QuoteFailureCode];

/**
 * One failure per code, each with its own detail type, so `if (r.code === 'min_stay')`
 * narrows `r.detail` to `{ minNights, nights }`. Assignable to
 * `Result<Quote, QuoteFailureCode, QuoteFailureDetail>`.
 */
export type QuoteFailure = { [C in QuoteFailureCode]: Err<C, QuoteFailureDetails[C]> }[QuoteFailureCode];
export type QuoteResult = Ok<Quote> | QuoteFailure;
