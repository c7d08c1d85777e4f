import { minStayFor, seasonFor } from '../../../domain/pricing/quote';
import { seasonCovers } from '../../../domain/pricing/seasons';
import { withPricing } from './fixture';

describe('seasonCovers', () => {
  it.each([
    // plain range, inclusive at both ends, any year
    ['06-01', '08-31', '2026-05-31', false],
    ['06-01', '08-31', '2026-06-01', true],
    ['06-01', '08-31', '2031-08-31', true],
    ['06-01', '08-31', '2026-09-01', false],
    // wraps over the new year
    ['12-20', '01-05', '2026-12-19', false],
    ['12-20', '01-05', '2026-12-20', true],
    ['12-20', '01-05', '2026-12-31', true],
    ['12-20', '01-05', '2027-01-01', true],
    ['12-20', '01-05', '2027-01-05', true],
    ['12-20', '01-05', '2027-01-06', false],
    ['12-20', '01-05', '2027-06-15', false],
    // a single day, and 02-29 which only leap years have
    ['07-14', '07-14', '2026-07-14', true],
    ['07-14', '07-14', '2026-07-15', false],
    ['02-28', '03-01', '2028-02-29', true],
    ['02-29', '02-29', '2028-02-29', true],
    ['02-29', '02-29', '2027-03-01', false],
  ])('%s..%s covers %s: %s', (from, to, night, expected) => {
    expect(seasonCovers({ from, to }, night)).toBe(expected);
  });
});

describe('seasonFor', () => {
  const property = withPricing({
    seasons: [
      { id: 'summer', from: '06-01', to: '08-31' },
      { id: 'festival', from: '07-10', to: '07-14' },
      { id: 'winter', from: '12-20', to: '01-05' },
    ],
  });

  it.each([
    ['2026-05-31', undefined],
    ['2026-06-15', 'summer'],
    ['2026-07-09', 'summer'],
    ['2026-07-10', 'festival'], // listed later, so it wins inside summer
    ['2026-07-14', 'festival'],
    ['2026-07-15', 'summer'],
    ['2026-12-25', 'winter'],
    ['2027-01-03', 'winter'],
  ])('%s is in %s', (night, expected) => {
    expect(seasonFor(property, night)?.id).toBe(expected);
  });

  it('lets the last listed season win, whatever its width', () => {
    const reversed = withPricing({
      seasons: [
        { id: 'festival', from: '07-10', to: '07-14' },
        { id: 'summer', from: '06-01', to: '08-31' },
      ],
    });
    expect(seasonFor(reversed, '2026-07-12')?.id).toBe('summer');
  });
});

describe('minStayFor', () => {
  const property = withPricing({
    minStay: 2,
    seasons: [
      { id: 'summer', from: '06-20', to: '08-31', minStay: 5 },
      { id: 'festival', from: '07-10', to: '07-14' }, // no minStay of its own
      { id: 'late-summer', from: '08-25', to: '09-10', minStay: 3 },
      { id: 'new-year', from: '12-28', to: '01-02', minStay: 4 },
    ],
  });

  it.each([
    ['2026-06-19', 2], // no season: the property's rule
    ['2026-06-20', 5],
    ['2026-07-12', 5], // festival has none, so summer's still holds
    ['2026-08-24', 5],
    ['2026-08-25', 3], // late-summer is listed after summer
    ['2026-09-10', 3],
    ['2026-09-11', 2],
    ['2026-12-31', 4],
    ['2027-01-02', 4],
    ['2027-01-03', 2],
  ])('arriving %s needs %d nights', (checkIn, expected) => {
    expect(minStayFor(property, checkIn)).toBe(expected);
  });

  it('defaults to one night', () => {
    expect(minStayFor(withPricing({}), '2026-06-10')).toBe(1);
  });
});
