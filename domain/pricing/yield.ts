import { daysBetween, type Night } from '../calendar/nights';
import type { Property } from '../catalog/schema';

type YieldRules = Property['pricing']['yield'];

/**
 * Occupancy is compared in basis points, rounded: 0.29 × 100 is 28.999… in floats, and a
 * hotel that wrote "from 29 %" means 29 % occupancy too. Missing or non-finite counts as 0.
 */
function occupancyBasisPoints(occupancy: number | undefined): number {
  return occupancy !== undefined && Number.isFinite(occupancy) ? Math.round(occupancy * 10_000) : 0;
}

/**
 * The occupancy step for a night: the one with the highest threshold that the night's
 * occupancy reaches, so steps need not be listed in order. Of equal thresholds the last
 * listed wins, as with seasons. Undefined when none is reached.
 */
export function occupancyStep(rules: YieldRules, occupancy: number | undefined): YieldRules['occupancy'][number] | undefined {
  const bp = occupancyBasisPoints(occupancy);
  let best: YieldRules['occupancy'][number] | undefined;
  for (const step of rules.occupancy) {
    if (Math.round(step.minOccupancyPercent * 100) > bp) continue;
    if (best === undefined || step.minOccupancyPercent >= best.minOccupancyPercent) best = step;
  }
  return best;
}

export interface LeadTimeStep {
  rule: 'last_minute' | 'early_bird';
  percent: number;
}

/**
 * Lead time is a property of the booking, not of a night: days from today to arrival,
 * the same for every night of the stay. At most one of the two applies; if a hotel's
 * windows overlap, last minute wins because it reflects the more urgent situation.
 */
export function leadTimeStep(rules: YieldRules, today: Night, checkIn: Night): LeadTimeStep | undefined {
  const days = daysBetween(today, checkIn);
  if (rules.lastMinute && days <= rules.lastMinute.maxDaysBefore) return { rule: 'last_minute', percent: rules.lastMinute.adjustPercent };
  if (rules.earlyBird && days >= rules.earlyBird.minDaysBefore) return { rule: 'early_bird', percent: rules.earlyBird.adjustPercent };
  return undefined;
}
