import fc from 'fast-check';
import { signedStaffLink } from '../../bot/requests/staff-links';
import { GITE, requestTheGite, STAFF, startRequestApp, type RequestApp } from '../bot/requests/request-app';
import { fuzzEndpoints } from './support/fuzz-endpoints';
import { ANY_METHOD, bodies, headers, join, nearly, oddQueryPair, oddText, pct, request, segment, type Json } from './support/inputs';

interface StaffWorld extends RequestApp {
  /** Requests waiting for an answer: one for the signed links, one for each form of the token API. */
  forLinks: string;
  forApiId: string;
  forApiPath: string;
  /** Signed link parts of `forLinks`, valid and expired, for both decisions. */
  links: { decision: 'approve' | 'decline'; exp: string; sig: string }[];
}

async function startStaff(): Promise<StaffWorld> {
  const r = await startRequestApp();
  const forLinks = (await requestTheGite(r, 'fuzz-staff-links', 'from 12 to 15 December')).id;
  const forApiId = (await requestTheGite(r, 'fuzz-staff-api-id', 'from 2 to 5 January')).id;
  const forApiPath = (await requestTheGite(r, 'fuzz-staff-api-path', 'from 10 to 12 February')).id;
  const now = r.clock.now().getTime();
  const links = (['approve', 'decline'] as const).flatMap((decision) =>
    [now + 4 * 86_400_000, now - 60_000].map((at) => {
      const url = new URL(signedStaffLink('http://x', STAFF.linkSecret ?? '', decision, GITE, forLinks, new Date(at)));
      return { decision, exp: url.searchParams.get('exp') ?? '', sig: url.searchParams.get('sig') ?? '' };
    }),
  );
  return { ...r, forLinks, forApiId, forApiPath, links };
}

/** A signed link with each part kept or bent: path ids, decision, exp, sig, odd extra pairs. */
function linkTarget(w: StaffWorld): fc.Arbitrary<string> {
  return fc.constantFrom(...w.links).chain((l) =>
    fc
      .tuple(
        fc.oneof({ weight: 6, arbitrary: fc.constant(GITE) }, { weight: 1, arbitrary: segment(['chateau-de-vauclair']) }),
        fc.oneof({ weight: 6, arbitrary: fc.constant(w.forLinks) }, { weight: 1, arbitrary: fc.constantFrom(w.forApiId, w.forApiPath) }, { weight: 1, arbitrary: segment() }),
        fc.oneof({ weight: 6, arbitrary: fc.constant(l.decision) }, { weight: 1, arbitrary: fc.constantFrom('approve', 'decline', 'Approve', 'delete', '') }),
        fc.oneof({ weight: 5, arbitrary: fc.constant(l.exp) }, { weight: 1, arbitrary: nearly(l.exp) }, { weight: 1, arbitrary: fc.constantFrom('', '0', '99999999999999', '-1', '1e10') }),
        fc.oneof({ weight: 5, arbitrary: fc.constant(l.sig) }, { weight: 2, arbitrary: nearly(l.sig) }, { weight: 1, arbitrary: oddText(50) }),
        fc.array(oddQueryPair(['exp', 'sig']), { maxLength: 1 }),
      )
      .map(([p, b, d, exp, sig, odd]) => `/staff/requests/${pct(p)}/${pct(b)}/${pct(d)}${join([['exp', pct(exp)], ['sig', pct(sig)], ...odd])}`),
  );
}

const answers: Json[] = [
  { decision: 'approve' },
  { decision: 'decline', reason: 'Closed for works that week' },
  { decision: 'approve', propertyId: GITE, reason: '' },
];

/** `Authorization`: the staff token mostly, else near misses, other schemes, nothing. */
const staffAuth = fc.oneof(
  { weight: 6, arbitrary: fc.constant<[string, string][]>([['authorization', `Bearer ${STAFF.token}`]]) },
  { weight: 1, arbitrary: nearly(STAFF.token ?? '').map((t): [string, string][] => [['authorization', `Bearer ${t}`]]) },
  { weight: 1, arbitrary: fc.constantFrom(`Basic ${STAFF.token}`, 'Bearer', `bearer  ${STAFF.token}  `, `Bearer ${STAFF.token} x`).map((v): [string, string][] => [['authorization', v]]) },
  { weight: 1, arbitrary: fc.constant<[string, string][]>([]) },
);
const jsonType = fc.oneof({ weight: 5, arbitrary: fc.constant<[string, string][]>([['content-type', 'application/json']]) }, { weight: 1, arbitrary: fc.constant<[string, string][]>([]) });

function apiRequest(path: fc.Arbitrary<string>) {
  return request({
    method: fc.oneof({ weight: 8, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: ANY_METHOD }),
    target: path,
    headers: fc.tuple(staffAuth, jsonType, headers()).map(([a, b, c]) => [...a, ...b, ...c]),
    body: bodies(answers, { hugeBytes: 16 * 1024 }),
  });
}

const staffApi5xx = [
  { status: 503, when: 'STAFF_TOKEN not set, or the app still starting (README, Request-to-book)' },
  { status: 502, when: 'the payment provider cannot open the checkout of an approval (README, Request-to-book)' },
];

/** Request-to-book: the staff's signed links (page and button) and the token API. */
describe('fuzz: staff answers to booking requests', () => {
  fuzzEndpoints<StaffWorld>(
    startStaff,
    [
      {
        name: 'GET /staff/requests/:propertyId/:bookingId/approve|decline (signed link, bent)',
        request: (w) => request({ method: fc.oneof({ weight: 8, arbitrary: fc.constant('GET') }, { weight: 1, arbitrary: ANY_METHOD }), target: linkTarget(w), headers: headers() }),
        documented5xx: [{ status: 503, when: 'the app still starting (README, Request-to-book)' }],
      },
      {
        name: 'POST /staff/requests/:propertyId/:bookingId/approve|decline (the page button, form)',
        request: (w) =>
          request({
            method: fc.oneof({ weight: 8, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: ANY_METHOD }),
            target: linkTarget(w),
            headers: fc
              .tuple(fc.oneof({ weight: 5, arbitrary: fc.constant<[string, string][]>([['content-type', 'application/x-www-form-urlencoded']]) }, { weight: 1, arbitrary: jsonType }), headers())
              .map(([a, b]) => [...a, ...b]),
            body: fc.oneof(
              { weight: 4, arbitrary: fc.oneof(fc.constant(''), oddText(40), fc.integer({ min: 490, max: 600 }).map((n) => 'r'.repeat(n))).map((reason) => Buffer.from(`reason=${pct(reason)}`)) },
              { weight: 1, arbitrary: bodies([], { hugeBytes: 8192 }) },
            ),
          }),
        documented5xx: [{ status: 503, when: 'the app still starting (README, Request-to-book)' }],
      },
      {
        name: 'POST /staff/requests/:id (token API; propertyId:bookingId or the booking id alone)',
        request: (w) =>
          apiRequest(
            fc
              .oneof({ weight: 3, arbitrary: fc.constantFrom(`${GITE}:${w.forApiId}`, w.forApiId) }, { weight: 1, arbitrary: fc.constantFrom(`chateau-de-vauclair:${w.forApiId}`, `:${w.forApiId}`, `${GITE}:`, ':', w.forLinks) }, { weight: 1, arbitrary: segment() })
              .map((id) => `/staff/requests/${pct(id)}`),
          ),
        documented5xx: staffApi5xx,
      },
      {
        name: 'POST /staff/requests/:propertyId/:bookingId (token API, two segments)',
        request: (w) =>
          apiRequest(
            fc
              .tuple(fc.oneof({ weight: 4, arbitrary: fc.constant(GITE) }, { weight: 1, arbitrary: segment(['chateau-de-vauclair']) }), fc.oneof({ weight: 4, arbitrary: fc.constant(w.forApiPath) }, { weight: 1, arbitrary: segment([w.forApiId]) }))
              .map(([p, b]) => `/staff/requests/${pct(p)}/${pct(b)}`),
          ),
        documented5xx: staffApi5xx,
      },
    ],
    (w) => ({ 'guest notices': w.capture.replies.length, 'staff alerts': w.alerts.length }),
  );
});
