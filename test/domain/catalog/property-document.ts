/**
 * A small valid property document, as a hotel would write it, for tests that break one
 * field at a time. Three unit types so that paths such as `unitTypes[2]...` exist.
 */
export function validPropertyDocument(): Record<string, unknown> {
  return {
    id: 'maison-test',
    name: { en: 'Test Manor', fr: 'Manoir de test' },
    description: { en: 'A manor for tests.', fr: 'Un manoir pour les tests.' },
    timeZone: 'Europe/Paris',
    currency: 'EUR',
    checkInTime: '16:00',
    checkOutTime: '11:00',
    address: { line1: '1 rue du Manoir', postalCode: '37000', city: 'Tours', country: 'FR' },
    contact: { email: 'accueil@manoir.example', phone: '+33261910000' },
    bookingMode: 'instant',
    depositPercent: 30,
    touristTax: { perAdultPerNight: 100 },
    unitTypes: ['double', 'twin', 'suite'].map((id) => ({
      id,
      name: { en: `Room ${id}` },
      description: { en: `A ${id} room.` },
      capacity: { adults: 2, children: 0 },
      beds: [{ kind: id === 'twin' ? 'single' : 'double', count: id === 'twin' ? 2 : 1 }],
      baseRate: 12000,
    })),
    units: [
      { id: 'room-1', typeId: 'double', name: 'Room 1' },
      { id: 'room-2', typeId: 'twin', name: 'Room 2' },
      { id: 'room-3', typeId: 'suite', name: 'Room 3' },
    ],
    ratePlans: [
      { id: 'flexible', name: { en: 'Flexible' }, cancellation: { kind: 'flexible', freeUntilDaysBefore: 7, retainedPercentAfter: 30 } },
      { id: 'non-refundable', name: { en: 'Non-refundable' }, adjustPercent: -10, cancellation: { kind: 'non_refundable' } },
    ],
    pricing: {
      seasons: [{ id: 'summer', from: '07-01', to: '08-31', adjustPercent: 20 }],
      dayOfWeek: { fri: 10 },
      promotions: [{ id: 'winter', name: { en: 'Winter' }, adjustPercent: -15, quotaNights: 40 }],
    },
    faq: [{ id: 'parking', question: { en: 'Parking?' }, answer: { en: 'Yes.' }, keywords: { en: ['parking'] } }],
    concierge: [{ id: 'towels', name: { en: 'Towels' }, price: null }],
  };
}

export type PathSegment = string | number;

/** Marks a field to delete rather than replace. */
export const ABSENT: unique symbol = Symbol('absent');

/** A copy of `doc` with the value at `path` replaced (or removed with ABSENT). */
export function changed(doc: unknown, path: readonly PathSegment[], value: unknown): unknown {
  const copy: unknown = structuredClone(doc);
  const last = path[path.length - 1];
  if (last === undefined) throw new Error('empty path');
  let parent: unknown = copy;
  for (const segment of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) throw new Error(`no ${String(segment)} in test document`);
    parent = (parent as Record<PathSegment, unknown>)[segment];
  }
  if (typeof parent !== 'object' || parent === null) throw new Error(`cannot set ${path.join('.')} in test document`);
  const target = parent as Record<PathSegment, unknown>;
  if (value === ABSENT) delete target[last];
  else target[last] = value;
  return copy;
}
