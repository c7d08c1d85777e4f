import type { UnitType } from '../catalog/schema';
import type { CapacityLimits, Party } from './quote-types';

/** `total` defaults to adult plus child places when the hotel does not cap the room below that. */
export function capacityLimits(unitType: UnitType): CapacityLimits {
  const { adults, children, total } = unitType.capacity;
  return { maxAdults: adults, maxChildren: children, maxTotal: total ?? adults + children };
}

const isCount = (n: number): boolean => Number.isInteger(n) && n >= 0;

/**
 * Whether a party may sleep in one unit of this type. At least one adult books and stays;
 * adults never exceed adult places (children's beds may be cots or bunks); a child may take
 * a free adult place, so children are limited only by the total.
 */
export function fitsCapacity(unitType: UnitType, party: Party): boolean {
  if (!isCount(party.adults) || !isCount(party.children)) return false;
  const { maxAdults, maxTotal } = capacityLimits(unitType);
  return party.adults >= 1 && party.adults <= maxAdults && party.adults + party.children <= maxTotal;
}
