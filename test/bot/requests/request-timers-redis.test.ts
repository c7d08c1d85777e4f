import { Queue } from 'bullmq';
import { bookingTimerJobId, bookingTimersQueueName } from '../../../adapters/timers/bullmq-booking-timers';
import { FakeClock } from '../../fakes/clock';
import { ConnectorCapture } from '../../bench/support/connector-capture';
import { testRedisConfig } from '../../support/redis-store';
import { GITE, requestTheGite, START, startRequestApp, toldSince } from './request-app';

const HOUR = 3_600_000;

/** Resolves when `check` holds; jest's timeout bounds the wait. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 25));
}

describe('request timers survive a restart (Redis store: BullMQ delayed jobs, private redis-server)', () => {
  it('a request made before a restart lapses after it, run by the new instance', async () => {
    const config = testRedisConfig('requests');
    const clock = new FakeClock(Date.parse(START));
    const capture = await ConnectorCapture.start();
    const queue = new Queue(bookingTimersQueueName(config.redisKeyPrefix), { connection: { url: config.redis.url }, prefix: '{bull}' });
    try {
      const first = await startRequestApp({ clock, capture, config });
      expect(first.app.deps.store.kind).toBe('redis');
      const booking = await requestTheGite(first, 'c-redis');
      const jobId = bookingTimerJobId('request_lapse', GITE, booking.id);
      expect(await queue.getJobState(jobId)).toBe('delayed');
      await first.close();

      const second = await startRequestApp({ clock, capture, config });
      try {
        // The boot's rebuild finds the job already there: still one.
        expect((await queue.getDelayed()).map((j) => j.id)).toEqual([jobId]);
        const since = capture.replies.length;
        clock.set(new Date(Date.parse(booking.createdAt) + 72 * HOUR).toISOString());
        expect(await second.app.requests.runDueTimers()).toBe(1);
        await eventually(async () => (await second.app.deps.store.getBooking(GITE, booking.id))?.state === 'expired');
        await eventually(async () => toldSince(second, 'c-redis', since).length > 0);
        expect(toldSince(second, 'c-redis', since).join('\n')).toContain(`couldn't answer your request ${booking.reference} in time`);
        await eventually(async () => (await queue.getJobState(jobId)) === 'unknown');
      } finally {
        await second.close();
      }
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
      await capture.close();
    }
  });
});
