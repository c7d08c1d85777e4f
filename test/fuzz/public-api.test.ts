import fc from 'fast-check';
import { exportTokenFor } from '../../adapters/calendar/export-token';
import { loadCalendarConfig } from '../../bot/jobs/feed-config';
import { addDays, isNight } from '../../domain/calendar/nights';
import { startLoopbackApp, type LoopbackApp } from '../bot/messages-support';
import { heldBooking } from '../bot/payments-support';
import { fuzzEndpoints } from './support/fuzz-endpoints';
import { ANY_METHOD, headers, join, nearly, oddQueryPair, oddText, pct, queryString, request, segment } from './support/inputs';
import { send, type RawRequest } from './support/raw-http';
import { reasonIn } from './support/sane-response';

const PROPERTIES = ['chateau-de-vauclair', 'gite-des-tilleuls'];
const PAGES = ['/', '/webchat/official'];
const ASSETS = ['/widget.js', '/webchat/official.js', '/site.css', '/webchat/official.css', '/favicon.ico', '/webchat/official/webchat.js'];
/** Microsoft's Web Chat bundle is 4 MB: asked for rarely, so the rest gets the time. */
const asset = fc.oneof({ weight: 12, arbitrary: fc.constant('/widget.js') }, { weight: 12, arbitrary: fc.constantFrom(...ASSETS.slice(1, -1)) }, { weight: 1, arbitrary: fc.constant(ASSETS[ASSETS.length - 1]!) });
const EXPORT_SECRET = 'an-export-secret-for-the-fuzz-suite';

interface PublicWorld extends LoopbackApp {
  /** The ETags of the scripts and styles, so conditional requests can match. */
  assetTags: string[];
  /** Every unit's export URL parts: the file's token, or the one derived from the secret. */
  units: { propertyId: string; unitId: string; token: string }[];
  /** The exports' ETags, likewise. */
  exportTags: string[];
}

async function etagOf(url: string): Promise<string | null> {
  const res = await fetch(url);
  await res.arrayBuffer();
  return res.headers.get('etag');
}

async function startPublic(): Promise<PublicWorld> {
  const w = await startLoopbackApp({ over: { calendar: loadCalendarConfig({ ICAL_SYNC: 'off', ICAL_EXPORT_SECRET: EXPORT_SECRET }) } });
  // A booking on the calendar, so exports have an event to render.
  await heldBooking({ ...w, stripe: null, alerts: [] }, { conversationId: 'fuzz-export' });
  const assetTags = (await Promise.all(ASSETS.map((path) => etagOf(`${w.base}${path}`)))).filter((t): t is string => t !== null);
  const units = w.app.deps.catalog.list().flatMap((p) => p.units.map((u) => ({ propertyId: p.id, unitId: u.id, token: exportTokenFor(p.id, u.id, u.exportToken, EXPORT_SECRET) ?? '' })));
  const exportTags = (await Promise.all(units.map((u) => etagOf(`${w.base}/ical/${u.propertyId}/${u.unitId}/${u.token}.ics`)))).flatMap((t) => (t ? [t, `W/${t}`, `"other", ${t}`] : []));
  return { ...w, assetTags, units, exportTags };
}

const get = fc.oneof({ weight: 8, arbitrary: fc.constant('GET') }, { weight: 1, arbitrary: ANY_METHOD });

/** A date as clients send them: plausible ones, far ones (year 1 to 9999), impossible ones and not dates at all. */
const date = fc.oneof(
  { weight: 4, arbitrary: fc.date({ min: new Date('2027-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  { weight: 2, arbitrary: fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.constantFrom('2027-02-30', '2027-13-01', '2027-00-10', '27-12-12', '2027-1-5', '12/12/2027', '2027-12-12T00:00:00Z', '+002027-12-12', '') },
  { weight: 1, arbitrary: oddText(24) },
);
const count = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 1, max: 4 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 30 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('2.5', '1e1', '0x2', ' 2', '', 'Infinity', '99999999999999999999') },
  { weight: 1, arbitrary: oddText(12) },
);
/** A stay as a client asks: an arrival and a number of nights (short ones mostly, up to over a decade). */
const stay = fc
  .tuple(date, fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: -5, max: 4000 }) }), date)
  .map(([checkIn, nights, other]) => ({ checkIn, checkOut: isNight(checkIn) ? addDays(checkIn, nights) : other }));
const locale = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('en', 'fr', 'es', 'pt') }, { weight: 1, arbitrary: fc.constantFrom('de', 'EN', 'fr-FR', '') }, { weight: 1, arbitrary: oddText(8) });

/** /health, the catalogue, offers, the pages and scripts of web chat, the iCal export, and every path and method no route serves. */
describe('fuzz: public HTTP API, pages and calendar export', () => {
  const world = fuzzEndpoints<PublicWorld>(startPublic, [
    {
      name: 'GET /health (any method, query and headers)',
      request: () => request({ method: fc.oneof({ weight: 4, arbitrary: fc.constant('GET') }, { weight: 1, arbitrary: ANY_METHOD }), target: queryString().map((q) => `/health${q}`), headers: headers() }),
    },
    {
      name: 'GET /api/properties',
      request: () => request({ method: fc.oneof({ weight: 4, arbitrary: fc.constant('GET') }, { weight: 1, arbitrary: ANY_METHOD }), target: queryString().map((q) => `/api/properties${q}`), headers: headers() }),
    },
    {
      name: 'GET /api/properties/:id/offers (ids, dates, party, locale)',
      request: () =>
        request({
          method: fc.oneof({ weight: 6, arbitrary: fc.constant('GET') }, { weight: 1, arbitrary: ANY_METHOD }),
          target: fc
            .tuple(
              segment(PROPERTIES),
              fc.oneof(
                {
                  weight: 5,
                  arbitrary: fc
                    .tuple(stay, count, count, locale, fc.array(oddQueryPair(['checkIn', 'checkOut', 'adults']), { maxLength: 1 }))
                    .map(([s, adults, children, l, odd]) => join([['checkIn', pct(s.checkIn)], ['checkOut', pct(s.checkOut)], ['adults', pct(adults)], ['children', pct(children)], ['locale', pct(l)], ...odd])),
                },
                { weight: 2, arbitrary: queryString({ checkIn: date, checkOut: date, adults: count, children: count, locale }) },
              ),
            )
            .map(([id, q]) => `/api/properties/${id}/offers${q}`),
          headers: headers(),
        }),
    },
    {
      name: 'any method on any path (404 and 405 say why)',
      request: () =>
        request({
          method: ANY_METHOD,
          target: fc
            .tuple(fc.array(segment(['api', 'properties', 'offers', 'v3', 'pay', 'webhooks', 'staff', 'bookings', 'ical', 'health', 'webchat']), { minLength: 0, maxLength: 6 }), queryString(), fc.boolean())
            .map(([segments, q, slash]) => `/${segments.join('/')}${slash ? '/' : ''}${q}`),
          headers: headers(),
          body: fc.oneof(fc.constant(Buffer.alloc(0)), oddText(200).map((t) => Buffer.from(pct(t)))),
        }),
    },
    {
      name: 'GET / and /webchat/official (lang, odd queries and headers)',
      request: () =>
        request({
          method: get,
          target: fc
            .tuple(fc.constantFrom(...PAGES), queryString({ lang: fc.oneof(fc.constantFrom('en', 'fr', 'es', 'pt', 'de', 'FR', 'fr-CA'), oddText(16)) }))
            .map(([path, q]) => `${path}${q}`),
          headers: headers([fc.constantFrom('fr-FR,fr;q=0.9', 'xx', '*', '').map((v): [string, string] => ['accept-language', v])]),
        }),
    },
    {
      name: 'GET /widget.js and the other scripts and styles (conditional, gzip)',
      request: (w) =>
        request({
          method: get,
          target: fc.tuple(asset, queryString({ v: oddText(8) })).map(([path, q]) => `${path}${q}`),
          headers: headers([
            fc.oneof(fc.constantFrom(...w.assetTags), oddText(30).map((t) => t.replace(/[\r\n]/g, ''))).map((v): [string, string] => ['if-none-match', v]),
            fc.constantFrom('gzip', 'br, gzip;q=0', 'identity').map((v): [string, string] => ['accept-encoding', v]),
          ]),
        }),
    },
    {
      name: 'GET and HEAD /ical/:propertyId/:unitId/:token.ics (tokens bent, conditional requests)',
      request: (w) =>
        fc.constantFrom(...w.units).chain((u) =>
          request({
            method: fc.oneof({ weight: 5, arbitrary: fc.constant('GET') }, { weight: 2, arbitrary: fc.constant('HEAD') }, { weight: 1, arbitrary: ANY_METHOD }),
            target: fc
              .tuple(
                fc.oneof({ weight: 5, arbitrary: fc.constant(u.propertyId) }, { weight: 1, arbitrary: segment(w.units.map((o) => o.propertyId)) }),
                fc.oneof({ weight: 5, arbitrary: fc.constant(u.unitId) }, { weight: 1, arbitrary: segment(w.units.map((o) => o.unitId)) }),
                fc.oneof({ weight: 4, arbitrary: fc.constant(u.token) }, { weight: 2, arbitrary: nearly(u.token) }, { weight: 1, arbitrary: fc.constantFrom(...w.units.map((o) => o.token)) }, { weight: 1, arbitrary: oddText(40) }),
                fc.constantFrom('.ics', '.ics', '.ics', '.ICS', '', '.ics.ics'),
                queryString(),
              )
              .map(([p, unit, token, ext, q]) => `/ical/${pct(p)}/${pct(unit)}/${pct(token)}${ext}${q}`),
            headers: headers([fc.constantFrom(...w.exportTags).map((v): [string, string] => ['if-none-match', v]), oddText(40).map((v): [string, string] => ['if-none-match', v.replace(/[\r\n]/g, '')]), fc.constantFrom('*', 'W/"x", "y"').map((v): [string, string] => ['if-none-match', v])]),
          }),
        ),
    },
  ]);

  describe('found by fuzzing', () => {
    it('refuses offers for a stay longer than a year before reading a single night', async () => {
      const w = world();
      const store = w.app.deps.store;
      const read = jest.spyOn(store, 'readUnitNights');
      try {
        const far = await send(w.base, { target: '/api/properties/chateau-de-vauclair/offers?checkIn=2028-01-01&checkOut=9999-12-31&adults=2' });
        expect(far.status).toBe(400);
        expect(JSON.parse(far.body.toString())).toEqual({ error: 'invalid_query', reasons: ['checkOut: expected a stay of at most 366 nights'] });
        expect(read).not.toHaveBeenCalled();

        const year = await send(w.base, { target: '/api/properties/chateau-de-vauclair/offers?checkIn=2028-01-01&checkOut=2028-12-31&adults=2' });
        expect(year.status).toBe(200);
        expect(read).toHaveBeenCalledTimes(1);
      } finally {
        read.mockRestore();
      }
    });

    it('says why when Node cannot parse a request, instead of a bare 400 before any route runs', async () => {
      const cases: [Partial<RawRequest> & { target: string }, number, RegExp][] = [
        [{ target: '/api/properties/é/offers' }, 400, /not well-formed HTTP \(HPE_INVALID_URL\)/],
        [{ target: '/health', headers: [['x-a', 'a\u0001b']] }, 400, /not well-formed HTTP \(HPE_INVALID_HEADER_TOKEN\)/],
        [{ target: '/health', headers: [['x-huge', 'h'.repeat(20_000)]] }, 431, /headers are too large/],
        [{ method: 'POST', target: '/api/messages', headers: [['content-type', 'application/json']], body: Buffer.from('{"type":'), framing: 'long' }, 400, /closed before the request was complete/],
      ];
      const w = world();
      for (const [request, status, reason] of cases) {
        const res = await send(w.base, request);
        expect({ target: request.target, status: res.status, reason: reasonIn(res.body) }).toEqual({ target: request.target, status, reason: expect.stringMatching(reason) });
      }
      expect((await send(w.base, { target: '/health' })).status).toBe(200);
    });
  });
});
