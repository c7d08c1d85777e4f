import fc from 'fast-check';
import { startLoopbackApp } from '../bot/messages-support';
import { fuzzEndpoints } from './support/fuzz-endpoints';
import { addDays, isNight } from '../../domain/calendar/nights';
import { ANY_METHOD, headers, join, oddQueryPair, oddText, pct, queryString, request, segment } from './support/inputs';

const PROPERTIES = ['chateau-de-vauclair', 'gite-des-tilleuls'];

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

/** /health, the catalogue, offers, and every path and method no route serves. */
describe('fuzz: public HTTP API', () => {
  fuzzEndpoints(() => startLoopbackApp(), [
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
  ]);
});
