import { isValidStay, type Stay } from '../calendar/nights';
import { unitsOfType } from '../catalog/catalog';
import type { Property, UnitType } from '../catalog/schema';
import { quoteStay, ratePlansFor } from '../pricing/quote';
import type { Party, Quote, QuoteFailure, SalesChannel } from '../pricing/quote-types';
import { err, ok, type Result } from '../result';
import type { UseCaseDeps } from './deps';
import { pricingView } from './inventory-snapshot';

export interface SearchRequest {
  propertyId: string;
  stay: Stay;
  party: Party;
  channel: SalesChannel;
}

export interface Offer {
  unitType: UnitType;
  freeUnits: number;
  /** One quote per rate plan sold for the type, cheapest first. */
  quotes: Quote[];
}

/** Why a unit type is not offered, so the guest can be told what would work instead. */
export type Unavailable =
  | { unitTypeId: string; reason: 'sold_out' }
  | { unitTypeId: string; reason: 'quote'; failure: QuoteFailure };

export interface SearchResult {
  property: Property;
  offers: Offer[];
  unavailable: Unavailable[];
}

export type SearchFailure = 'unknown_property' | 'invalid_stay';

/** Unit types with a unit free on every night that fit the party, each priced per rate plan. */
export async function searchStay(deps: UseCaseDeps, req: SearchRequest): Promise<Result<SearchResult, SearchFailure>> {
  const property = deps.catalog.get(req.propertyId);
  if (!property) return err('unknown_property');
  if (!isValidStay(req.stay)) return err('invalid_stay');
  const { snapshot, ctx } = await pricingView(deps, property, req.stay);

  const offers: Offer[] = [];
  const unavailable: Unavailable[] = [];
  for (const unitType of property.unitTypes) {
    const quotes: Quote[] = [];
    let failure: QuoteFailure | undefined;
    for (const plan of ratePlansFor(property, unitType.id)) {
      const q = quoteStay(property, { unitTypeId: unitType.id, ratePlanId: plan.id, stay: req.stay, party: req.party, channel: req.channel }, ctx);
      if (q.ok) quotes.push(q.value);
      else failure ??= q;
    }
    // Rules (stay, capacity) are explained before stock: "too many guests" helps more than "sold out".
    if (quotes.length === 0 && failure) {
      unavailable.push({ unitTypeId: unitType.id, reason: 'quote', failure });
      continue;
    }
    const freeUnits = unitsOfType(property, unitType.id).filter((u) => snapshot.freeUnitIds.has(u.id)).length;
    if (freeUnits === 0) {
      unavailable.push({ unitTypeId: unitType.id, reason: 'sold_out' });
      continue;
    }
    offers.push({ unitType, freeUnits, quotes: quotes.sort((a, b) => a.total - b.total) });
  }
  offers.sort((a, b) => (a.quotes[0]?.total ?? 0) - (b.quotes[0]?.total ?? 0));
  return ok({ property, offers, unavailable });
}
