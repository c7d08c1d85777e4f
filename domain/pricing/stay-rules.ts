import type { Night } from '../calendar/nights';
import type { Property } from '../catalog/schema';
import { seasonCovers } from './seasons';

/** Longer stays are long-term lets, negotiated with the hotel rather than quoted by the bot. */
export const MAX_STAY_NIGHTS = 60;

/**
 * Minimum nights for a stay arriving on `checkIn`. Only the arrival night counts (the usual
 * hotel convention: a 7-night summer rule does not stop a stay that merely runs into
 * summer). Among the seasons covering that night, the last listed one that sets a
 * `minStay` decides, so a festival season listed after summer can tighten or relax it, and
 * a season without a `minStay` of its own does not cancel an enclosing season's rule.
 * With none, the property's `pricing.minStay` applies.
 */
export function minStayFor(property: Property, checkIn: Night): number {
  const seasons = property.pricing.seasons;
  for (let i = seasons.length - 1; i >= 0; i--) {
    const season = seasons[i];
    if (season && season.minStay !== undefined && seasonCovers(season, checkIn)) return season.minStay;
  }
  return property.pricing.minStay;
}

/** Arrivals the hotel refuses on some dates (changeover days, events); departures are not affected. */
export function isClosedToArrival(property: Property, checkIn: Night): boolean {
  return property.pricing.closedToArrival.includes(checkIn);
}
