import { propertySchema, type Property, type PropertyInput } from '../../domain/catalog/schema';

/** A small valid property for tests; `over` replaces top-level fields. */
export function testProperty(over: Partial<PropertyInput> = {}): Property {
  const base: PropertyInput = {
    id: 'manoir-test',
    name: { en: 'Test Manor', fr: 'Manoir de test' },
    description: { en: 'A manor for tests.', fr: 'Un manoir pour les tests.' },
    timeZone: 'Europe/Paris',
    currency: 'EUR',
    checkInTime: '16:00',
    checkOutTime: '11:00',
    address: { line1: '1 rue du Manoir', postalCode: '37000', city: 'Tours', country: 'FR' },
    contact: { email: 'contact@manoir.example', phone: '+33247000000' },
    bookingMode: 'instant',
    depositPercent: 30,
    touristTax: { perAdultPerNight: 100 },
    holdMinutes: 20,
    unitTypes: [
      {
        id: 'double',
        name: { en: 'Double room', fr: 'Chambre double' },
        description: { en: 'A double room.', fr: 'Une chambre double.' },
        capacity: { adults: 2, children: 1 },
        beds: [{ kind: 'double', count: 1 }],
        baseRate: 10_000,
      },
      {
        id: 'suite',
        name: { en: 'Suite', fr: 'Suite' },
        description: { en: 'The suite.', fr: 'La suite.' },
        capacity: { adults: 4, children: 2 },
        beds: [{ kind: 'king', count: 1 }],
        baseRate: 30_000,
      },
    ],
    units: [
      { id: 'd1', typeId: 'double', name: 'Room 1' },
      { id: 'd2', typeId: 'double', name: 'Room 2' },
      { id: 's1', typeId: 'suite', name: 'Tower suite' },
    ],
    ratePlans: [
      { id: 'flex', name: { en: 'Flexible', fr: 'Flexible' }, cancellation: { kind: 'flexible', freeUntilDaysBefore: 7, retainedPercentAfter: 50 } },
      { id: 'nonref', name: { en: 'Non-refundable', fr: 'Non remboursable' }, adjustPercent: -10, cancellation: { kind: 'non_refundable' } },
    ],
    pricing: { minStay: 1 },
    ...over,
  };
  return propertySchema.parse(base);
}
