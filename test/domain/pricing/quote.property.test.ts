import fc from 'fast-check';
import { addDays, isNight, stayLength } from '../../../domain/calendar/nights';
import { WEEKDAYS, type PropertyInput } from '../../../domain/catalog/schema';
import { minStayFor, quoteStay, ratePlansFor } from '../../../domain/pricing/quote';
import type { Party, Quote, SalesChannel } from '../../../domain/pricing/quote-types';
import { makeProperty } from './fixture';

type PricingInput = NonNullable<PropertyInput['pricing']>;

/** Whole and fractional percentages across the brief's range. */
const percent = fc.oneof(fc.integer({ min: -100, max: 200 }), fc.double({ min: -100, max: 200, noNaN: true }));
const monthDay = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([m, d]) => `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
  .filter((md) => isNight(`2024-${md}`));
/** Any day from 2024 to 2029, so leap days and year ends come up. */
const today = fc.integer({ min: 0, max: 6 * 365 }).map((d) => addDays('2024-01-01', d));
const channel = fc.constantFrom<SalesChannel>('direct', 'ota');

const season = (withMinStay: boolean) =>
  fc.record({
    from: monthDay,
    to: monthDay,
    adjustPercent: percent,
    rates: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }).map((r): Record<string, number> => (r === undefined ? {} : { double: r })),
    minStay: withMinStay ? fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }) : fc.constant(undefined),
  });
const withIds = <T extends object>(prefix: string, items: T[]) => items.map((item, i) => ({ id: `${prefix}${i}`, ...item }));

const promotion = fc.record({
  adjustPercent: percent,
  quotaNights: fc.integer({ min: 1, max: 30 }),
  window: fc.option(fc.tuple(fc.integer({ min: -30, max: 400 }), fc.integer({ min: 0, max: 60 })), { nil: undefined }),
  directOnly: fc.boolean(),
  unitTypeIds: fc.option(fc.subarray(['double', 'suite', 'gite']), { nil: undefined }),
  ratePlanIds: fc.option(fc.subarray(['flex', 'nonref', 'bb']), { nil: undefined }),
  remaining: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
});

const pricingScenario = fc.record({
  today,
  lead: fc.integer({ min: 0, max: 400 }),
  nights: fc.integer({ min: 1, max: 60 }),
  unitTypeId: fc.constantFrom('double', 'suite', 'gite'),
  planIndex: fc.nat(),
  channel,
  // Fits every type of the fixture (double 2+1, suite 3 in all, gîte 4).
  party: fc.record({ adults: fc.integer({ min: 1, max: 2 }), children: fc.integer({ min: 0, max: 1 }) }),
  baseRates: fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 })),
  planPercents: fc.tuple(percent, percent, percent),
  breakfastPerAdult: fc.integer({ min: 0, max: 5_000 }),
  touristTax: fc.integer({ min: 0, max: 1_000 }),
  seasons: fc.array(season(false), { maxLength: 4 }),
  dayOfWeek: fc.array(fc.option(percent, { nil: undefined }), { minLength: 7, maxLength: 7 }),
  occupancySteps: fc.array(fc.record({ minOccupancyPercent: fc.integer({ min: 0, max: 100 }), adjustPercent: percent }), { maxLength: 4 }),
  lastMinute: fc.option(fc.record({ maxDaysBefore: fc.integer({ min: 0, max: 30 }), adjustPercent: percent }), { nil: undefined }),
  earlyBird: fc.option(fc.record({ minDaysBefore: fc.integer({ min: 1, max: 200 }), adjustPercent: percent }), { nil: undefined }),
  directAdjustPercent: percent,
  promotions: fc.array(promotion, { maxLength: 3 }),
  occupancy: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 60, maxLength: 60 }),
});

const isCount = (n: number) => Number.isInteger(n) && n >= 0;

function expectConsistent(q: Quote): void {
  const sum = (pick: (n: Quote['nights'][number]) => number) => q.nights.reduce((a, n) => a + pick(n), 0);
  expect(q.total).toBe(q.roomTotal + q.breakfastTotal + q.touristTaxTotal);
  expect(q.total).toBe(sum((n) => n.total));
  expect(q.roomTotal).toBe(sum((n) => n.room));
  expect(q.breakfastTotal).toBe(sum((n) => n.breakfast));
  expect(q.touristTaxTotal).toBe(sum((n) => n.touristTax));
  for (const amount of [q.total, q.roomTotal, q.breakfastTotal, q.touristTaxTotal]) expect(isCount(amount)).toBe(true);
  q.nights.forEach((n, i) => {
    expect(n.night).toBe(addDays(q.stay.checkIn, i));
    expect(n.total).toBe(n.room + n.breakfast + n.touristTax);
    for (const amount of [n.base, n.room, n.breakfast, n.touristTax, n.total]) expect(isCount(amount)).toBe(true);
    // The recorded steps explain the whole difference between base and room.
    expect(n.base + n.adjustments.reduce((a, adj) => a + adj.amount, 0)).toBe(n.room);
    for (const adj of n.adjustments) expect(Number.isInteger(adj.amount)).toBe(true);
  });
  expect(q.nights).toHaveLength(stayLength(q.stay));
}

describe('quoteStay properties', () => {
  it('(a) totals add up and every amount is a non-negative integer', () => {
    fc.assert(
      fc.property(pricingScenario, (s) => {
        const checkIn = addDays(s.today, s.lead);
        const pricing: PricingInput = {
          seasons: withIds('s', s.seasons),
          dayOfWeek: Object.fromEntries(WEEKDAYS.flatMap((day, i) => (s.dayOfWeek[i] === undefined ? [] : [[day, s.dayOfWeek[i]]]))),
          yield: { occupancy: s.occupancySteps, lastMinute: s.lastMinute, earlyBird: s.earlyBird },
          directAdjustPercent: s.directAdjustPercent,
          promotions: withIds('p', s.promotions).map(({ window, remaining: _remaining, ...p }) => ({
            ...p,
            name: { en: p.id },
            ...(window ? { stayFrom: addDays(checkIn, window[0]), stayTo: addDays(checkIn, window[0] + window[1]) } : {}),
          })),
        };
        const property = makeProperty((p) => {
          p.unitTypes.forEach((t, i) => (t.baseRate = s.baseRates[i] ?? 1));
          p.ratePlans.forEach((r, i) => (r.adjustPercent = s.planPercents[i] ?? 0));
          p.ratePlans.forEach((r) => r.breakfastIncluded && (r.breakfastPerAdult = s.breakfastPerAdult));
          p.touristTax = { perAdultPerNight: s.touristTax };
          p.pricing = pricing;
        });
        const plans = ratePlansFor(property, s.unitTypeId);
        const plan = plans[s.planIndex % plans.length];
        if (!plan) throw new Error('every type has a plan');
        const occupancy = Object.fromEntries(s.occupancy.map((o, i) => [addDays(checkIn, i), o]));
        const promoRemaining = Object.fromEntries(
          withIds('p', s.promotions).flatMap((p) => (p.remaining === undefined ? [] : [[p.id, p.remaining]])),
        );
        const stay = { checkIn, checkOut: addDays(checkIn, s.nights) };
        const result = quoteStay(property, { unitTypeId: s.unitTypeId, ratePlanId: plan.id, stay, party: s.party, channel: s.channel }, { today: s.today, occupancy, promoRemaining });
        if (!result.ok) throw new Error(`expected a quote, got ${result.code}`);
        expectConsistent(result.value);
        const promoNights = result.value.nights.filter((n) => n.adjustments.some((a) => a.rule === 'promotion')).length;
        expect(promoNights).toBeLessThanOrEqual(result.value.promotion?.nights ?? 0);
      }),
      { numRuns: 300 },
    );
  });

  // The schema keeps an explicit total between the adult places and all places.
  const capacity = fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 }))
    .chain(([adults, children]) =>
      fc.record({ adults: fc.constant(adults), children: fc.constant(children), total: fc.option(fc.integer({ min: adults, max: adults + children }), { nil: undefined }) }),
    );
  const party: fc.Arbitrary<Party> = fc.record({ adults: fc.integer({ min: 0, max: 6 }), children: fc.integer({ min: 0, max: 6 }) });

  /** The brief's rule, written out independently of fitsCapacity. */
  const partyFits = (cap: { adults: number; children: number; total?: number | undefined }, p: Party) =>
    p.adults >= 1 && p.adults <= cap.adults && p.adults + p.children <= (cap.total ?? cap.adults + cap.children);

  it('(b) min stay and capacity are always respected', () => {
    fc.assert(
      fc.property(
        fc.record({
          today,
          lead: fc.integer({ min: 0, max: 30 }),
          nights: fc.integer({ min: 1, max: 14 }),
          capacity,
          party,
          minStay: fc.integer({ min: 1, max: 7 }),
          seasons: fc.array(season(true), { maxLength: 4 }),
          closed: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 5 }),
        }),
        (s) => {
          const property = makeProperty((p) => {
            const double = p.unitTypes[0];
            if (double) double.capacity = s.capacity;
            p.pricing = { minStay: s.minStay, seasons: withIds('s', s.seasons), closedToArrival: s.closed.map((d) => addDays(s.today, d)) };
          });
          const stay = { checkIn: addDays(s.today, s.lead), checkOut: addDays(s.today, s.lead + s.nights) };
          const result = quoteStay(property, { unitTypeId: 'double', ratePlanId: 'flex', stay, party: s.party, channel: 'direct' }, { today: s.today, occupancy: {}, promoRemaining: {} });
          const fits = partyFits(s.capacity, s.party);
          const minNights = minStayFor(property, stay.checkIn);
          const closed = property.pricing.closedToArrival.includes(stay.checkIn);

          if (!fits) expect(result).toMatchObject({ ok: false, code: 'capacity' });
          if (result.ok) {
            expect(fits).toBe(true);
            expect(s.nights).toBeGreaterThanOrEqual(minNights);
            expect(closed).toBe(false);
          }
          // And nothing else refuses a stay that meets every rule.
          if (fits && !closed && s.nights >= minNights) expect(result.ok).toBe(true);
          if (!result.ok && result.code === 'min_stay') expect(result.detail).toEqual({ minNights, nights: s.nights });
        },
      ),
      { numRuns: 500 },
    );
  });
});
