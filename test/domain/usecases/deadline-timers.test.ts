import { InProcessBookingEvents } from '../../../adapters/events/in-process-booking-events';
import type { BookingTimers } from '../../../domain/ports';
import { approveRequest } from '../../../domain/usecases/answer-request';
import { subscribeDeadlineTimers } from '../../../domain/usecases/deadline-timers';
import { at, FakeTimers, makeRequest, PROPERTY, requestSetup } from './request-fakes';

describe('deadline timers hang from the booking events', () => {
  it('a request sets its lapse, an approval its payment window, each at the instant the event names', async () => {
    const deps = requestSetup();
    const request = await makeRequest(deps);
    deps.clock.set(at(5));
    await approveRequest(deps, { propertyId: PROPERTY, bookingId: request.id, actor: 'staff:api' });
    expect(deps.timers.scheduled).toEqual([
      { kind: 'request_lapse', propertyId: PROPERTY, bookingId: request.id, at: at(72) },
      { kind: 'payment_window', propertyId: PROPERTY, bookingId: request.id, at: at(5 + 48) },
    ]);
  });

  it('timers not started yet: the failure is logged with ids and the request is made all the same', async () => {
    const failures: Record<string, unknown>[] = [];
    const events = new InProcessBookingEvents({ error: (data) => void failures.push(data) });
    let timers: BookingTimers | null = null;
    subscribeDeadlineTimers(events, () => timers);
    const deps = { ...requestSetup(), events };
    const request = await makeRequest(deps);
    expect(request.state).toBe('requested');
    expect(failures).toEqual([
      { subscriber: 'request lapse timer', event: 'requested', propertyId: PROPERTY, bookingId: request.id, err: 'booking timers not started: the request_lapse deadline is scheduled at the next start' },
    ]);
    // Once started, the next request gets its timer.
    const started = new FakeTimers();
    timers = started;
    const second = await makeRequest(deps, 'double');
    expect(started.scheduled.map((t) => [t.kind, t.bookingId])).toEqual([['request_lapse', second.id]]);
  });
});
