import { NO_PAYMENTS, type BookingPayments } from '../../../domain/bookings/payment-record';
import { applicationFee, dateChangeDifference, dueOnline, percentOf } from '../../../domain/payments/payment-policy';
import { planRefund } from '../../../domain/payments/refund-plan';
import { testProperty } from '../../fakes/property';

describe('what the payment link takes', () => {
  it('charges the whole stay, a deposit rounded half up, or nothing for a card guarantee', () => {
    expect(dueOnline(testProperty({ payment: { collect: 'full' } }), 35_017)).toBe(35_017);
    expect(dueOnline(testProperty({ payment: { collect: 'deposit' }, depositPercent: 30 }), 35_017)).toBe(10_505);
    expect(dueOnline(testProperty({ payment: { collect: 'deposit' }, depositPercent: 12.5 }), 100)).toBe(13);
    expect(dueOnline(testProperty({ payment: { collect: 'guarantee' } }), 35_017)).toBe(0);
    // A property file without a payment section takes the whole stay.
    expect(dueOnline(testProperty(), 35_017)).toBe(35_017);
  });

  it('keeps the platform fee in integers, and none without platform mode', () => {
    const platform = testProperty({ payment: { collect: 'full', platform: { connectedAccountId: 'acct_1Nv0FGQ9RKHgCVdK', applicationFeePercent: 3.5 } } });
    expect(applicationFee(platform, 10_001)).toBe(350);
    expect(applicationFee(testProperty(), 10_001)).toBe(0);
    expect(percentOf(1, 50)).toBe(1);
    expect(percentOf(0, 50)).toBe(0);
  });

  it('settles a date change against what was really paid', () => {
    const deposit = testProperty({ payment: { collect: 'deposit' }, depositPercent: 30 });
    expect(dateChangeDifference(deposit, 50_000, 12_000)).toBe(3_000);
    expect(dateChangeDifference(deposit, 30_000, 12_000)).toBe(-3_000);
    expect(dateChangeDifference(testProperty({ payment: { collect: 'guarantee' } }), 50_000, 0)).toBe(0);
    expect(dateChangeDifference(testProperty(), 45_000, 40_000)).toBe(5_000);
  });
});

describe('refund plan', () => {
  const receipt = (paymentId: string, amount: number, checkoutId = paymentId) => ({ checkoutId, paymentId, purpose: 'booking' as const, amount, at: '2027-01-01T00:00:00Z' });
  const payments: BookingPayments = {
    ...NO_PAYMENTS,
    receipts: [receipt('pi_stay', 40_000), receipt('pi_change', 5_000)],
    refunds: [{ key: 'k', providerId: 're_1', paymentId: 'pi_change', amount: 1_000, cause: 'staff', status: 'succeeded', at: '2027-01-02T00:00:00Z' }],
  };

  it('gives back the latest payment first, never more than is left on each', () => {
    expect(planRefund(payments, 3_000)).toEqual([{ paymentId: 'pi_change', amount: 3_000 }]);
    expect(planRefund(payments, 10_000)).toEqual([{ paymentId: 'pi_change', amount: 4_000 }, { paymentId: 'pi_stay', amount: 6_000 }]);
    expect(planRefund(payments, 1_000_000).reduce((n, s) => n + s.amount, 0)).toBe(44_000);
  });

  it('ignores failed refunds and guarantees, and plans nothing for nothing', () => {
    const failed: BookingPayments = { ...payments, refunds: [{ ...payments.refunds[0]!, status: 'failed' }], receipts: [...payments.receipts, { ...receipt('x', 0), paymentId: null }] };
    expect(planRefund(failed, 5_000)).toEqual([{ paymentId: 'pi_change', amount: 5_000 }]);
    expect(planRefund(payments, 0)).toEqual([]);
    expect(planRefund(NO_PAYMENTS, 5_000)).toEqual([]);
  });
});
