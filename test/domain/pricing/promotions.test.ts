import type { PropertyInput } from '../../../domain/catalog/schema';
import { quoteStay } from '../../../domain/pricing/quote';
import type { QuoteContext, QuoteRequest } from '../../../domain/pricing/quote-types';
import { ctx, priced, req, rooms, stay, withPricing } from './fixture';

type PromoInput = NonNullable<NonNullable<PropertyInput['pricing']>['promotions']>[number];
const promo = (id: string, adjustPercent: number, over: Partial<PromoInput> = {}): PromoInput => ({ id, name: { en: id }, adjustPercent, quotaNights: 10, ...over });

/** Four nights Wed 06-10 .. Sat 06-13 sold direct, the double at 100.00 a night. */
const fourNights = (over: Partial<QuoteRequest> = {}) => req({ stay: stay('2026-06-10', '2026-06-14'), channel: 'direct', ...over });

function run(promotions: PromoInput[], request: QuoteRequest = fourNights(), context: QuoteContext = ctx()) {
  const q = priced(quoteStay(withPricing({ promotions }), request, context));
  return { rooms: rooms(q), promotion: q.promotion };
}

describe('promotions', () => {
  it('applies the first listed promotion that covers a night, and only that one', () => {
    const result = run([promo('july', -50, { stayFrom: '2026-07-01' }), promo('spring', -20), promo('other', -30)]);
    expect(result).toEqual({ rooms: [8000, 8000, 8000, 8000], promotion: { promotionId: 'spring', nights: 4 } });
  });

  it('uses the quota left: only the first remaining nights, the rest at full price', () => {
    const result = run([promo('spring', -20)], fourNights(), ctx({ promoRemaining: { spring: 2 } }));
    expect(result).toEqual({ rooms: [8000, 8000, 10000, 10000], promotion: { promotionId: 'spring', nights: 2 } });
  });

  it('counts a missing remaining figure as the full quota', () => {
    const result = run([promo('spring', -20, { quotaNights: 3 })]);
    expect(result).toEqual({ rooms: [8000, 8000, 8000, 10000], promotion: { promotionId: 'spring', nights: 3 } });
  });

  it('skips a sold-out promotion and lets the next one apply', () => {
    const result = run([promo('spring', -20), promo('backup', -5)], fourNights(), ctx({ promoRemaining: { spring: 0 } }));
    expect(result).toEqual({ rooms: [9500, 9500, 9500, 9500], promotion: { promotionId: 'backup', nights: 4 } });
  });

  it('gives no promotion when every quota is used up', () => {
    expect(run([promo('spring', -20)], fourNights(), ctx({ promoRemaining: { spring: 0 } }))).toEqual({ rooms: [10000, 10000, 10000, 10000], promotion: null });
  });

  it('applies only to nights in its inclusive window, quota counted on those nights', () => {
    const window = promo('weekend', -20, { stayFrom: '2026-06-12', stayTo: '2026-06-13' });
    const fiveNights = fourNights({ stay: stay('2026-06-10', '2026-06-15') });
    expect(run([window], fiveNights)).toEqual({ rooms: [10000, 10000, 8000, 8000, 10000], promotion: { promotionId: 'weekend', nights: 2 } });
    expect(run([window], fiveNights, ctx({ promoRemaining: { weekend: 1 } }))).toEqual({ rooms: [10000, 10000, 8000, 10000, 10000], promotion: { promotionId: 'weekend', nights: 1 } });
  });

  it('is direct only by default: OTA prices stay at parity', () => {
    expect(run([promo('spring', -20)], fourNights({ channel: 'ota' })).promotion).toBeNull();
    expect(run([promo('spring', -20, { directOnly: false })], fourNights({ channel: 'ota' }))).toEqual({
      rooms: [8000, 8000, 8000, 8000],
      promotion: { promotionId: 'spring', nights: 4 },
    });
  });

  it('matches unit types and rate plans when it lists them', () => {
    const suitesOnly = promo('suites', -20, { unitTypeIds: ['suite'] });
    expect(run([suitesOnly]).promotion).toBeNull();
    expect(run([suitesOnly], fourNights({ unitTypeId: 'suite' })).rooms).toEqual([12000, 12000, 12000, 12000]);

    const nonrefOnly = promo('nonref-deal', -20, { ratePlanIds: ['nonref'] });
    expect(run([nonrefOnly]).promotion).toBeNull();
    // 10000 − 10 % (plan) = 9000, then − 20 % = 7200.
    expect(run([nonrefOnly], fourNights({ ratePlanId: 'nonref' }))).toEqual({ rooms: [7200, 7200, 7200, 7200], promotion: { promotionId: 'nonref-deal', nights: 4 } });
  });
});
