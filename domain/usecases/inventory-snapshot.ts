import { dateIn, nightsOf, type Night, type Stay } from '../calendar/nights';
import type { QuoteContext } from '../pricing/quote-types';
import type { UseCaseDeps } from './deps';
import type { Property } from '../catalog/schema';
import { isFree, type Store, type UnitNightState } from '../ports';

export interface InventorySnapshot {
  nights: Night[];
  /** Units free on every night of the stay, in catalogue order. */
  freeUnitIds: Set<string>;
  /** Share of the property's units taken on each night, 0..1, for occupancy yield. */
  occupancy: Record<Night, number>;
  /** Nights left in each promotion's quota. */
  promoRemaining: Record<string, number>;
}

/** One read of every unit for the stay: what search and hold both price against. */
export async function inventorySnapshot(store: Store, property: Property, stay: Stay, now: number): Promise<InventorySnapshot> {
  const nights = nightsOf(stay);
  const unitIds = property.units.map((u) => u.id);
  const promos = property.pricing.promotions;
  const [states, usage] = await Promise.all([
    store.readUnitNights(property.id, unitIds, nights, now),
    promos.length ? store.promoUsage(property.id, promos.map((p) => p.id)) : Promise.resolve({} as Record<string, number>),
  ]);
  const row = (unitId: string): UnitNightState[] => states[unitId] ?? [];
  const freeUnitIds = new Set(unitIds.filter((id) => row(id).length === nights.length && row(id).every(isFree)));
  const occupancy: Record<Night, number> = {};
  nights.forEach((night, i) => {
    const taken = unitIds.filter((id) => {
      const s = row(id)[i];
      return s !== undefined && !isFree(s);
    }).length;
    occupancy[night] = unitIds.length ? taken / unitIds.length : 0;
  });
  const promoRemaining = Object.fromEntries(promos.map((p) => [p.id, Math.max(0, p.quotaNights - (usage[p.id] ?? 0))]));
  return { nights, freeUnitIds, occupancy, promoRemaining };
}

/** The store as prices see it now: one snapshot and the quote context built from it. */
export async function pricingView(deps: UseCaseDeps, property: Property, stay: Stay): Promise<{ now: Date; snapshot: InventorySnapshot; ctx: QuoteContext }> {
  const now = deps.clock.now();
  const snapshot = await inventorySnapshot(deps.store, property, stay, now.getTime());
  return { now, snapshot, ctx: { today: dateIn(property.timeZone, now), occupancy: snapshot.occupancy, promoRemaining: snapshot.promoRemaining } };
}
