/**
 * Stable codes of expected failures. Dialogs turn them into guest text and bot/ into HTTP
 * statuses, so a code never changes meaning once shipped.
 */
export const FAILURE_CODES = [
  'unknown_property',
  'unknown_unit_type',
  'unknown_rate_plan',
  'invalid_stay',
  'stay_in_past',
  'min_stay',
  'closed_to_arrival',
  'capacity',
  'sold_out',
  'promo_quota',
  'price_changed',
  'hold_expired',
  'hold_not_found',
  'payment_unavailable',
  'booking_not_found',
  'invalid_transition',
  'conflict',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];
