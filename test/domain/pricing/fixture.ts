import { propertySchema, type Property, type PropertyInput } from '../../../domain/catalog/schema';
import type { Quote, QuoteContext, QuoteRequest, QuoteResult } from '../../../domain/pricing/quote-types';

const text = (en: string) => ({ en });
const flexible = { kind: 'flexible' as const, freeUntilDaysBefore: 7, retainedPercentAfter: 100 };

/**
 * A small manor: `double` (2 adults + 1 child, 3 in all, 100.00), `suite` (2 + 2 but 3 in
 * all, 150.00), `gite` (4 adults, no child places, 200.00). Plans: `flex` (no change),
 * `nonref` (-10 %), `bb` (breakfast 12.00 per adult, double only). Tourist tax 1.50 per
 * adult per night. No pricing rules unless a test adds them.
 */
export function baseInput(): PropertyInput {
  return {
    id: 'manoir',
    name: text('Le Manoir'),
    description: text('A manor'),
    timeZone: 'Europe/Paris',
    currency: 'EUR',
    checkInTime: '16:00',
    checkOutTime: '11:00',
    address: { line1: '1 rue du Parc', postalCode: '37000', city: 'Tours', country: 'FR' },
    contact: { email: 'hello@manoir.example', phone: '+33612345678' },
    bookingMode: 'instant',
    depositPercent: 30,
    touristTax: { perAdultPerNight: 150 },
    unitTypes: [
      { id: 'double', name: text('Double'), description: text('Double room'), capacity: { adults: 2, children: 1 }, beds: [{ kind: 'double', count: 1 }], baseRate: 10000 },
      { id: 'suite', name: text('Suite'), description: text('Suite'), capacity: { adults: 2, children: 2, total: 3 }, beds: [{ kind: 'king', count: 1 }], baseRate: 15000 },
      { id: 'gite', name: text('Gîte'), description: text('Cottage'), capacity: { adults: 4, children: 0 }, beds: [{ kind: 'twin', count: 2 }], baseRate: 20000 },
    ],
    units: [
      { id: 'd1', typeId: 'double', name: 'Rose' },
      { id: 's1', typeId: 'suite', name: 'Tour' },
      { id: 'g1', typeId: 'gite', name: 'Fournil' },
    ],
    ratePlans: [
      { id: 'flex', name: text('Flexible'), cancellation: flexible },
      { id: 'nonref', name: text('Non-refundable'), adjustPercent: -10, cancellation: { kind: 'non_refundable' } },
      { id: 'bb', name: text('Bed & breakfast'), breakfastIncluded: true, breakfastPerAdult: 1200, cancellation: flexible, unitTypeIds: ['double'] },
    ],
    pricing: {},
  };
}

/** The fixture, changed by `patch`, run through the schema so defaults apply. */
export function makeProperty(patch: (input: PropertyInput) => void = () => undefined): Property {
  const input = baseInput();
  patch(input);
  return propertySchema.parse(input);
}

export const withPricing = (pricing: PropertyInput['pricing']): Property => makeProperty((p) => void (p.pricing = pricing));

export const TODAY = '2026-06-01'; // a Monday

export function ctx(over: Partial<QuoteContext> = {}): QuoteContext {
  return { today: TODAY, occupancy: {}, promoRemaining: {}, ...over };
}

/** 2 adults in the double, flexible plan, sold on an OTA, 2026-06-10 (Wed) for one night. */
export function req(over: Partial<QuoteRequest> = {}): QuoteRequest {
  return {
    unitTypeId: 'double',
    ratePlanId: 'flex',
    stay: { checkIn: '2026-06-10', checkOut: '2026-06-11' },
    party: { adults: 2, children: 0 },
    channel: 'ota',
    ...over,
  };
}

export const stay = (checkIn: string, checkOut: string) => ({ checkIn, checkOut });

/** The quote of a result that must succeed; the failure is shown when it does not. */
export function priced(result: QuoteResult): Quote {
  if (!result.ok) throw new Error(`expected a quote, got ${result.code} ${JSON.stringify(result.detail)}`);
  return result.value;
}

export const rooms = (q: Quote): number[] => q.nights.map((n) => n.room);
