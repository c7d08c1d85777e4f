import Stripe from 'stripe';
import { signedEvent } from '../fakes/stripe-api';
import { testRedisConfig } from '../support/redis-store';
import { CHATEAU, heldBooking, startPaymentsWorld, toldTo, WEBHOOK_SECRET, type PaymentsWorld } from './payments-support';

/** With Redis, event ids are remembered in Redis (shared by every instance) and bookings keep their payment records. */
describe('Stripe webhooks on the Redis store', () => {
  let w: PaymentsWorld;
  let prefix = '';
  beforeAll(async () => {
    const config = testRedisConfig('stripe-webhooks');
    prefix = config.redisKeyPrefix;
    w = await startPaymentsWorld({ stripe: true, config });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('confirms once for a payment delivered twice, and remembers the event id in Redis under {stripe}', async () => {
    const fake = w.stripe!;
    const { booking, checkoutId } = await heldBooking(w, { conversationId: 'c-redis' });
    fake.complete(checkoutId ?? '');
    const { payload, header } = signedEvent(new Stripe('sk_test_unused', {}), WEBHOOK_SECRET, 'checkout.session.completed', fake.publicView(fake.sessions.get(checkoutId ?? '') ?? {}), 'evt_redis_1');
    const deliver = async () => (await fetch(`${w.base}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload })).json();
    const [a, b] = await Promise.all([deliver(), deliver()]);
    expect([a, b]).toEqual(expect.arrayContaining([{ received: true, outcome: 'confirmed' }, { received: true, duplicate: true }]));
    const stored = await w.app.deps.store.getBooking(CHATEAU, booking.id);
    expect(stored?.state).toBe('confirmed');
    expect(stored?.payments?.receipts).toHaveLength(1);
    expect(toldTo(w, 'c-redis').filter((t) => t.includes('is confirmed'))).toHaveLength(1);
    const redis = (w.app.deps.store as unknown as { redis: { get(k: string): Promise<string | null> } }).redis;
    expect(await redis.get(`${prefix}{stripe}:event:evt_redis_1`)).toBe('done');
  });
});
