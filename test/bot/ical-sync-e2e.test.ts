import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sync, type VEvent } from 'node-ical';
import { createApp, type App } from '../../bot/app';
import { DEMO_PROPERTIES_DIR, loadConfig, type Config } from '../../bot/config';
import type { CalendarSyncConfig } from '../../bot/jobs/feed-config';
import { createLogger } from '../../bot/logger';
import type { StaffAlert, StaffNotifier } from '../../domain/ports';
import { confirmBooking } from '../../domain/usecases/confirm-booking';
import { placeHold } from '../../domain/usecases/place-hold';
import { searchStay } from '../../domain/usecases/search-stay';
import { FakeClock } from '../fakes/clock';
import { testRedisConfig } from '../support/redis-store';

const PROPERTY = 'chateau-de-vauclair';
const feedRef = { propertyId: PROPERTY, unitId: 'tour', feedId: 'tour-airbnb' };

/** An OTA's calendar endpoint: whatever `body` holds now, with an ETag, answering 304 when unchanged. */
class FeedServer {
  body = '';
  contentType = 'text/calendar; charset=utf-8';
  hits: { ifNoneMatch: string | undefined; status: number }[] = [];
  private server: Server | null = null;
  url = '';
  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const etag = `"${createHash('sha1').update(this.body).digest('hex')}"`;
      const status = req.headers['if-none-match'] === etag ? 304 : 200;
      this.hits.push({ ifNoneMatch: req.headers['if-none-match'], status });
      res.writeHead(status, { 'content-type': this.contentType, etag });
      res.end(status === 200 ? this.body : undefined);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/calendar/ical/41726385.ics?s=9c1f4e7a`;
  }
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

const calendarOf = (...events: [string, string, string, string][]) =>
  [
    'BEGIN:VCALENDAR',
    'PRODID;X-RICAL-TZSOURCE=TZINFO:-//Airbnb Inc//Hosting Calendar 0.8.8//EN',
    'CALSCALE:GREGORIAN',
    'VERSION:2.0',
    ...events.flatMap(([uid, start, end, summary]) => ['BEGIN:VEVENT', `DTEND;VALUE=DATE:${end}`, `DTSTART;VALUE=DATE:${start}`, `UID:${uid}`, `SUMMARY:${summary}`, 'DTSTAMP:20261121T101512Z', 'END:VEVENT']),
    'END:VCALENDAR',
    '',
  ].join('\r\n');

class RecordingNotifier implements StaffNotifier {
  alerts: StaffAlert[] = [];
  async notify(alert: StaffAlert): Promise<void> {
    this.alerts.push(alert);
  }
}

/** The demo château, its tower suite reading its Airbnb calendar from the local server. */
function propertiesDir(feedUrl: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'majordome-ical-e2e-'));
  const doc = JSON.parse(readFileSync(join(DEMO_PROPERTIES_DIR, `${PROPERTY}.json`), 'utf8')) as { units: { id: string; feeds?: unknown[] }[] };
  const tour = doc.units.find((u) => u.id === 'tour');
  if (!tour) throw new Error('no tower suite in the demo');
  tour.feeds = [{ id: 'tour-airbnb', label: 'Airbnb', url: feedUrl }];
  writeFileSync(join(dir, `${PROPERTY}.json`), JSON.stringify(doc));
  return dir;
}

const modes: [string, (base: Config) => Config][] = [
  ['memory store', (base) => base],
  ['Redis store', (base) => ({ ...base, ...testRedisConfig('ical-e2e') })],
];

describe.each(modes)('calendar sync end to end, %s', (_mode, withStore) => {
  jest.setTimeout(60_000);
  const feed = new FeedServer();
  const notifier = new RecordingNotifier();
  let app: App;
  let base: string;
  let dir: string;
  const clock = new FakeClock(Date.parse('2027-01-05T09:00:00Z'));
  const calendar: CalendarSyncConfig = { enabled: false, refreshMinutes: 10, fetchTimeoutMs: 5000, maxFeedBytes: 1_000_000, exportSecret: null, staffWebhook: null };

  beforeAll(async () => {
    await feed.start();
    dir = propertiesDir(feed.url);
    const config = withStore({ ...loadConfig({}), port: 0, host: '127.0.0.1', propertiesDir: dir });
    app = await createApp(config, createLogger('silent'), { clock, calendar, notifier });
    base = `http://127.0.0.1:${await app.listen()}`;
  });
  afterAll(async () => {
    await app.close();
    await feed.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const suiteOffered = async (checkIn: string, checkOut: string): Promise<boolean> => {
    const res = await fetch(`${base}/api/properties/${PROPERTY}/offers?checkIn=${checkIn}&checkOut=${checkOut}&adults=2`);
    const body = (await res.json()) as { offers: { unitTypeId: string }[] };
    return body.offers.some((o) => o.unitTypeId === 'suite-de-la-tour');
  };

  it('blocks the nights an OTA sells, so our search stops offering them', async () => {
    expect(await suiteOffered('2027-03-11', '2027-03-12')).toBe(true);
    feed.body = calendarOf(['1418fb94e984-6a3b@airbnb.com', '20270310', '20270313', 'Reserved']);
    expect(await app.calendar.sync.runNow(feedRef)).toMatchObject({ kind: 'imported', added: ['2027-03-10', '2027-03-11', '2027-03-12'] });
    expect(await suiteOffered('2027-03-11', '2027-03-12')).toBe(false);
    expect(await suiteOffered('2027-03-13', '2027-03-14')).toBe(true);
  });

  it('asks again with the ETag and changes nothing while the feed is unchanged', async () => {
    expect(await app.calendar.sync.runNow(feedRef)).toMatchObject({ kind: 'unchanged' });
    expect(feed.hits.at(-1)).toEqual({ ifNoneMatch: expect.stringMatching(/^"/), status: 304 });
    expect(await suiteOffered('2027-03-11', '2027-03-12')).toBe(false);
  });

  it('keeps the blocks when the OTA answers with an HTML page', async () => {
    const good = feed.body;
    feed.body = '<!DOCTYPE html><html><body>We are upgrading our systems</body></html>';
    expect(await app.calendar.sync.runNow(feedRef)).toMatchObject({ kind: 'failed', problem: { code: 'html' } });
    expect(await suiteOffered('2027-03-11', '2027-03-12')).toBe(false);
    feed.body = good;
  });

  it('frees the nights when the reservation leaves the feed', async () => {
    feed.body = calendarOf();
    expect(await app.calendar.sync.runNow(feedRef)).toMatchObject({ kind: 'imported', removed: ['2027-03-10', '2027-03-11', '2027-03-12'] });
    expect(await suiteOffered('2027-03-11', '2027-03-12')).toBe(true);
  });

  it('raises a double booking at once when the OTA sells nights we sold, and our export shows our booking', async () => {
    const deps = app.deps;
    const search = await searchStay(deps, { propertyId: PROPERTY, stay: { checkIn: '2027-04-01', checkOut: '2027-04-04' }, party: { adults: 2, children: 0 }, channel: 'direct' });
    expect(search.ok && search.value.offers.some((o) => o.unitType.id === 'suite-de-la-tour')).toBe(true);
    const held = await placeHold(deps, {
      propertyId: PROPERTY,
      unitTypeId: 'suite-de-la-tour',
      ratePlanId: 'flexible',
      stay: { checkIn: '2027-04-01', checkOut: '2027-04-04' },
      party: { adults: 2, children: 0 },
      channel: 'direct',
      source: 'webchat',
      requestId: `e2e-${Math.random()}`,
      guestId: null,
      actor: 'guest',
    });
    if (!held.ok) throw new Error(held.code);
    const ours = await confirmBooking(deps, { propertyId: PROPERTY, bookingId: held.value.id, actor: 'payment' });
    if (!ours.ok) throw new Error(ours.code);

    feed.body = calendarOf(['HMQ8E2ZK4X-7c1e@airbnb.com', '20270402', '20270406', 'Reserved']);
    const outcome = await app.calendar.sync.runNow(feedRef);
    expect(outcome).toMatchObject({ kind: 'imported', openDoubleBookings: 1 });
    const alerts = notifier.alerts.filter((a) => a.kind === 'double_booking');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      propertyId: PROPERTY,
      data: { unitId: 'tour', reference: ours.value.reference, bookingId: ours.value.id, feedId: 'tour-airbnb', feedLabel: 'Airbnb', uid: 'HMQ8E2ZK4X-7c1e@airbnb.com', firstNight: '2027-04-02', lastNight: '2027-04-03' },
    });
    expect(await app.calendar.sync.records.listDoubleBookings(PROPERTY)).toEqual([expect.objectContaining({ reference: ours.value.reference, uid: 'HMQ8E2ZK4X-7c1e@airbnb.com' })]);

    const token = app.deps.catalog.get(PROPERTY)?.units.find((u) => u.id === 'tour')?.exportToken;
    const exported = await fetch(`${base}/ical/${PROPERTY}/tour/${token}.ics`);
    expect(exported.status).toBe(200);
    const events = Object.values(sync.parseICS(await exported.text())).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(events.map((e) => [e.uid, `${e.start.getFullYear()}-${e.start.getMonth() + 1}-${e.start.getDate()}`, e.end && `${e.end.getFullYear()}-${e.end.getMonth() + 1}-${e.end.getDate()}`, e.summary])).toEqual([
      [`booking-${ours.value.id}@majordome`, '2027-4-1', '2027-4-4', 'Majordome – Château de Vauclair'],
    ]);
  });
});

describe('the in-process schedule', () => {
  it('imports each feed on its own, without anyone asking', async () => {
    const feed = new FeedServer();
    await feed.start();
    const dir = propertiesDir(feed.url);
    feed.body = calendarOf(['scheduled@airbnb.com', '20270610', '20270612', 'Reserved']);
    const config = { ...loadConfig({}), port: 0, host: '127.0.0.1', propertiesDir: dir };
    const calendar: CalendarSyncConfig = { enabled: true, refreshMinutes: 10, fetchTimeoutMs: 5000, maxFeedBytes: 1_000_000, exportSecret: null, staffWebhook: null };
    const app = await createApp(config, createLogger('silent'), { clock: new FakeClock(Date.parse('2027-01-05T09:00:00Z')), calendar, feedSync: { firstDelayMs: () => 20 } });
    try {
      const deadline = Date.now() + 10_000;
      while (feed.hits.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (;;) {
        const status = await app.calendar.sync.records.getFeedStatus(PROPERTY, 'tour', 'tour-airbnb');
        if (status?.lastSuccessAt || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const states = await app.deps.store.readUnitNights(PROPERTY, ['tour'], ['2027-06-10', '2027-06-11', '2027-06-12'], Date.now());
      expect(states.tour?.map((s) => s.blocks.map((b) => b.feedId))).toEqual([['tour-airbnb'], ['tour-airbnb'], []]);
    } finally {
      await app.close();
      await feed.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
