import { BullBookingTimers, bookingTimerJobId, bookingTimersQueueName } from '../../../adapters/timers/bullmq-booking-timers';
import type { DueTimer, TimerHandler } from '../../../adapters/timers/timer-handler';
import { FakeClock } from '../../fakes/clock';
import { testRedisUrl, uniqueKeyPrefix } from '../../support/redis-store';

const T0 = Date.parse('2027-02-01T10:00:00Z');
const HOUR = 3_600_000;
const quiet = { info: () => undefined, error: () => undefined };

/** Resolves when `check` holds; jest's timeout bounds the wait. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
}

/** A handler whose calls the test can await one by one. */
function recorder(answer: (t: DueTimer) => Date | null = () => null) {
  const calls: DueTimer[] = [];
  const waiters: ((t: DueTimer) => void)[] = [];
  const handler: TimerHandler = async (t) => {
    calls.push(t);
    waiters.shift()?.(t);
    return answer(t);
  };
  const next = () => new Promise<DueTimer>((resolve) => waiters.push(resolve));
  return { calls, handler, next };
}

describe('BullMQ booking timers (private redis-server)', () => {
  const clock = new FakeClock(T0);
  const queueName = bookingTimersQueueName(uniqueKeyPrefix('booking-timers'));
  const open: BullBookingTimers[] = [];
  const start = async (handler: TimerHandler) => {
    const timers = await BullBookingTimers.start({ connection: { url: testRedisUrl(), maxRetriesPerRequest: null }, queueName, clock, handler, log: quiet });
    open.push(timers);
    return timers;
  };
  afterAll(async () => {
    await open.at(-1)?.queue.obliterate({ force: true });
    for (const t of open) await t.close();
  });

  it('names jobs from the booking and kind, without the colon BullMQ refuses', () => {
    expect(bookingTimerJobId('request_lapse', 'gite:des tilleuls', 'bk1')).toBe('request_lapse.gite%3Ades%20tilleuls.bk1');
    expect(queueName).not.toContain(':');
  });

  it('keeps a timer across a restart and runs it on the new instance once the clock reaches it', async () => {
    const first = recorder();
    const before = await start(first.handler);
    const at = new Date(T0 + 72 * HOUR);
    await before.schedule('request_lapse', 'gite', 'bk1', at);
    await before.schedule('request_lapse', 'gite', 'bk1', at);
    const id = bookingTimerJobId('request_lapse', 'gite', 'bk1');
    expect((await before.queue.getDelayed()).map((j) => j.id)).toEqual([id]);
    await before.close();

    const second = recorder();
    const after = await start(second.handler);
    clock.set(new Date(T0 + 72 * HOUR - 1).toISOString());
    expect(await after.runDue()).toBe(0);
    clock.set(at.toISOString());
    const ran = second.next();
    expect(await after.runDue()).toBe(1);
    expect(await ran).toEqual({ kind: 'request_lapse', propertyId: 'gite', bookingId: 'bk1' });
    await eventually(async () => (await after.queue.getJobState(id)) === 'unknown');
    expect(first.calls).toEqual([]);
    expect(second.calls).toHaveLength(1);
  });

  it('puts a timer that fired early back in the delayed set, for the instant the check names', async () => {
    const later = new Date(clock.now().getTime() + 5 * HOUR);
    const early = recorder(() => later);
    const timers = await start(early.handler);
    const id = bookingTimerJobId('payment_window', 'gite', 'bk2');
    await timers.schedule('payment_window', 'gite', 'bk2', new Date(clock.now().getTime() + HOUR));
    const ran = early.next();
    // Fired before its time, as a machine clock ahead of the app's would make it.
    await (await timers.queue.getJob(id))?.promote();
    await ran;
    await eventually(async () => (await timers.queue.getJobState(id)) === 'delayed');
    expect((await timers.queue.getJob(id))?.data).toMatchObject({ kind: 'payment_window', at: later.toISOString() });
  });
});
