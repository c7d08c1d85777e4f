import { MemoryBookingTimers } from '../../../adapters/timers/memory-booking-timers';
import type { DueTimer } from '../../../adapters/timers/timer-handler';
import { FakeClock } from '../../fakes/clock';

const T0 = Date.parse('2027-02-01T10:00:00Z');
const HOUR = 3_600_000;

function setup(answer: (t: DueTimer) => Promise<Date | null> = async () => null) {
  const clock = new FakeClock(T0);
  const ran: DueTimer[] = [];
  const errors: string[] = [];
  const timers = new MemoryBookingTimers(
    clock,
    async (t) => {
      ran.push(t);
      return answer(t);
    },
    { info: () => undefined, error: (_d, m) => errors.push(m) },
  );
  return { clock, ran, errors, timers };
}

describe('memory booking timers under a fake clock', () => {
  it('runs a timer once its instant has come by the clock, not before, and only once', async () => {
    const { clock, ran, timers } = setup();
    await timers.schedule('request_lapse', 'p', 'b1', new Date(T0 + 72 * HOUR));
    clock.set(new Date(T0 + 72 * HOUR - 1).toISOString());
    expect(await timers.runDue()).toBe(0);
    expect(ran).toEqual([]);
    clock.set(new Date(T0 + 72 * HOUR).toISOString());
    expect(await timers.runDue()).toBe(1);
    expect(ran).toEqual([{ kind: 'request_lapse', propertyId: 'p', bookingId: 'b1' }]);
    expect(await timers.runDue()).toBe(0);
    expect(timers.pending()).toEqual([]);
    await timers.close();
  });

  it('keeps one timer per booking and kind, at the earliest instant asked', async () => {
    const { timers } = setup();
    await timers.schedule('request_lapse', 'p', 'b1', new Date(T0 + 2 * HOUR));
    await timers.schedule('request_lapse', 'p', 'b1', new Date(T0 + HOUR));
    await timers.schedule('request_lapse', 'p', 'b1', new Date(T0 + 3 * HOUR));
    await timers.schedule('payment_window', 'p', 'b1', new Date(T0 + 5 * HOUR));
    expect(timers.pending()).toEqual([
      { kind: 'request_lapse', propertyId: 'p', bookingId: 'b1', at: new Date(T0 + HOUR) },
      { kind: 'payment_window', propertyId: 'p', bookingId: 'b1', at: new Date(T0 + 5 * HOUR) },
    ]);
    await timers.close();
  });

  it('comes back later when the check says it fired early, and retries a failing check', async () => {
    let calls = 0;
    const { clock, ran, errors, timers } = setup(async () => {
      calls++;
      if (calls === 1) return new Date(T0 + 10 * HOUR);
      if (calls === 2) throw new Error('store down');
      return null;
    });
    await timers.schedule('payment_window', 'p', 'b1', new Date(T0));
    expect(await timers.runDue()).toBe(1);
    expect(timers.pending().map((t) => t.at)).toEqual([new Date(T0 + 10 * HOUR)]);

    clock.set(new Date(T0 + 10 * HOUR).toISOString());
    expect(await timers.runDue()).toBe(1);
    expect(errors).toEqual(['booking timer failed, retried later']);
    expect(timers.pending().map((t) => t.at)).toEqual([new Date(T0 + 10 * HOUR + 60_000)]);

    clock.advanceMinutes(1);
    expect(await timers.runDue()).toBe(1);
    expect(ran).toHaveLength(3);
    expect(timers.pending()).toEqual([]);
    await timers.close();
  });

  it('runs nothing once closed', async () => {
    const { clock, ran, timers } = setup();
    await timers.schedule('request_lapse', 'p', 'b1', new Date(T0));
    await timers.close();
    await timers.schedule('request_lapse', 'p', 'b2', new Date(T0));
    clock.advanceMinutes(1);
    await timers.runDue();
    expect(ran).toEqual([]);
  });
});
