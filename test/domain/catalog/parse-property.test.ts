import { formatPath, parseProperty } from '../../../domain/catalog/parse';
import { validPropertyDocument } from './property-document';

describe('formatPath', () => {
  it.each([
    [['unitTypes', 2, 'capacity', 'adults'], 'unitTypes[2].capacity.adults'],
    [['pricing', 'seasons', 0, 'rates', 'suite'], 'pricing.seasons[0].rates.suite'],
    [['units'], 'units'],
    [[], ''],
  ])('%j reads %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('parseProperty', () => {
  it('fills the defaults a hotel may leave out', () => {
    const result = parseProperty(validPropertyDocument());
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const { property } = result;
    expect(property.holdMinutes).toBe(20);
    expect(property.defaultLocale).toBe('en');
    expect(property.pricing.minStay).toBe(1);
    expect(property.pricing.yield).toEqual({ occupancy: [] });
    expect(property.units[0]?.feeds).toEqual([]);
    expect(property.ratePlans[0]).toMatchObject({ adjustPercent: 0, breakfastIncluded: false, breakfastPerAdult: 0 });
    expect(property.concierge[0]).toMatchObject({ per: 'item', needsSlot: false, price: null });
  });

  it('trims text', () => {
    const doc = validPropertyDocument();
    doc.name = { en: '  Test Manor ' };
    const result = parseProperty(doc);
    expect(result.ok && result.property.name.en).toBe('Test Manor');
  });
});
