import { addDays } from '../../../domain/calendar/nights';
import { quoteStay } from '../../../domain/pricing/quote';
import { ctx, makeProperty, priced, req, rooms, stay, withPricing } from './fixture';

describe('quoteStay prices', () => {
  it('prices plain nights at the base rate, with tourist tax per adult', () => {
    const q = priced(quoteStay(makeProperty(), req({ stay: stay('2026-06-10', '2026-06-12') }), ctx()));
    expect(q).toEqual({
      propertyId: 'manoir',
      unitTypeId: 'double',
      ratePlanId: 'flex',
      currency: 'EUR',
      stay: stay('2026-06-10', '2026-06-12'),
      party: { adults: 2, children: 0 },
      channel: 'ota',
      nights: [
        { night: '2026-06-10', base: 10000, adjustments: [], room: 10000, breakfast: 0, touristTax: 300, total: 10300 },
        { night: '2026-06-11', base: 10000, adjustments: [], room: 10000, breakfast: 0, touristTax: 300, total: 10300 },
      ],
      roomTotal: 20000,
      breakfastTotal: 0,
      touristTaxTotal: 600,
      total: 20600,
      promotion: null,
    });
  });

  it('adds breakfast per adult and exempts children from breakfast and tax', () => {
    // Wed..Sat with +20 % on Friday and Saturday; 2 adults and a child on B&B.
    const property = withPricing({ dayOfWeek: { fri: 20, sat: 20 } });
    const q = priced(quoteStay(property, req({ ratePlanId: 'bb', stay: stay('2026-06-10', '2026-06-14'), party: { adults: 2, children: 1 } }), ctx()));
    expect(rooms(q)).toEqual([10000, 10000, 12000, 12000]);
    expect(q.nights.map((n) => n.total)).toEqual([12700, 12700, 14700, 14700]); // room + 2×12.00 + 2×1.50
    expect([q.roomTotal, q.breakfastTotal, q.touristTaxTotal, q.total]).toEqual([44000, 9600, 1200, 54800]);

    const single = priced(quoteStay(property, req({ ratePlanId: 'bb', party: { adults: 1, children: 1 } }), ctx()));
    expect(single.nights[0]).toMatchObject({ room: 10000, breakfast: 1200, touristTax: 150, total: 11350 });
  });

  it('uses a season absolute rate for the types it lists, then its percentage', () => {
    const property = withPricing({ seasons: [{ id: 'summer', from: '06-01', to: '08-31', adjustPercent: 10, rates: { double: 12000 } }] });
    const double = priced(quoteStay(property, req(), ctx()));
    expect(double.nights[0]).toMatchObject({ base: 12000, room: 13200, adjustments: [{ rule: 'season', ref: 'summer', percent: 10, amount: 1200 }] });
    const suite = priced(quoteStay(property, req({ unitTypeId: 'suite' }), ctx()));
    expect(suite.nights[0]).toMatchObject({ base: 15000, room: 16500 });
  });

  it('lets the last listed season win, rate and percentage together', () => {
    const seasons = [
      { id: 'summer', from: '06-01', to: '08-31', adjustPercent: 10, rates: { double: 12000 } },
      { id: 'festival', from: '07-10', to: '07-14', adjustPercent: 50 },
    ];
    const q = priced(quoteStay(withPricing({ seasons }), req({ stay: stay('2026-07-09', '2026-07-11') }), ctx()));
    // 07-09 summer: 12000 + 10 %; 07-10 festival has no rate for the double: 10000 + 50 %.
    expect(q.nights.map((n) => [n.base, n.room])).toEqual([[12000, 13200], [10000, 15000]]);
    const reversed = priced(quoteStay(withPricing({ seasons: [...seasons].reverse() }), req({ stay: stay('2026-07-10', '2026-07-11') }), ctx()));
    expect(rooms(reversed)).toEqual([13200]);
  });

  it('applies a season that wraps over the new year on both sides of it', () => {
    const property = withPricing({ seasons: [{ id: 'winter', from: '12-20', to: '01-05', adjustPercent: 20 }] });
    const q = priced(quoteStay(property, req({ stay: stay('2026-12-30', '2027-01-07') }), ctx()));
    expect(rooms(q)).toEqual([12000, 12000, 12000, 12000, 12000, 12000, 12000, 10000]);
    expect(q.roomTotal).toBe(94000);
  });

  it('applies the day of week of each night', () => {
    const property = withPricing({ dayOfWeek: { fri: 20, sat: 25, sun: -5 } });
    const q = priced(quoteStay(property, req({ stay: stay('2026-06-11', '2026-06-15') }), ctx())); // Thu..Sun
    expect(rooms(q)).toEqual([10000, 12000, 12500, 9500]);
    expect(q.nights[3]?.adjustments).toEqual([{ rule: 'day_of_week', percent: -5, amount: -500 }]);
  });

  it('applies the highest occupancy step reached by each night', () => {
    const property = withPricing({
      yield: { occupancy: [{ minOccupancyPercent: 80, adjustPercent: 25 }, { minOccupancyPercent: 29, adjustPercent: 5 }, { minOccupancyPercent: 50, adjustPercent: 10 }] },
    });
    const occupancy = { '2026-06-10': 0.29, '2026-06-11': 0.5, '2026-06-12': 0.79, '2026-06-13': 0.8, '2026-06-15': 1, '2026-06-16': 0.2 };
    const q = priced(quoteStay(property, req({ stay: stay('2026-06-10', '2026-06-17') }), ctx({ occupancy })));
    // 0.29 reaches 29 % despite 0.29 × 100 = 28.999… in floats; 06-14 is missing = 0.
    expect(rooms(q)).toEqual([10500, 11000, 11000, 12500, 10000, 12500, 10000]);
  });

  it('picks the step by threshold, not by the size of its percentage', () => {
    const property = withPricing({
      yield: { occupancy: [{ minOccupancyPercent: 0, adjustPercent: -10 }, { minOccupancyPercent: 50, adjustPercent: 30 }, { minOccupancyPercent: 80, adjustPercent: 20 }] },
    });
    const occupancy = { '2026-06-10': 0.85, '2026-06-11': 0.6 };
    const q = priced(quoteStay(property, req({ stay: stay('2026-06-10', '2026-06-13') }), ctx({ occupancy })));
    expect(rooms(q)).toEqual([12000, 13000, 9000]); // 85 % → +20, 60 % → +30, missing → the 0 % step
  });

  it.each([0.29, 0.57, 0.58])('counts occupancy %p as reaching its own percentage despite float error', (occupancy) => {
    // 0.57 × 100 = 56.99999999999999 and 0.57 × 10000 = 5699.999999999999 in floats.
    const threshold = Math.round(occupancy * 100);
    const property = withPricing({ yield: { occupancy: [{ minOccupancyPercent: threshold, adjustPercent: 10 }] } });
    expect(rooms(priced(quoteStay(property, req(), ctx({ occupancy: { '2026-06-10': occupancy } }))))).toEqual([11000]);
  });

  it('takes the last listed of equal occupancy thresholds', () => {
    const property = withPricing({ yield: { occupancy: [{ minOccupancyPercent: 50, adjustPercent: 10 }, { minOccupancyPercent: 50, adjustPercent: 20 }] } });
    expect(rooms(priced(quoteStay(property, req(), ctx({ occupancy: { '2026-06-10': 0.5 } }))))).toEqual([12000]);
  });

  describe('lead time, counted from today (2026-06-01) to arrival', () => {
    const property = withPricing({ yield: { lastMinute: { maxDaysBefore: 3, adjustPercent: -15 }, earlyBird: { minDaysBefore: 90, adjustPercent: -10 } } });
    it.each([
      ['2026-06-01', 8500], // 0 days: last minute
      ['2026-06-04', 8500], // 3 days: last minute
      ['2026-06-05', 10000], // 4 days: neither
      ['2026-08-29', 10000], // 89 days: neither
      ['2026-08-30', 9000], // 90 days: early bird
    ])('arriving %s costs %d', (checkIn, expected) => {
      const q = priced(quoteStay(property, req({ stay: stay(checkIn, addDays(checkIn, 3)) }), ctx()));
      expect(q.nights[0]?.room).toBe(expected);
      // The same for every night of the stay, even nights further out.
      expect(new Set(rooms(q))).toEqual(new Set([expected]));
    });

    it('prefers last minute when the hotel made the windows overlap', () => {
      const overlap = withPricing({ yield: { lastMinute: { maxDaysBefore: 10, adjustPercent: -15 }, earlyBird: { minDaysBefore: 5, adjustPercent: -10 } } });
      const q = priced(quoteStay(overlap, req({ stay: stay('2026-06-08', '2026-06-09') }), ctx()));
      expect(q.nights[0]?.adjustments).toEqual([{ rule: 'last_minute', percent: -15, amount: -1500 }]);
    });
  });

  it('applies the direct percentage only on direct channels', () => {
    const property = withPricing({ directAdjustPercent: -5 });
    expect(priced(quoteStay(property, req({ channel: 'direct' }), ctx())).nights[0]).toMatchObject({ room: 9500, adjustments: [{ rule: 'direct', percent: -5, amount: -500 }] });
    expect(priced(quoteStay(property, req({ channel: 'ota' }), ctx())).nights[0]).toMatchObject({ room: 10000, adjustments: [] });
  });

  it('applies the rate plan percentage', () => {
    const q = priced(quoteStay(makeProperty(), req({ ratePlanId: 'nonref' }), ctx()));
    expect(q.nights[0]).toMatchObject({ room: 9000, adjustments: [{ rule: 'rate_plan', ref: 'nonref', percent: -10, amount: -1000 }] });
  });

  it('rounds half up at every step, not once at the end', () => {
    // 105 − 10 % = 94.5 → 95; 95 − 10 % = 85.5 → 86 (one rounding of 105 × 0.81 would give 85).
    const property = makeProperty((p) => {
      const double = p.unitTypes[0];
      if (double) double.baseRate = 105;
      p.pricing = { seasons: [{ id: 'low', from: '01-01', to: '12-31', adjustPercent: -10 }] };
    });
    const q = priced(quoteStay(property, req({ ratePlanId: 'nonref' }), ctx()));
    expect(q.nights[0]).toMatchObject({
      base: 105,
      room: 86,
      adjustments: [
        { rule: 'season', ref: 'low', percent: -10, amount: -10 },
        { rule: 'rate_plan', ref: 'nonref', percent: -10, amount: -9 },
      ],
    });
  });

  it('applies every step in order and records each change', () => {
    const property = withPricing({
      seasons: [{ id: 'summer', from: '06-01', to: '08-31', adjustPercent: 10 }],
      dayOfWeek: { sat: 20 },
      yield: { occupancy: [{ minOccupancyPercent: 80, adjustPercent: 10 }], lastMinute: { maxDaysBefore: 14, adjustPercent: -15 } },
      directAdjustPercent: -5,
      promotions: [{ id: 'june', name: { en: 'June' }, adjustPercent: -20, quotaNights: 10 }],
    });
    const request = req({ ratePlanId: 'nonref', stay: stay('2026-06-13', '2026-06-14'), channel: 'direct' }); // a Saturday, 12 days ahead
    const q = priced(quoteStay(property, request, ctx({ occupancy: { '2026-06-13': 0.9 } })));
    expect(q.nights[0]?.adjustments).toEqual([
      { rule: 'season', ref: 'summer', percent: 10, amount: 1000 }, // 10000 → 11000
      { rule: 'day_of_week', percent: 20, amount: 2200 }, // → 13200
      { rule: 'occupancy', percent: 10, amount: 1320 }, // → 14520
      { rule: 'last_minute', percent: -15, amount: -2178 }, // → 12342
      { rule: 'direct', percent: -5, amount: -617 }, // 11724.9 → 11725
      { rule: 'rate_plan', ref: 'nonref', percent: -10, amount: -1172 }, // 10552.5 → 10553
      { rule: 'promotion', ref: 'june', percent: -20, amount: -2111 }, // 8442.4 → 8442
    ]);
    expect(q.nights[0]).toMatchObject({ base: 10000, room: 8442, touristTax: 300, total: 8742 });
    expect(q.promotion).toEqual({ promotionId: 'june', nights: 1 });

    // Sold on an OTA: no direct step and no direct-only promotion. 12342 − 10 % = 11107.8 → 11108.
    const ota = priced(quoteStay(property, { ...request, channel: 'ota' }, ctx({ occupancy: { '2026-06-13': 0.9 } })));
    expect(ota.nights[0]?.adjustments.map((a) => a.rule)).toEqual(['season', 'day_of_week', 'occupancy', 'last_minute', 'rate_plan']);
    expect(ota.nights[0]?.room).toBe(11108);
    expect(ota.promotion).toBeNull();
  });

  it('clamps at zero: a free night stays free through later surcharges', () => {
    const property = withPricing({ seasons: [{ id: 'closed', from: '06-10', to: '06-10', adjustPercent: -100 }], dayOfWeek: { wed: 50 } });
    const q = priced(quoteStay(property, req(), ctx()));
    expect(q.nights[0]).toMatchObject({ room: 0, total: 300 });
  });
});
