import { InProcessBookingEvents } from '../../../adapters/events/in-process-booking-events';
import type { BookingLifecycleEvent } from '../../../domain/bookings/booking-events';

const base = {
  propertyId: 'manoir-test',
  bookingId: 'bk1',
  reference: 'K7M2QX',
  guestId: 'g1',
  unitTypeId: 'suite',
  unitId: 'suite-1',
  stay: { checkIn: '2027-03-10', checkOut: '2027-03-13' },
  channel: 'webchat',
  address: null,
  from: 'held' as const,
  at: '2027-02-01T10:00:00.000Z',
  actor: 'system',
  version: 2,
};
const cancelled: BookingLifecycleEvent = { ...base, type: 'cancelled' };
const requested: BookingLifecycleEvent = { ...base, type: 'requested', answerBy: '2027-02-04T10:00:00.000Z' };

function bus() {
  const errors: { data: Record<string, unknown>; message: string }[] = [];
  return { events: new InProcessBookingEvents({ error: (data, message) => void errors.push({ data, message }) }), errors };
}

describe('in-process booking events', () => {
  it('runs the subscribers of the event type, in the order they subscribed, and waits for them', async () => {
    const { events } = bus();
    const seen: string[] = [];
    events.on('requested', 'first', async (e) => {
      await new Promise((r) => setImmediate(r));
      seen.push(`first ${e.answerBy}`);
    });
    events.on('cancelled', 'other type', () => void seen.push('cancelled'));
    events.onAny('feed', (e) => void seen.push(`any ${e.type}`));
    events.on('requested', 'second', () => void seen.push('second'));
    await events.publish(requested);
    expect(seen).toEqual(['first 2027-02-04T10:00:00.000Z', 'any requested', 'second']);
  });

  it('logs a subscriber that throws, with ids only, and still runs the others; publish does not throw', async () => {
    const { events, errors } = bus();
    const seen: string[] = [];
    events.on('cancelled', 'broken', () => {
      throw new Error('webhook down');
    });
    events.on('cancelled', 'rejecting', async () => Promise.reject(new Error('timer queue down')));
    events.on('cancelled', 'after', () => void seen.push('after'));
    await expect(events.publish({ ...cancelled, address: { channelId: 'sms', serviceUrl: 'http://x', conversationId: '+33612345678', userId: '+33612345678', botId: 'b', locale: 'fr' } })).resolves.toBeUndefined();
    expect(seen).toEqual(['after']);
    expect(errors).toEqual([
      { message: 'booking event subscriber failed', data: { subscriber: 'broken', event: 'cancelled', propertyId: 'manoir-test', bookingId: 'bk1', err: 'webhook down' } },
      { message: 'booking event subscriber failed', data: { subscriber: 'rejecting', event: 'cancelled', propertyId: 'manoir-test', bookingId: 'bk1', err: 'timer queue down' } },
    ]);
    expect(JSON.stringify(errors)).not.toContain('+3361');
  });

  it('stops calling a subscriber once it unsubscribed', async () => {
    const { events } = bus();
    let calls = 0;
    const off = events.on('cancelled', 'counter', () => void calls++);
    await events.publish(cancelled);
    off();
    await events.publish(cancelled);
    expect(calls).toBe(1);
  });
});
