import type { Night, Stay } from '../calendar/nights';

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
