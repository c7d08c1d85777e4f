import fc from 'fast-check';
import { exportTokenFor } from '../../adapters/calendar/export-token';
import { loadCalendarConfig } from '../../bot/jobs/feed-config';
import { startLoopbackApp, type LoopbackApp } from '../bot/messages-support';
import { heldBooking } from '../bot/payments-support';
import { fuzzEndpoints } from './support/fuzz-endpoints';
import { ANY_METHOD, headers, nearly, oddText, pct, queryString, request, segment } from './support/inputs';

const EXPORT_SECRET = 'an-export-secret-for-the-fuzz-suite';

interface ExportWorld extends LoopbackApp {
  /** Every unit's export URL parts: the file's token, or the one derived from the secret. */
  units: { propertyId: string; unitId: string; token: string }[];
  /** The exports' ETags, for conditional requests that match. */
  etags: string[];
}

async function startExport(): Promise<ExportWorld> {
  const w = await startLoopbackApp({ over: { calendar: loadCalendarConfig({ ICAL_SYNC: 'off', ICAL_EXPORT_SECRET: EXPORT_SECRET }) } });
  // A booking on the calendar, so exports have an event to render.
  await heldBooking({ ...w, stripe: null, alerts: [] }, { conversationId: 'fuzz-export' });
  const units = w.app.deps.catalog.list().flatMap((p) => p.units.map((u) => ({ propertyId: p.id, unitId: u.id, token: exportTokenFor(p.id, u.id, u.exportToken, EXPORT_SECRET) ?? '' })));
  const etags: string[] = [];
  for (const u of units) {
    const res = await fetch(`${w.base}/ical/${u.propertyId}/${u.unitId}/${u.token}.ics`);
    await res.text();
    const etag = res.headers.get('etag');
    if (etag) etags.push(etag, `W/${etag}`, `"other", ${etag}`);
  }
  return { ...w, units, etags };
}

/** The iCal export other platforms read: `GET|HEAD /ical/:propertyId/:unitId/:token.ics`. */
describe('fuzz: iCal export', () => {
  fuzzEndpoints<ExportWorld>(startExport, [
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
            headers: headers([fc.constantFrom(...w.etags).map((v): [string, string] => ['if-none-match', v]), oddText(40).map((v): [string, string] => ['if-none-match', v.replace(/[\r\n]/g, '')]), fc.constantFrom('*', 'W/"x", "y"').map((v): [string, string] => ['if-none-match', v])]),
          }),
        ),
    },
  ]);
});
