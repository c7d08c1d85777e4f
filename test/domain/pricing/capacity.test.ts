import { capacityLimits, fitsCapacity, ratePlansFor } from '../../../domain/pricing/quote';
import type { UnitType } from '../../../domain/catalog/schema';
import { makeProperty } from './fixture';

const property = makeProperty();
const type = (id: string): UnitType => {
  const found = property.unitTypes.find((t) => t.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('fitsCapacity', () => {
  it.each([
    // double: 2 adults + 1 child, total defaults to 3
    ['double', 2, 0, true],
    ['double', 2, 1, true],
    ['double', 1, 2, true], // the second child takes the free adult place
    ['double', 1, 0, true],
    ['double', 3, 0, false], // too many adults
    ['double', 2, 2, false], // over the total
    ['double', 0, 1, false], // no adult
    ['double', 0, 0, false],
    // suite: 2 adults + 2 children, but 3 in all
    ['suite', 2, 1, true],
    ['suite', 1, 2, true],
    ['suite', 2, 2, false],
    ['suite', 1, 3, false],
    // gîte: 4 adults, no child places: children use adult places
    ['gite', 1, 3, true],
    ['gite', 4, 0, true],
    ['gite', 4, 1, false],
    ['gite', 5, 0, false],
    // not counts at all
    ['double', 1.5, 0, false],
    ['double', 2, -1, false],
    ['double', Number.NaN, 0, false],
  ])('%s with %d adults and %d children: %s', (id, adults, children, expected) => {
    expect(fitsCapacity(type(id), { adults, children })).toBe(expected);
  });

  it('reports the limits the chat explains', () => {
    expect(capacityLimits(type('double'))).toEqual({ maxAdults: 2, maxChildren: 1, maxTotal: 3 });
    expect(capacityLimits(type('suite'))).toEqual({ maxAdults: 2, maxChildren: 2, maxTotal: 3 });
    expect(capacityLimits(type('gite'))).toEqual({ maxAdults: 4, maxChildren: 0, maxTotal: 4 });
  });
});

describe('ratePlansFor', () => {
  it.each([
    ['double', ['flex', 'nonref', 'bb']],
    ['suite', ['flex', 'nonref']], // bb is sold for the double only
    ['gite', ['flex', 'nonref']],
    ['cellar', []], // unknown type
  ])('%s can be sold with %j', (id, expected) => {
    expect(ratePlansFor(property, id).map((p) => p.id)).toEqual(expected);
  });
});
