import { randomUUID } from 'node:crypto';
import type { Booking } from '../../domain/bookings/booking';
import type { Guest } from '../../domain/guests/guest';
import type { HoldRequest } from '../../domain/ports';

export const T0 = Date.UTC(2027, 0, 10, 12, 0, 0);
export const MIN = 60_000;

/** A property id of its own per test, so tests can share one Redis server. */
export function freshPropertyId(): string {
  return `p-${randomUUID().slice(0, 8)}`;
}

export function holdRequest(propertyId: string, over: Partial<HoldRequest> = {}): HoldRequest {
  const holdId = over.holdId ?? `h-${randomUUID()}`;
  return {
    propertyId,
    holdId,
    requestId: over.requestId ?? `r-${holdId}`,
    candidateUnitIds: ['u1'],
    nights: ['2027-02-01', '2027-02-02', '2027-02-03'],
    now: T0,
    expiresAt: T0 + 20 * MIN,
    ...over,
  };
}

export function booking(propertyId: string, over: Partial<Booking> = {}): Booking {
  const at = new Date(T0).toISOString();
  return {
    id: `b-${randomUUID()}`,
    reference: 'ABC234',
    propertyId,
    unitTypeId: 'classique',
    unitId: 'u1',
    ratePlanId: 'flex',
    stay: { checkIn: '2027-02-01', checkOut: '2027-02-04' },
    party: { adults: 2, children: 0 },
    quote: {
      propertyId,
      unitTypeId: 'classique',
      ratePlanId: 'flex',
      currency: 'EUR',
      stay: { checkIn: '2027-02-01', checkOut: '2027-02-04' },
      party: { adults: 2, children: 0 },
      channel: 'direct',
      nights: [],
      roomTotal: 0,
      breakfastTotal: 0,
      touristTaxTotal: 0,
      total: 0,
      promotion: null,
    },
    state: 'held',
    holdId: 'h1',
    holdExpiresAt: new Date(T0 + 20 * MIN).toISOString(),
    guestId: null,
    amountPaid: 0,
    channel: 'api',
    createdAt: at,
    updatedAt: at,
    version: 1,
    history: [{ from: null, to: 'held', at, actor: 'guest' }],
    ...over,
  };
}

export function guest(propertyId: string, over: Partial<Guest> = {}): Guest {
  const at = new Date(T0).toISOString();
  return {
    id: `g-${randomUUID()}`,
    propertyId,
    name: 'Camille Martin',
    email: 'camille@example.org',
    phone: '+33612345678',
    locale: 'fr',
    identities: [{ channel: 'webchat', channelUserId: 'wc-1' }],
    consent: null,
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}
