import type { Property, RatePlan, Unit, UnitType } from './schema';

/** The properties one deployment serves, looked up by id. */
export class Catalog {
  private readonly byId: Map<string, Property>;

  constructor(properties: readonly Property[]) {
    this.byId = new Map(properties.map((p) => [p.id, p]));
    if (this.byId.size !== properties.length) throw new Error('duplicate property id in catalog');
  }

  get(propertyId: string): Property | undefined {
    return this.byId.get(propertyId);
  }

  list(): Property[] {
    return [...this.byId.values()];
  }

  unitCount(): number {
    return this.list().reduce((n, p) => n + p.units.length, 0);
  }
}

export function unitTypeOf(property: Property, unitTypeId: string): UnitType | undefined {
  return property.unitTypes.find((t) => t.id === unitTypeId);
}

export function unitsOfType(property: Property, unitTypeId: string): Unit[] {
  return property.units.filter((u) => u.typeId === unitTypeId);
}

export function ratePlanOf(property: Property, ratePlanId: string): RatePlan | undefined {
  return property.ratePlans.find((r) => r.id === ratePlanId);
}
