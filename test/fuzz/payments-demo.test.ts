import fc from 'fast-check';
import { CHATEAU, heldBooking, startPaymentsWorld, type PaymentsWorld } from '../bot/payments-support';
import { fuzzEndpoints } from './support/fuzz-endpoints';
import { ANY_METHOD, bodies, headers, join, nearly, oddQueryPair, oddText, pct, queryString, request, segment } from './support/inputs';

/** A signed link as the guest got it: its path's ids and its query fields. */
interface Link {
  propertyId: string;
  bookingId: string;
  fields: Record<string, string>;
}

interface DemoWorld extends PaymentsWorld {
  /** Demo checkout links of bookings waiting for their payment: two for the Pay button, two for Cancel. */
  checkouts: Link[];
  /** The calendar file link of a confirmed booking. */
  calendar: Link;
}

function linkOf(url: string): Link {
  const u = new URL(url);
  const parts = u.pathname.split('/').map(decodeURIComponent);
  const [propertyId = '', bookingId = ''] = parts.slice(-2);
  return { propertyId, bookingId: bookingId.replace(/\.ics$/, ''), fields: Object.fromEntries(u.searchParams) };
}

async function startDemo(): Promise<DemoWorld> {
  const w = await startPaymentsWorld();
  const checkouts: Link[] = [];
  // Stays far apart, each on a unit type of its own or alone on its nights: no hold blocks another.
  for (const [i, checkIn, checkOut] of [[1, '2027-12-12', '2027-12-15'], [2, '2028-01-10', '2028-01-12'], [3, '2028-02-01', '2028-02-04'], [4, '2028-02-10', '2028-02-12']] as const) {
    const { url } = await heldBooking(w, { conversationId: `fuzz-demo-${i}`, checkIn, checkOut });
    checkouts.push(linkOf(url));
  }
  const paid = await heldBooking(w, { conversationId: 'fuzz-demo-paid', checkIn: '2028-03-01', checkOut: '2028-03-03' });
  const link = linkOf(paid.url);
  const res = await fetch(`${w.base}/pay/demo/${link.propertyId}/${link.bookingId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(link.fields).toString(),
  });
  if (res.status !== 200) throw new Error(`demo payment refused: ${res.status}`);
  const booking = await w.app.deps.store.getBooking(CHATEAU, paid.booking.id);
  if (booking?.state !== 'confirmed') throw new Error('the paid booking is not confirmed');
  return { ...w, checkouts, calendar: linkOf(w.app.payments.calendarUrl(booking)) };
}

/** A link's path ids and fields, each kept or bent, sometimes from another link, plus odd pairs. */
function bent(links: Link[]): fc.Arbitrary<{ propertyId: string; bookingId: string; fields: [string, string][] }> {
  return fc.constantFrom(...links).chain((l) =>
    fc.record({
      propertyId: fc.oneof({ weight: 5, arbitrary: fc.constant(pct(l.propertyId)) }, { weight: 1, arbitrary: segment(['gite-des-tilleuls', l.propertyId.toUpperCase()]) }),
      bookingId: fc.oneof({ weight: 5, arbitrary: fc.constant(pct(l.bookingId)) }, { weight: 1, arbitrary: fc.constantFrom(...links).map((o) => pct(o.bookingId)) }, { weight: 1, arbitrary: segment() }),
      fields: fc
        .tuple(
          ...Object.entries(l.fields).map(([k, v]) =>
            fc.oneof({ weight: 5, arbitrary: fc.constant<[string, string][]>([[k, pct(v)]]) }, { weight: 2, arbitrary: nearly(v).map((n): [string, string][] => [[k, pct(n)]]) }, { weight: 1, arbitrary: fc.constant<[string, string][]>([]) }),
          ),
          fc.array(oddQueryPair(Object.keys(l.fields)), { maxLength: 1 }),
          fc.constantFrom<[string, string][]>([], [['locale', 'fr']], [['locale', 'xx']], [['locale', '__proto__']]),
        )
        .map(([...groups]) => groups.flat()),
    }),
  );
}

const formType = fc.oneof(
  { weight: 5, arbitrary: fc.constant<[string, string][]>([['content-type', 'application/x-www-form-urlencoded']]) },
  { weight: 1, arbitrary: fc.constantFrom('application/x-www-form-urlencoded; charset=utf-16', 'application/json', 'multipart/form-data; boundary=x').map((v): [string, string][] => [['content-type', v]]) },
  { weight: 1, arbitrary: fc.constant<[string, string][]>([]) },
);

/** POST of the demo page's Pay or Cancel button: the link's ids in the path, its fields in the form. */
function formPost(w: DemoWorld, action: 'pay' | 'cancel') {
  // Each button its own bookings, so the first accepted Pay does not leave Cancel only refusals to fuzz.
  const own = action === 'pay' ? w.checkouts.slice(0, 2) : w.checkouts.slice(2);
  return bent(own).chain(({ propertyId, bookingId, fields }) =>
    request({
      method: fc.oneof({ weight: 8, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: ANY_METHOD }),
      target: fc.constantFrom('', '?locale=fr', '?locale=%00').map((q) => `/pay/demo/${propertyId}/${bookingId}/${action}${q}`),
      headers: fc.tuple(formType, headers()).map(([a, b]) => [...a, ...b]),
      body: fc.oneof({ weight: 4, arbitrary: fc.constant(Buffer.from(join(fields).slice(1))) }, { weight: 1, arbitrary: bodies([], { hugeBytes: 8192 }) }),
    }),
  );
}

const get = fc.oneof({ weight: 8, arbitrary: fc.constant('GET') }, { weight: 1, arbitrary: ANY_METHOD });

/** Demo mode (no Stripe key): the demo checkout page and its buttons, the return pages, the guest's calendar file. */
describe('fuzz: payments in demo mode', () => {
  fuzzEndpoints<DemoWorld>(
    startDemo,
    [
      {
        name: 'GET /pay/demo/:propertyId/:bookingId (signed link, bent)',
        request: (w) => bent(w.checkouts).chain(({ propertyId, bookingId, fields }) => request({ method: get, target: fc.constant(`/pay/demo/${propertyId}/${bookingId}${join(fields)}`), headers: headers() })),
      },
      { name: 'POST /pay/demo/:propertyId/:bookingId/pay (form)', request: (w) => formPost(w, 'pay') },
      { name: 'POST /pay/demo/:propertyId/:bookingId/cancel (form)', request: (w) => formPost(w, 'cancel') },
      {
        name: 'GET /pay/thanks and /pay/left (locale)',
        request: () => request({ method: get, target: fc.tuple(fc.constantFrom('/pay/thanks', '/pay/left'), queryString({ locale: fc.oneof(fc.constantFrom('en', 'fr', 'es', 'pt'), oddText(10)) })).map(([p, q]) => `${p}${q}`), headers: headers() }),
      },
      {
        name: 'GET /bookings/:propertyId/:bookingId.ics (signed link, bent)',
        request: (w) =>
          bent([w.calendar, w.calendar, w.calendar, ...w.checkouts.map((c) => ({ ...c, fields: { sig: c.fields['sig'] ?? '' } }))]).chain(({ propertyId, bookingId, fields }) =>
            request({ method: get, target: fc.constantFrom('.ics', '.ics', '.ICS', '', '.ics.ics').map((ext) => `/bookings/${propertyId}/${bookingId}${ext}${join(fields)}`), headers: headers() }),
          ),
      },
    ],
    (w) => ({ 'guest notices': w.capture.replies.length, 'staff alerts': w.alerts.length }),
  );
});
