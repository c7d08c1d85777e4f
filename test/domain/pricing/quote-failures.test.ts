import { quoteStay } from '../../../domain/pricing/quote';
import type { Quote, QuoteFailureCode, QuoteFailureDetail, QuoteRequest } from '../../../domain/pricing/quote-types';
import type { Result } from '../../../domain/result';
import { ctx, req, stay, withPricing, makeProperty } from './fixture';

const property = withPricing({
  minStay: 2,
  seasons: [{ id: 'summer', from: '07-01', to: '08-31', minStay: 5 }],
  closedToArrival: ['2026-06-13'],
});

// Two nights on a Wednesday in June: passes every rule of `property`.
const good = (over: Partial<QuoteRequest> = {}) => req({ stay: stay('2026-06-10', '2026-06-12'), ...over });

describe('quoteStay failures', () => {
  it('matches the documented Result signature', () => {
    const result: Result<Quote, QuoteFailureCode, QuoteFailureDetail> = quoteStay(property, good(), ctx());
    expect(result.ok).toBe(true);
  });

  it.each<[string, Partial<QuoteRequest>, string, unknown]>([
    ['unknown unit type', { unitTypeId: 'cellar' }, 'unknown_unit_type', { unitTypeId: 'cellar' }],
    ['unknown rate plan', { ratePlanId: 'halfboard' }, 'unknown_rate_plan', { ratePlanId: 'halfboard', unitTypeId: 'double', available: ['flex', 'nonref', 'bb'] }],
    ['plan not sold for that type', { unitTypeId: 'suite', ratePlanId: 'bb' }, 'unknown_rate_plan', { ratePlanId: 'bb', unitTypeId: 'suite', available: ['flex', 'nonref'] }],
    ['checkOut equal to checkIn', { stay: stay('2026-06-10', '2026-06-10') }, 'invalid_stay', { reason: 'malformed' }],
    ['checkOut before checkIn', { stay: stay('2026-06-12', '2026-06-10') }, 'invalid_stay', { reason: 'malformed' }],
    ['impossible date', { stay: stay('2026-02-27', '2026-02-30') }, 'invalid_stay', { reason: 'malformed' }],
    ['not a date', { stay: stay('10/06/2026', '2026-06-12') }, 'invalid_stay', { reason: 'malformed' }],
    ['61 nights', { stay: stay('2026-06-10', '2026-08-10') }, 'invalid_stay', { reason: 'too_long', nights: 61, maxNights: 60 }],
    ['arrival yesterday', { stay: stay('2026-05-31', '2026-06-03') }, 'stay_in_past', { checkIn: '2026-05-31', today: '2026-06-01' }],
    ['three adults in the double', { party: { adults: 3, children: 0 } }, 'capacity', { maxAdults: 2, maxChildren: 1, maxTotal: 3, adults: 3, children: 0 }],
    ['four guests in the double', { party: { adults: 2, children: 2 } }, 'capacity', { maxAdults: 2, maxChildren: 1, maxTotal: 3, adults: 2, children: 2 }],
    ['children alone', { party: { adults: 0, children: 1 } }, 'capacity', { maxAdults: 2, maxChildren: 1, maxTotal: 3, adults: 0, children: 1 }],
    ['arrival on a closed day', { stay: stay('2026-06-13', '2026-06-15') }, 'closed_to_arrival', { checkIn: '2026-06-13' }],
    ['one night against min 2', { stay: stay('2026-06-10', '2026-06-11') }, 'min_stay', { minNights: 2, nights: 1 }],
    ['four summer nights against min 5', { stay: stay('2026-07-01', '2026-07-05') }, 'min_stay', { minNights: 5, nights: 4 }],
  ])('%s', (_label, over, code, detail) => {
    const result = quoteStay(property, good(over), ctx());
    expect(result).toEqual({ ok: false, code, detail });
  });

  it.each<[string, Partial<QuoteRequest>]>([
    ['arrival today', { stay: stay('2026-06-01', '2026-06-03') }],
    ['exactly 60 nights', { stay: stay('2026-06-10', '2026-08-09') }],
    ['a closed day inside the stay', { stay: stay('2026-06-12', '2026-06-15') }],
    ['departure on a closed day', { stay: stay('2026-06-11', '2026-06-13') }],
    ['exactly the minimum', { stay: stay('2026-07-01', '2026-07-06') }],
    ['a short stay that runs into summer', { stay: stay('2026-06-29', '2026-07-01') }],
    ['a child in a free adult place', { party: { adults: 1, children: 2 } }],
  ])('accepts %s', (_label, over) => {
    expect(quoteStay(property, good(over), ctx()).ok).toBe(true);
  });

  it('narrows the detail by code', () => {
    const result = quoteStay(property, good({ stay: stay('2026-06-10', '2026-06-11') }), ctx());
    if (result.ok || result.code !== 'min_stay') throw new Error('expected min_stay');
    expect(result.detail?.minNights).toBe(2);
  });

  it('reports the first problem: capacity before closed day and min stay', () => {
    const result = quoteStay(property, good({ stay: stay('2026-06-13', '2026-06-14'), party: { adults: 3, children: 0 } }), ctx());
    expect(result.ok ? 'ok' : result.code).toBe('capacity');
  });

  it('reports a closed arrival before min stay, since no length fixes it', () => {
    const result = quoteStay(property, good({ stay: stay('2026-06-13', '2026-06-14') }), ctx());
    expect(result.ok ? 'ok' : result.code).toBe('closed_to_arrival');
  });

  it('checks the plan against the type before the dates', () => {
    const result = quoteStay(makeProperty(), good({ unitTypeId: 'suite', ratePlanId: 'bb', stay: stay('2020-01-01', '2020-01-02') }), ctx());
    expect(result.ok ? 'ok' : result.code).toBe('unknown_rate_plan');
  });
});
