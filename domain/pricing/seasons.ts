import { monthDay, type Night } from '../calendar/nights';
import type { Property, Season } from '../catalog/schema';

/**
 * Seasons are inclusive `MM-DD` ranges that repeat every year, so a night is compared by
 * its month and day only. `from` after `to` wraps over the new year: 12-20..01-05 covers
 * 12-20..12-31 and 01-01..01-05. A range that includes 02-29 covers it in leap years only,
 * because other years have no such night.
 */
export function seasonCovers(season: Pick<Season, 'from' | 'to'>, night: Night): boolean {
  const md = monthDay(night);
  return season.from <= season.to ? season.from <= md && md <= season.to : md >= season.from || md <= season.to;
}

/**
 * The season of a night. When several cover it the LAST one listed wins: hotels list the
 * broad seasons first and the specific ones (a festival week inside summer) after, so the
 * later, narrower entry is the one they mean. Undefined when no season covers the night.
 */
export function seasonFor(property: Property, night: Night): Season | undefined {
  const seasons = property.pricing.seasons;
  for (let i = seasons.length - 1; i >= 0; i--) {
    const season = seasons[i];
    if (season && seasonCovers(season, night)) return season;
  }
  return undefined;
}
