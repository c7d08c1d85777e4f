import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIcsFeedParser } from '../../../adapters/calendar/ical/ics-feed-parser';
import { MemorySyncRecords } from '../../../adapters/calendar/records/memory-sync-records';
import type { FeedFetcher, FeedFetchOutcome, FeedFetchRequest } from '../../../domain/calendar/sync-ports';
import { Catalog } from '../../../domain/catalog/catalog';
import type { Booking } from '../../../domain/bookings/booking';
import type { StaffAlert, StaffNotifier, Store } from '../../../domain/ports';
import { confirmBooking } from '../../../domain/usecases/confirm-booking';
import type { UseCaseDeps } from '../../../domain/usecases/deps';
import { DEFAULT_FEED_SYNC_SETTINGS, type FeedSyncDeps, type FeedTarget } from '../../../domain/usecases/import-feed';
import { placeHold } from '../../../domain/usecases/place-hold';
import { FakeClock } from '../../fakes/clock';
import { sequentialIds } from '../../fakes/ids';
import { testProperty } from '../../fakes/property';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'ical');
export const fixtureBytes = (name: string): Uint8Array => readFileSync(join(FIXTURES, name));

/** The test manor, whose tower suite `s1` is also sold on Airbnb and Booking.com. */
export function syncProperty() {
  return testProperty({
    units: [
      { id: 'd1', typeId: 'double', name: 'Room 1' },
      { id: 'd2', typeId: 'double', name: 'Room 2' },
      {
        id: 's1',
        typeId: 'suite',
        name: 'Tower suite',
        feeds: [
          { id: 's1-airbnb', label: 'Airbnb', url: 'https://feeds.example/airbnb/s1.ics' },
          { id: 's1-booking', label: 'Booking.com', url: 'https://feeds.example/booking/s1.ics' },
        ],
      },
    ],
  });
}

/** Answers from a script, last answer repeated; remembers what was asked. */
export class ScriptedFetcher implements FeedFetcher {
  readonly requests: FeedFetchRequest[] = [];
  constructor(private script: FeedFetchOutcome[] = []) {}
  serve(...outcomes: FeedFetchOutcome[]): void {
    this.script = outcomes;
  }
  async fetch(req: FeedFetchRequest): Promise<FeedFetchOutcome> {
    this.requests.push(req);
    const next = this.script.length > 1 ? this.script.shift() : this.script[0];
    if (!next) throw new Error('nothing scripted');
    return next;
  }
}

export const fetched = (body: Uint8Array | string, etag: string | null = null): FeedFetchOutcome => ({
  kind: 'fetched',
  body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
  etag,
  lastModified: null,
});

export class RecordingNotifier implements StaffNotifier {
  readonly alerts: StaffAlert[] = [];
  async notify(alert: StaffAlert): Promise<void> {
    this.alerts.push(alert);
  }
  of(kind: StaffAlert['kind']): StaffAlert[] {
    return this.alerts.filter((a) => a.kind === kind);
  }
}

export interface SyncWorld {
  deps: UseCaseDeps & { clock: FakeClock };
  sync: FeedSyncDeps;
  fetcher: ScriptedFetcher;
  notifier: RecordingNotifier;
  records: MemorySyncRecords;
  airbnb: FeedTarget;
  booking: FeedTarget;
  close(): Promise<void>;
}

export function syncWorld(store: Store, now = '2026-12-01T09:00:00Z'): SyncWorld {
  const property = syncProperty();
  const catalog = new Catalog([property]);
  const clock = new FakeClock(Date.parse(now));
  const deps = { catalog, store, clock, ids: sequentialIds('bk') };
  const fetcher = new ScriptedFetcher();
  const notifier = new RecordingNotifier();
  const records = new MemorySyncRecords();
  const parser = createIcsFeedParser();
  const sync: FeedSyncDeps = { store, clock, fetcher, parser, records, notifier, settings: DEFAULT_FEED_SYNC_SETTINGS };
  const unit = property.units.find((u) => u.id === 's1');
  if (!unit) throw new Error('no s1');
  const [airbnbFeed, bookingFeed] = unit.feeds;
  if (!airbnbFeed || !bookingFeed) throw new Error('no feeds');
  return {
    deps,
    sync,
    fetcher,
    notifier,
    records,
    airbnb: { property, unit, feed: airbnbFeed },
    booking: { property, unit, feed: bookingFeed },
    close: () => parser.close(),
  };
}

/** A confirmed stay in the tower suite, through the real use cases. */
export async function bookSuite(deps: UseCaseDeps, stay: { checkIn: string; checkOut: string }): Promise<Booking> {
  const held = await placeHold(deps, {
    propertyId: 'manoir-test',
    unitTypeId: 'suite',
    ratePlanId: 'flex',
    stay,
    party: { adults: 2, children: 0 },
    channel: 'direct',
    source: 'webchat',
    requestId: `req-${stay.checkIn}-${Math.random()}`,
    guestId: null,
    actor: 'guest',
  });
  if (!held.ok) throw new Error(`hold failed: ${held.code}`);
  const confirmed = await confirmBooking(deps, { propertyId: 'manoir-test', bookingId: held.value.id, actor: 'payment' });
  if (!confirmed.ok) throw new Error(`confirm failed: ${confirmed.code}`);
  return confirmed.value;
}

/** A calendar of all-day events, `[uid, start, end, summary]`, dates as YYYYMMDD. */
export function allDayCalendar(events: [string, string, string, string?][]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN'];
  for (const [uid, start, end, summary] of events) {
    lines.push('BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261121T000000Z', `DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${end}`, `SUMMARY:${summary ?? 'Reserved'}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}

/** The nights of unit s1 blocked by `feedId`, over `nights`. */
export async function blockedBy(store: Store, feedId: string, from: string, count: number, now: number): Promise<string[]> {
  const nights = Array.from({ length: count }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));
  const states = (await store.readUnitNights('manoir-test', ['s1'], nights, now)).s1 ?? [];
  return nights.filter((_, i) => states[i]?.blocks.some((b) => b.feedId === feedId));
}
