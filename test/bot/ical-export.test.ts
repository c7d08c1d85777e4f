import { sync, type VEvent } from 'node-ical';
import { exportTokenFor } from '../../adapters/calendar/export-token';
import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import type { CalendarSyncConfig } from '../../bot/jobs/feed-config';
import { createLogger } from '../../bot/logger';
import type { Booking } from '../../domain/bookings/booking';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import { cancelBooking } from '../../domain/usecases/cancel-booking';
import { confirmBooking } from '../../domain/usecases/confirm-booking';
import { placeHold } from '../../domain/usecases/place-hold';
import { recordTransition } from '../../domain/usecases/record-transition';
import { FakeClock } from '../fakes/clock';

const SECRET = 'ical-export-secret-for-tests-0123456789abcdef';
const calendarConfig: CalendarSyncConfig = { enabled: false, refreshMinutes: 10, fetchTimeoutMs: 5000, maxFeedBytes: 1_000_000, exportSecret: SECRET, staffWebhook: null };

async function hold(deps: UseCaseDeps, propertyId: string, unitTypeId: string, stay: { checkIn: string; checkOut: string }): Promise<Booking> {
  const held = await placeHold(deps, {
    propertyId,
    unitTypeId,
    ratePlanId: 'flexible',
    stay,
    party: { adults: 2, children: 0 },
    channel: 'direct',
    source: 'webchat',
    requestId: `r-${propertyId}-${stay.checkIn}`,
    guestId: 'guest-4f2a',
    actor: 'guest',
  });
  if (!held.ok) throw new Error(`hold: ${held.code}`);
  return held.value;
}

describe('the iCal export of a unit', () => {
  let app: App;
  let base: string;
  let tour: string;
  let gite: string;
  const bookings: Record<string, Booking> = {};

  beforeAll(async () => {
    const config = { ...loadConfig({}), port: 0, host: '127.0.0.1' };
    app = await createApp(config, createLogger('silent'), { clock: new FakeClock(Date.parse('2027-01-05T09:00:00Z')), calendar: calendarConfig });
    base = `http://127.0.0.1:${await app.listen()}`;
    const deps = app.deps;
    const chateau = deps.catalog.get('chateau-de-vauclair');
    const giteProperty = deps.catalog.get('gite-des-tilleuls');
    tour = chateau?.units.find((u) => u.id === 'tour')?.exportToken ?? '';
    gite = giteProperty?.units[0]?.exportToken ?? '';

    const confirmed = await hold(deps, 'chateau-de-vauclair', 'suite-de-la-tour', { checkIn: '2027-02-10', checkOut: '2027-02-13' });
    const c = await confirmBooking(deps, { propertyId: 'chateau-de-vauclair', bookingId: confirmed.id, actor: 'payment' });
    if (!c.ok) throw new Error(c.code);
    bookings.confirmed = c.value;
    bookings.held = await hold(deps, 'chateau-de-vauclair', 'suite-de-la-tour', { checkIn: '2027-03-01', checkOut: '2027-03-03' });
    const cancelled = await hold(deps, 'chateau-de-vauclair', 'suite-de-la-tour', { checkIn: '2027-04-01', checkOut: '2027-04-03' });
    await confirmBooking(deps, { propertyId: 'chateau-de-vauclair', bookingId: cancelled.id, actor: 'payment' });
    await cancelBooking(deps, { propertyId: 'chateau-de-vauclair', bookingId: cancelled.id, actor: 'guest' });
    bookings.cancelled = cancelled;

    const request = await hold(deps, 'gite-des-tilleuls', 'gite', { checkIn: '2027-05-01', checkOut: '2027-05-08' });
    const requested = await recordTransition(deps, request, 'requested', 'guest');
    if (!requested.ok) throw new Error(requested.code);
    bookings.requested = requested.value;
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers });

  it('answers the right token with our confirmed stays and held requests as all-day events, read back by node-ical', async () => {
    const res = await get(`/ical/chateau-de-vauclair/tour/${tour}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const body = await res.text();
    const events = Object.values(sync.parseICS(body)).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(events.map((e) => [e.uid, e.datetype, e.start.getFullYear(), e.start.getMonth() + 1, e.start.getDate(), e.end?.getDate(), e.status])).toEqual([
      [`booking-${bookings.confirmed?.id}@majordome`, 'date', 2027, 2, 10, 13, 'CONFIRMED'],
    ]);
    expect(events[0]?.summary).toBe('Majordome – Château de Vauclair');

    const giteBody = await (await get(`/ical/gite-des-tilleuls/maison/${gite}.ics`)).text();
    const giteEvents = Object.values(sync.parseICS(giteBody)).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(giteEvents.map((e) => [e.uid, e.status, e.summary])).toEqual([[`booking-${bookings.requested?.id}@majordome`, 'TENTATIVE', 'Majordome – Gîte des Tilleuls']]);
  });

  it('carries no guest data: no guest id, reference, party or price', async () => {
    const body = await (await get(`/ical/chateau-de-vauclair/tour/${tour}.ics`)).text();
    for (const secret of ['guest-4f2a', bookings.confirmed?.reference ?? '?', 'adults', 'webchat', String(bookings.confirmed?.quote.total)]) expect(body).not.toContain(secret);
    expect(body).not.toMatch(/ATTENDEE|ORGANIZER|DESCRIPTION|LOCATION/);
  });

  it('gives a wrong token, an unknown unit and an unknown property the same 404', async () => {
    const wrong = tour.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const answers = await Promise.all(
      [`/ical/chateau-de-vauclair/tour/${wrong}.ics`, `/ical/chateau-de-vauclair/nowhere/${tour}.ics`, `/ical/nowhere/tour/${tour}.ics`, `/ical/chateau-de-vauclair/tour/${tour.slice(0, 10)}.ics`].map(async (p) => {
        const res = await get(p);
        return [res.status, await res.text()];
      }),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify([404, JSON.stringify({ error: 'not_found', reasons: ['no such calendar'] })])]));
  });

  it('derives the token of a unit without one from ICAL_EXPORT_SECRET', async () => {
    const derived = exportTokenFor('chateau-de-vauclair', 'lavande', undefined, SECRET);
    expect(derived).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await get(`/ical/chateau-de-vauclair/lavande/${derived}.ics`)).status).toBe(200);
    expect(exportTokenFor('chateau-de-vauclair', 'lavande', undefined, `${SECRET}-rotated`)).not.toBe(derived);
    expect(exportTokenFor('chateau-de-vauclair', 'lavande', undefined, null)).toBeNull();
    // A token in the property file wins over the derived one.
    expect((await get(`/ical/chateau-de-vauclair/tour/${exportTokenFor('chateau-de-vauclair', 'tour', undefined, SECRET)}.ics`)).status).toBe(404);
  });

  it('sends an ETag and caching headers, answers 304 to a matching If-None-Match, and rebuilds only when bookings change', async () => {
    const path = `/ical/chateau-de-vauclair/tour/${tour}.ics`;
    const first = await get(path);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect(first.headers.get('last-modified')).toBeTruthy();
    await first.text();
    const builds = app.calendar.exportCache.builds;

    const again = await get(path, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get(path)).headers.get('etag')).toBe(etag);
    expect(app.calendar.exportCache.builds).toBe(builds);

    const held = bookings.held;
    if (!held) throw new Error('no held booking');
    await confirmBooking(app.deps, { propertyId: 'chateau-de-vauclair', bookingId: held.id, actor: 'payment' });
    const changed = await get(path, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).toContain(`booking-${held.id}@majordome`);
    expect(app.calendar.exportCache.builds).toBe(builds + 1);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await fetch(`${base}/ical/chateau-de-vauclair/tour/${tour}.ics`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeTruthy();
    expect(await res.text()).toBe('');
  });
});
