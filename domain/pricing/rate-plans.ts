import type { Property, RatePlan } from '../catalog/schema';

/** A plan without `unitTypeIds` is sold for every unit type. Listing order is kept. */
export function ratePlanApplies(plan: RatePlan, unitTypeId: string): boolean {
  return plan.unitTypeIds === undefined || plan.unitTypeIds.includes(unitTypeId);
}

/** The rate plans a guest may choose for this unit type (empty for an unknown type). */
export function ratePlansFor(property: Property, unitTypeId: string): RatePlan[] {
  if (!property.unitTypes.some((t) => t.id === unitTypeId)) return [];
  return property.ratePlans.filter((plan) => ratePlanApplies(plan, unitTypeId));
}
