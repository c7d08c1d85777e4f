import { addDays, dateIn, type Stay } from '../../domain/calendar/nights';
import type { Party } from '../../domain/pricing/quote-types';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import { searchStay } from '../../domain/usecases/search-stay';

const SHIFTS = [1, -1, 2, -2, 3, -3];

/** The nearest stays of the same length, up to 3 days either way, that have something to offer. */
export async function nearestStays(deps: UseCaseDeps, propertyId: string, stay: Stay, party: Party, max = 3): Promise<Stay[]> {
  const property = deps.catalog.get(propertyId);
  if (!property) return [];
  const today = dateIn(property.timeZone, deps.clock.now());
  const found: Stay[] = [];
  for (const shift of SHIFTS) {
    const candidate = { checkIn: addDays(stay.checkIn, shift), checkOut: addDays(stay.checkOut, shift) };
    if (candidate.checkIn < today) continue;
    const result = await searchStay(deps, { propertyId, stay: candidate, party, channel: 'direct' });
    if (result.ok && result.value.offers.length > 0) found.push(candidate);
    if (found.length >= max) break;
  }
  return found.sort((a, b) => a.checkIn.localeCompare(b.checkIn));
}
