import { createMemoryStore } from '../../../adapters/store/memory';
import { problem } from '../../../domain/calendar/feed-problem';
import { exportUid } from '../../../domain/calendar/unit-export';
import type { Store } from '../../../domain/ports';
import { cancelBooking } from '../../../domain/usecases/cancel-booking';
import { importFeed } from '../../../domain/usecases/import-feed';
import { searchStay } from '../../../domain/usecases/search-stay';
import { makeTestRedisStore } from '../../support/redis-store';
import { allDayCalendar, blockedBy, bookSuite, fetched, fixtureBytes, syncWorld, type SyncWorld } from './sync-helpers';

const stores: [string, () => Store][] = [
  ['memory store', () => createMemoryStore()],
  ['Redis store', () => makeTestRedisStore('ical-import')],
];

describe.each(stores)('importing a feed into the %s', (_name, makeStore) => {
  let store: Store;
  let w: SyncWorld;
  beforeEach(() => {
    store = makeStore();
    w = syncWorld(store);
  });
  afterEach(async () => {
    await w.close();
    await store.close();
  });
  const now = () => w.deps.clock.now().getTime();

  it('blocks the nights of an Airbnb feed and the search stops offering them', async () => {
    w.fetcher.serve(fetched(fixtureBytes('airbnb.ics'), '"v1"'));
    const outcome = await importFeed(w.sync, w.airbnb);
    expect(outcome).toMatchObject({ kind: 'imported', events: 4, newDoubleBookings: [], openDoubleBookings: 0 });
    expect(await blockedBy(store, 's1-airbnb', '2027-01-06', 8, now())).toEqual(['2027-01-08', '2027-01-09', '2027-01-10', '2027-01-11']);

    const search = await searchStay(w.deps, { propertyId: 'manoir-test', stay: { checkIn: '2027-01-09', checkOut: '2027-01-10' }, party: { adults: 2, children: 0 }, channel: 'direct' });
    if (!search.ok) throw new Error(search.code);
    expect(search.value.unavailable).toContainEqual({ unitTypeId: 'suite', reason: 'sold_out' });
    expect(search.value.offers.map((o) => o.unitType.id)).toEqual(['double']);
  });

  it('frees the nights of an event that disappears, and every night for a well-formed empty calendar', async () => {
    w.fetcher.serve(fetched(fixtureBytes('airbnb.ics')));
    await importFeed(w.sync, w.airbnb);
    w.fetcher.serve(fetched(allDayCalendar([['1418fb94e984-6a3b9c1d7e2f4a5b8c0d1e2f3a4b5c6d@airbnb.com', '20270108', '20270110']])));
    const shorter = await importFeed(w.sync, w.airbnb);
    expect(shorter).toMatchObject({ kind: 'imported', added: [], removed: expect.arrayContaining(['2027-01-10', '2027-01-11', '2027-02-13']) });
    expect(await blockedBy(store, 's1-airbnb', '2027-01-06', 8, now())).toEqual(['2027-01-08', '2027-01-09']);

    w.fetcher.serve(fetched(fixtureBytes('empty.ics')));
    expect(await importFeed(w.sync, w.airbnb)).toMatchObject({ kind: 'imported', blockedNights: 0, removed: ['2027-01-08', '2027-01-09'] });
    expect(await blockedBy(store, 's1-airbnb', '2027-01-06', 8, now())).toEqual([]);
  });

  it.each([
    ['an HTML page', () => fetched(fixtureBytes('html.ics')), 'html'],
    ['a truncated file', () => fetched(fixtureBytes('truncated.ics')), 'truncated'],
    ['an event with an impossible date', () => fetched(fixtureBytes('bad-date.ics')), 'invalid_date'],
    ['a JSON error body', () => fetched(fixtureBytes('not-calendar.ics')), 'not_calendar'],
    ['an unknown time zone', () => fetched(fixtureBytes('unknown-tz.ics')), 'invalid_date'],
    ['an HTTP error', () => ({ kind: 'failed' as const, problem: problem('http_error', 'the server answered HTTP 503', 503) }), 'http_error'],
  ])('keeps the last good blocks when the feed sends %s', async (_what, bad, code) => {
    w.fetcher.serve(fetched(fixtureBytes('booking-com.ics')));
    await importFeed(w.sync, w.booking);
    const before = await blockedBy(store, 's1-booking', '2027-01-14', 6, now());
    expect(before).toEqual(['2027-01-15', '2027-01-16', '2027-01-17', '2027-01-18']);

    w.fetcher.serve(bad());
    expect(await importFeed(w.sync, w.booking)).toMatchObject({ kind: 'failed', problem: { code }, consecutiveFailures: 1, alerted: false });
    expect(await blockedBy(store, 's1-booking', '2027-01-14', 6, now())).toEqual(before);
  });

  it('tells the staff after three failures in a row, again a day later, and starts over once the feed works', async () => {
    w.fetcher.serve(fetched(fixtureBytes('html.ics')));
    const outcomes = [];
    for (let i = 0; i < 4; i++) {
      outcomes.push(await importFeed(w.sync, w.booking));
      w.deps.clock.advanceMinutes(10);
    }
    expect(outcomes.map((o) => (o.kind === 'failed' ? [o.consecutiveFailures, o.alerted] : o.kind))).toEqual([
      [1, false],
      [2, false],
      [3, true],
      [4, false],
    ]);
    const [alert] = w.notifier.of('feed_failing');
    expect(w.notifier.of('feed_failing')).toHaveLength(1);
    expect(alert).toMatchObject({
      propertyId: 'manoir-test',
      data: { unitId: 's1', feedId: 's1-booking', feedLabel: 'Booking.com', failures: 3, problem: 'html', failingSince: '2026-12-01T09:00:00.000Z' },
    });
    expect(alert?.summary).toContain('Booking.com calendar of unit s1 has failed 3 times');
    expect(JSON.stringify(alert)).not.toContain('feeds.example');

    w.deps.clock.advanceMinutes(24 * 60);
    expect(await importFeed(w.sync, w.booking)).toMatchObject({ kind: 'failed', consecutiveFailures: 5, alerted: true });

    w.fetcher.serve(fetched(fixtureBytes('booking-com.ics')));
    expect((await importFeed(w.sync, w.booking)).kind).toBe('imported');
    expect(await w.records.getFeedStatus('manoir-test', 's1', 's1-booking')).toMatchObject({ consecutiveFailures: 0, failingSince: null, lastProblem: null, lastAlertAt: null });
    w.fetcher.serve(fetched(fixtureBytes('html.ics')));
    expect(await importFeed(w.sync, w.booking)).toMatchObject({ kind: 'failed', consecutiveFailures: 1, alerted: false });
  });

  it('raises a double booking at once with both sides, records it, and does not repeat it', async () => {
    const ours = await bookSuite(w.deps, { checkIn: '2027-03-10', checkOut: '2027-03-13' });
    w.fetcher.serve(fetched(allDayCalendar([['HMQ8E2ZK4X@airbnb.com', '20270311', '20270315', 'Reserved']])));
    const outcome = await importFeed(w.sync, w.airbnb);
    expect(outcome).toMatchObject({ kind: 'imported', openDoubleBookings: 1 });

    const alerts = w.notifier.of('double_booking');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      propertyId: 'manoir-test',
      data: { unitId: 's1', bookingId: ours.id, reference: ours.reference, feedId: 's1-airbnb', feedLabel: 'Airbnb', uid: 'HMQ8E2ZK4X@airbnb.com', eventKind: 'reservation', firstNight: '2027-03-11', lastNight: '2027-03-12', nights: 2, likelyEcho: false },
    });
    expect(alerts[0]?.summary).toContain(ours.reference);
    expect(await w.records.listDoubleBookings('manoir-test')).toEqual([
      expect.objectContaining({ bookingId: ours.id, reference: ours.reference, feedId: 's1-airbnb', uid: 'HMQ8E2ZK4X@airbnb.com', nights: ['2027-03-11', '2027-03-12'] }),
    ]);

    // Still there at the next refresh: still open, not told twice.
    expect(await importFeed(w.sync, w.airbnb)).toMatchObject({ newDoubleBookings: [], openDoubleBookings: 1 });
    expect(w.notifier.of('double_booking')).toHaveLength(1);

    // Gone, then back: a new double booking.
    w.fetcher.serve(fetched(fixtureBytes('empty.ics')));
    expect(await importFeed(w.sync, w.airbnb)).toMatchObject({ openDoubleBookings: 0 });
    w.fetcher.serve(fetched(allDayCalendar([['HMQ8E2ZK4X@airbnb.com', '20270311', '20270315', 'Reserved']])));
    await importFeed(w.sync, w.airbnb);
    expect(w.notifier.of('double_booking')).toHaveLength(2);
    expect(await w.records.listDoubleBookings('manoir-test')).toHaveLength(2);
  });

  it('does not count our own booking echoed back under our uid, and flags a closure within our stay as a likely echo', async () => {
    const ours = await bookSuite(w.deps, { checkIn: '2027-03-10', checkOut: '2027-03-13' });
    w.fetcher.serve(fetched(allDayCalendar([[exportUid(ours.id), '20270310', '20270313', 'Majordome – Test Manor']])));
    expect(await importFeed(w.sync, w.booking)).toMatchObject({ kind: 'imported', openDoubleBookings: 0 });
    expect(w.notifier.of('double_booking')).toEqual([]);

    w.fetcher.serve(fetched(allDayCalendar([['7f662ec65913@airbnb.com', '20270310', '20270313', 'Airbnb (Not available)']])));
    await importFeed(w.sync, w.airbnb);
    expect(w.notifier.of('double_booking').map((a) => [a.data.eventKind, a.data.likelyEcho])).toEqual([['closure', true]]);
  });

  it('forgets a double booking once our booking is cancelled', async () => {
    const ours = await bookSuite(w.deps, { checkIn: '2027-03-10', checkOut: '2027-03-13' });
    w.fetcher.serve(fetched(allDayCalendar([['HMQ8E2ZK4X@airbnb.com', '20270311', '20270312']])));
    expect(await importFeed(w.sync, w.airbnb)).toMatchObject({ openDoubleBookings: 1 });
    await cancelBooking(w.deps, { propertyId: 'manoir-test', bookingId: ours.id, actor: 'staff:1' });
    expect(await importFeed(w.sync, w.airbnb)).toMatchObject({ openDoubleBookings: 0 });
  });

  it('asks with the validators of the last import the same day, re-reads in full on a new day, and still catches a booking made under an unchanged block', async () => {
    w.fetcher.serve(fetched(allDayCalendar([['late@airbnb.com', '20270401', '20270403']]), '"v1"'));
    await importFeed(w.sync, w.airbnb);
    w.fetcher.serve({ kind: 'not_modified' });
    w.deps.clock.advanceMinutes(10);
    expect(await importFeed(w.sync, w.airbnb)).toMatchObject({ kind: 'unchanged', openDoubleBookings: 0 });
    expect(w.fetcher.requests.map((r) => r.etag)).toEqual([null, '"v1"']);

    // A hold taken before the block arrived, paid after it: the store now has both on the same nights.
    const held = await store.hold({ propertyId: 'manoir-test', holdId: 'h-late', requestId: 'r-late', candidateUnitIds: ['s1'], nights: ['2027-04-05'], now: now(), expiresAt: now() + 600_000 });
    expect(held.ok).toBe(true);
    await store.confirmHold({ propertyId: 'manoir-test', holdId: 'h-late', bookingId: 'b-late', now: now() });
    await store.replaceFeedBlocks('manoir-test', 's1', 's1-airbnb', [{ night: '2027-04-05', uid: 'late2@airbnb.com' }]);
    expect(await importFeed(w.sync, w.airbnb)).toMatchObject({ kind: 'unchanged', openDoubleBookings: 1, newDoubleBookings: [expect.objectContaining({ bookingId: 'b-late', uid: 'late2@airbnb.com', eventKind: 'unknown' })] });

    w.deps.clock.advanceMinutes(24 * 60);
    await importFeed(w.sync, w.airbnb);
    expect(w.fetcher.requests.map((r) => r.etag)).toEqual([null, '"v1"', '"v1"', null]);
  });
});
