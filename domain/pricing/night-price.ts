import { dayOfWeek, type Night } from '../calendar/nights';
import { WEEKDAYS, type Property, type RatePlan, type UnitType } from '../catalog/schema';
import { applyPercent, toBasisPoints } from './percent';
import type { Adjustment, AdjustmentRule, SalesChannel } from './quote-types';
import { seasonFor } from './seasons';
import { occupancyStep, type LeadTimeStep } from './yield';

export interface RoomNightInput {
  property: Property;
  unitType: UnitType;
  ratePlan: RatePlan;
  channel: SalesChannel;
  night: Night;
  /** 0..1 for this night; undefined counts as 0. */
  occupancy: number | undefined;
  /** Per stay, so computed once by the caller. */
  leadTime: LeadTimeStep | undefined;
  /** The promotion when this night is one of its quota nights. */
  promotion: { id: string; adjustPercent: number } | undefined;
}

export interface RoomNight {
  base: number;
  adjustments: Adjustment[];
  room: number;
}

interface Step {
  rule: AdjustmentRule;
  ref?: string;
  percent: number;
}

/**
 * The room price of one night. Steps apply one after another, each rounded to an integer
 * (half up) and clamped at 0, in this fixed order: season, day of week, occupancy, lead
 * time, direct channel, rate plan, promotion. Market-driven steps come first and
 * commercial discounts last, so "-10 % non-refundable" is taken off the price the guest
 * would otherwise pay. Rounding at every step makes each recorded amount exactly the
 * change the guest sees. Steps whose percentage is 0 (in basis points) are not recorded.
 */
export function priceRoomNight(input: RoomNightInput): RoomNight {
  const { property, unitType, ratePlan, night } = input;
  const pricing = property.pricing;
  // The winning season decides both the absolute rate and the percentage; an earlier,
  // broader season's rate does not leak into a later one that does not set one.
  const season = seasonFor(property, night);
  const base = season?.rates[unitType.id] ?? unitType.baseRate;

  const steps: Step[] = [];
  if (season) steps.push({ rule: 'season', ref: season.id, percent: season.adjustPercent });
  const weekday = WEEKDAYS[dayOfWeek(night)];
  const weekdayPercent = weekday === undefined ? undefined : pricing.dayOfWeek[weekday];
  if (weekdayPercent !== undefined) steps.push({ rule: 'day_of_week', percent: weekdayPercent });
  const occupancy = occupancyStep(pricing.yield, input.occupancy);
  if (occupancy) steps.push({ rule: 'occupancy', percent: occupancy.adjustPercent });
  if (input.leadTime) steps.push({ rule: input.leadTime.rule, percent: input.leadTime.percent });
  if (input.channel === 'direct') steps.push({ rule: 'direct', percent: pricing.directAdjustPercent });
  steps.push({ rule: 'rate_plan', ref: ratePlan.id, percent: ratePlan.adjustPercent });
  if (input.promotion) steps.push({ rule: 'promotion', ref: input.promotion.id, percent: input.promotion.adjustPercent });

  let room = base;
  const adjustments: Adjustment[] = [];
  for (const step of steps) {
    if (toBasisPoints(step.percent) === 0) continue;
    const next = applyPercent(room, step.percent);
    adjustments.push({ ...step, amount: next - room });
    room = next;
  }
  return { base, adjustments, room };
}
