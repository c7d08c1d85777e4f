import { join } from 'node:path';
import { loadPropertiesFrom } from '../../../adapters/catalog/load-properties';
import type { LocalizedText } from '../../../domain/catalog/locales';
import type { Property } from '../../../domain/catalog/schema';

// What `npm start` serves when PROPERTIES_DIR is not set.
const DEMO_DIR = join(__dirname, '../../../bot/properties');

let chateau: Property;
let gite: Property;
beforeAll(async () => {
  const properties = await loadPropertiesFrom(DEMO_DIR);
  expect(properties.map((p) => p.id)).toEqual(['chateau-de-vauclair', 'gite-des-tilleuls']);
  [chateau, gite] = properties as [Property, Property];
});

const unitsPerType = (p: Property) => Object.fromEntries(p.unitTypes.map((t) => [t.id, p.units.filter((u) => u.typeId === t.id).length]));

/** Every text a guest may be shown, with where it comes from. */
function guestTexts(p: Property): [string, LocalizedText][] {
  return [
    ['name', p.name],
    ['description', p.description],
    ...p.unitTypes.flatMap((t): [string, LocalizedText][] => [[`${t.id}.name`, t.name], [`${t.id}.description`, t.description]]),
    ...p.ratePlans.flatMap((r): [string, LocalizedText][] => [[`${r.id}.name`, r.name], ...(r.description ? [[`${r.id}.description`, r.description] as [string, LocalizedText]] : [])]),
    ...p.pricing.seasons.flatMap((s): [string, LocalizedText][] => (s.name ? [[`${s.id}.name`, s.name]] : [])),
    ...p.pricing.promotions.map((promo): [string, LocalizedText] => [`${promo.id}.name`, promo.name]),
    ...p.faq.flatMap((f): [string, LocalizedText][] => [[`${f.id}.question`, f.question], [`${f.id}.answer`, f.answer]]),
    ...p.concierge.flatMap((c): [string, LocalizedText][] => [[`${c.id}.name`, c.name], ...(c.description ? [[`${c.id}.description`, c.description] as [string, LocalizedText]] : [])]),
  ];
}

describe('the demo properties', () => {
  it.each(['chateau-de-vauclair', 'gite-des-tilleuls'])('%s speaks English and French everywhere, with no placeholder text', (id) => {
    const property = id === chateau.id ? chateau : gite;
    for (const [where, text] of guestTexts(property)) {
      // The location rides along so that a failure says which text is at fault.
      expect([where, typeof text.en, typeof text.fr]).toEqual([where, 'string', 'string']);
      for (const value of Object.values(text)) expect([where, value]).toEqual([where, expect.not.stringMatching(/lorem|ipsum|todo|xxx/i)]);
    }
    // Translated, not copied: answers differ between the two languages.
    for (const entry of property.faq) expect([entry.id, entry.answer.fr]).not.toEqual([entry.id, entry.answer.en]);
    expect(property.description.fr).toMatch(/[éèàêçô]/);
  });

  it.each(['chateau-de-vauclair', 'gite-des-tilleuls'])('%s only links to https pages of its own website', (id) => {
    const property = id === chateau.id ? chateau : gite;
    const site = property.contact.website;
    expect(site).toMatch(/^https:\/\//);
    const links = [...property.unitTypes.flatMap((t) => t.photos), ...property.reviewLinks.map((l) => l.url)];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.startsWith(site ?? '-')).toBe(true);
  });
});

describe('Château de Vauclair', () => {
  it('is a French heritage hotel sold instantly in euros', () => {
    expect(chateau).toMatchObject({
      timeZone: 'Europe/Paris',
      currency: 'EUR',
      checkInTime: '16:00',
      checkOutTime: '11:00',
      bookingMode: 'instant',
      depositPercent: 30,
      touristTax: { perAdultPerNight: 165 },
      address: { country: 'FR' },
    });
  });

  it('has six rooms in three types, one of them a suite with a single unit', () => {
    expect(chateau.units).toHaveLength(6);
    expect(unitsPerType(chateau)).toEqual({ 'chambre-classique': 3, 'chambre-superieure': 2, 'suite-de-la-tour': 1 });
    expect(chateau.unitTypes.find((t) => t.id === 'suite-de-la-tour')?.name.fr).toBe('Suite de la Tour');
  });

  it('prices rooms realistically, in cents', () => {
    for (const type of chateau.unitTypes) {
      expect(type.baseRate).toBeGreaterThanOrEqual(10_000);
      expect(type.baseRate).toBeLessThanOrEqual(60_000);
    }
    const rates = chateau.unitTypes.map((t) => t.baseRate);
    expect([...rates].sort((a, b) => a - b)).toEqual(rates);
  });

  it('sells a flexible, a non-refundable and a bed & breakfast rate', () => {
    const plans = Object.fromEntries(chateau.ratePlans.map((r) => [r.id, r]));
    expect(plans.flexible).toMatchObject({ adjustPercent: 0, cancellation: { kind: 'flexible', freeUntilDaysBefore: 7 } });
    expect(plans['non-refundable']).toMatchObject({ adjustPercent: -12, cancellation: { kind: 'non_refundable' } });
    expect(plans['bed-and-breakfast']).toMatchObject({ breakfastIncluded: true, breakfastPerAdult: 1800 });
  });

  it('has a year-end season that wraps over the new year with a two-night minimum', () => {
    const ids = chateau.pricing.seasons.map((s) => s.id);
    const yearEnd = chateau.pricing.seasons.find((s) => s.id === 'fetes-de-fin-d-annee');
    expect(yearEnd).toMatchObject({ from: '12-20', to: '01-03', minStay: 2 });
    // It sits inside the low season; the later season in the list is the one that applies.
    expect(ids.indexOf('fetes-de-fin-d-annee')).toBeGreaterThan(ids.indexOf('basse-saison'));
    expect(chateau.pricing.seasons.some((s) => s.adjustPercent < 0)).toBe(true);
    expect(chateau.pricing.seasons.some((s) => s.from <= '07-15' && s.to >= '08-15' && s.adjustPercent > 0)).toBe(true);
  });

  it('uses every pricing lever the quote engine knows', () => {
    const { pricing } = chateau;
    expect(pricing.dayOfWeek).toEqual({ fri: expect.any(Number), sat: expect.any(Number) });
    expect(pricing.minStay).toBe(1);
    expect(pricing.closedToArrival.length).toBeGreaterThan(0);
    expect(pricing.directAdjustPercent).toBe(-5);
    expect(pricing.yield.occupancy.length).toBeGreaterThan(1);
    expect(pricing.yield.lastMinute).toBeDefined();
    expect(pricing.yield.earlyBird).toBeDefined();
    expect(pricing.promotions).toEqual([expect.objectContaining({ id: 'offre-hiver', adjustPercent: -15, quotaNights: 40 })]);
    expect(pricing.promotions[0]?.name.fr).toBe("Offre d'hiver");
  });

  it('answers the usual questions, with keywords in both languages', () => {
    expect(chateau.faq.map((f) => f.id).sort()).toEqual(['breakfast', 'check-in-times', 'ev-charging', 'parking', 'pets', 'restaurant', 'wifi']);
    const missingKeywords = chateau.faq.filter((f) => !f.keywords.en?.length || !f.keywords.fr?.length).map((f) => f.id);
    expect(missingKeywords).toEqual([]);
  });

  it('offers concierge services, booking a slot for the restaurant table and the spa', () => {
    const ids = chateau.concierge.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['extra-towels', 'restaurant-table', 'late-checkout', 'picnic-basket', 'spa-slot', 'bicycles']));
    expect(chateau.concierge.filter((c) => c.needsSlot).map((c) => c.id)).toEqual(['restaurant-table', 'spa-slot']);
    expect(chateau.concierge.find((c) => c.id === 'extra-towels')?.price).toBeNull();
    expect(chateau.concierge.find((c) => c.id === 'late-checkout')?.price).toBeGreaterThan(0);
    expect(chateau.reviewLinks.length).toBeGreaterThan(0);
  });
});

describe('Gîte des Tilleuls', () => {
  it('is one house for six, children included, sold on request', () => {
    expect(gite.unitTypes).toHaveLength(1);
    expect(gite.units).toHaveLength(1);
    expect(gite.unitTypes[0]?.capacity).toMatchObject({ total: 6, children: expect.any(Number) });
    expect(gite.unitTypes[0]?.capacity.children).toBeGreaterThan(0);
    expect(gite.bookingMode).toBe('request');
  });

  it('sells by the week in summer and for two nights at least otherwise', () => {
    expect(gite.pricing.minStay).toBe(2);
    const summer = gite.pricing.seasons.filter((s) => s.from <= '08-01' && s.to >= '08-01');
    expect(summer).toEqual([expect.objectContaining({ minStay: 7 })]);
  });

  it('offers a flexible and a non-refundable rate', () => {
    expect(gite.ratePlans.map((r) => r.cancellation.kind).sort()).toEqual(['flexible', 'non_refundable']);
  });
});
