import { InProcessBookingEvents } from '../../../adapters/events/in-process-booking-events';
import { createMemoryStore } from '../../../adapters/store/memory';
import type { Booking } from '../../../domain/bookings/booking';
import { REQUEST_HOLD_MINUTES } from '../../../domain/bookings/request-to-book';
import { Catalog } from '../../../domain/catalog/catalog';
import type { BookingTimerKind, BookingTimers, CheckoutLink, GuestMessenger, GuestNotice, PaymentGateway, StaffAlert, StaffNotifier } from '../../../domain/ports';
import { requestBooking } from '../../../domain/usecases/await-payment';
import { subscribeDeadlineTimers } from '../../../domain/usecases/deadline-timers';
import { placeHold } from '../../../domain/usecases/place-hold';
import type { RequestDeps } from '../../../domain/usecases/request-deps';
import { FakeClock } from '../../fakes/clock';
import { sequentialIds } from '../../fakes/ids';
import { testProperty } from '../../fakes/property';

/** A payment gateway that hands out numbered demo links, or fails when told to. */
export class FakePayments implements PaymentGateway {
  readonly checkouts: Booking[] = [];
  failing = false;
  async createCheckout(booking: Booking): Promise<CheckoutLink> {
    if (this.failing) throw new Error('provider down');
    this.checkouts.push(booking);
    return { url: `https://pay.example/${booking.id}/${this.checkouts.length}`, demo: true, expiresAt: booking.holdExpiresAt };
  }
  async refund(): Promise<never> {
    throw new Error('no refunds in these tests');
  }
  async closeCheckout(): Promise<void> {}
}

export class FakeMessenger implements GuestMessenger {
  readonly told: GuestNotice[] = [];
  async tell(notice: GuestNotice) {
    this.told.push(notice);
    return 'sent' as const;
  }
}

/** Records every staff alert, or fails when told to (a webhook down). */
export class FakeNotifier implements StaffNotifier {
  readonly alerts: StaffAlert[] = [];
  failing = false;
  async notify(alert: StaffAlert): Promise<void> {
    if (this.failing) throw new Error('staff webhook down');
    this.alerts.push(alert);
  }
}

export class FakeTimers implements BookingTimers {
  readonly scheduled: { kind: BookingTimerKind; propertyId: string; bookingId: string; at: string }[] = [];
  async schedule(kind: BookingTimerKind, propertyId: string, bookingId: string, at: Date): Promise<void> {
    this.scheduled.push({ kind, propertyId, bookingId, at: at.toISOString() });
  }
}

export type TestRequestDeps = RequestDeps & { clock: FakeClock; payments: FakePayments; messenger: FakeMessenger; notifier: FakeNotifier; timers: FakeTimers };

export const PROPERTY = 'manoir-test';
export const REQUESTED_AT = '2027-02-01T10:00:00.000Z';
export const STAY = { checkIn: '2027-03-10', checkOut: '2027-03-13' };

/** Failing subscribers make the test fail loudly instead of being logged away. */
export function throwingLog(): { error(data: Record<string, unknown>, message: string): never } {
  return {
    error(data, message) {
      throw new Error(`${message}: ${JSON.stringify(data)}`);
    },
  };
}

/** Deadline timers hang from the booking events, as in the app. */
export function requestSetup(): TestRequestDeps {
  const events = new InProcessBookingEvents(throwingLog());
  const timers = new FakeTimers();
  subscribeDeadlineTimers(events, () => timers);
  return {
    catalog: new Catalog([testProperty({ bookingMode: 'request' })]),
    store: createMemoryStore(),
    clock: new FakeClock(Date.parse(REQUESTED_AT)),
    ids: sequentialIds('bk'),
    events,
    payments: new FakePayments(),
    messenger: new FakeMessenger(),
    notifier: new FakeNotifier(),
    timers,
  };
}

/** What the booking dialog does for a request-mode property: the long hold, then `requested`. */
export async function makeRequest(deps: TestRequestDeps, unitTypeId = 'suite'): Promise<Booking> {
  const held = await placeHold(deps, {
    propertyId: PROPERTY,
    unitTypeId,
    ratePlanId: 'flex',
    stay: STAY,
    party: { adults: 2, children: 0 },
    channel: 'direct',
    source: 'webchat',
    requestId: `req-${deps.ids.id()}`,
    guestId: null,
    actor: 'guest',
    holdMinutes: REQUEST_HOLD_MINUTES,
  });
  if (!held.ok) throw new Error(held.code);
  const requested = await requestBooking(deps, { propertyId: PROPERTY, bookingId: held.value.id, actor: 'guest' });
  if (!requested.ok) throw new Error(requested.code);
  return requested.value;
}

/** Whether the booking's unit is free on its first night, as a new guest would see it. */
export async function nightsFree(deps: TestRequestDeps, booking: Booking): Promise<boolean> {
  const states = await deps.store.readUnitNights(PROPERTY, [booking.unitId], [booking.stay.checkIn], deps.clock.now().getTime());
  const night = states[booking.unitId]?.[0];
  return night !== undefined && night.owner === null && night.blocks.length === 0;
}

export const HOUR = 3_600_000;
export const at = (hoursAfterRequest: number, ms = 0): string => new Date(Date.parse(REQUESTED_AT) + hoursAfterRequest * HOUR + ms).toISOString();
