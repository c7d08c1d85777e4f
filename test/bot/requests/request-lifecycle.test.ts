import { createMemoryStore } from '../../../adapters/store/memory';
import { FakeClock } from '../../fakes/clock';
import { ConnectorCapture } from '../../bench/support/connector-capture';
import { GITE, requestTheGite, STAFF, START, startRequestApp, toldSince, type RequestApp } from './request-app';

const HOUR = 3_600_000;
const unescape = (s: string) => s.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');

/** The first form of an HTML page: where it posts and its hidden fields, as a browser would send them. */
function firstForm(html: string): { action: string; body: string } {
  const form = /<form method="post" action="([^"]+)">(.*?)<\/form>/s.exec(html);
  if (!form?.[1]) throw new Error(`no form in: ${html}`);
  const fields = [...(form[2] ?? '').matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m): [string, string] => [unescape(m[1] ?? ''), unescape(m[2] ?? '')]);
  return { action: unescape(form[1]), body: new URLSearchParams(fields).toString() };
}

describe('request-to-book end to end, through /api/messages', () => {
  it('request → staff approve by API → payment link in the conversation → paid on the demo page → confirmed', async () => {
    const r = await startRequestApp();
    try {
      const booking = await requestTheGite(r, 'c-e2e');
      expect(booking.state).toBe('requested');
      expect(r.alerts.filter((a) => a.kind === 'booking_request')).toHaveLength(1);

      const since = r.capture.replies.length;
      r.clock.set(new Date(Date.parse(START) + 5 * HOUR).toISOString());
      const answer = await fetch(`${r.base}/staff/requests/${booking.id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${STAFF.token}` },
        body: JSON.stringify({ decision: 'approve' }),
      });
      expect(answer.status).toBe(200);
      const told = toldSince(r, 'c-e2e', since).join('\n');
      expect(told).toContain(`the team has accepted your request ${booking.reference}`);
      const link = /(http:\/\/\S+\/pay\/\S+)/.exec(told)?.[1];
      if (!link) throw new Error(`no payment link in: ${told}`);

      // The guest follows the link (on this test server) and presses pay on the demo page.
      const url = new URL(link);
      const pageRes = await fetch(`${r.base}${url.pathname}${url.search}`);
      expect(pageRes.status).toBe(200);
      const form = firstForm(await pageRes.text());
      const paid = await fetch(`${r.base}${form.action}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.body });
      expect(paid.status).toBe(200);

      const stored = await r.app.deps.store.getBooking(GITE, booking.id);
      expect(stored?.state).toBe('confirmed');
      expect(stored?.history.map((t) => t.to)).toEqual(['held', 'requested', 'approved', 'confirmed']);
      expect(toldSince(r, 'c-e2e', since).join('\n')).toContain(`Your booking ${booking.reference} is confirmed`);
      // Paid: the payment window's timer, when it comes, leaves the booking alone.
      r.clock.set(new Date(Date.parse(START) + 53 * HOUR).toISOString());
      await r.app.requests.runDueTimers();
      expect((await r.app.deps.store.getBooking(GITE, booking.id))?.state).toBe('confirmed');
    } finally {
      await r.close();
    }
  });
});

describe('booking events in the app', () => {
  it('a subscriber that throws does not stop a request: the guest is told, the staff alerted, the lapse set, the failure logged', async () => {
    const r = await startRequestApp();
    try {
      r.app.events.on('requested', 'broken feed', () => {
        throw new Error('feed down');
      });
      const booking = await requestTheGite(r, 'c-broken-subscriber');
      expect(booking.state).toBe('requested');
      expect(r.alerts.filter((a) => a.kind === 'booking_request' && a.data.bookingId === booking.id)).toHaveLength(1);
      expect(r.logLines()).toMatch(/"subscriber":"broken feed","event":"requested".*booking event subscriber failed/);
      // The lapse timer subscribed before it, and fires at the deadline.
      r.clock.set(new Date(Date.parse(START) + 72 * HOUR).toISOString());
      expect(await r.app.requests.runDueTimers()).toBe(1);
      expect((await r.app.deps.store.getBooking(GITE, booking.id))?.state).toBe('expired');
    } finally {
      await r.close();
    }
  });
});

describe('request timers survive a restart (memory store: rebuilt from the store at boot)', () => {
  it('a request made before a restart lapses after it, at 3 days, and the guest is told', async () => {
    const store = createMemoryStore();
    const clock = new FakeClock(Date.parse(START));
    const capture = await ConnectorCapture.start();
    try {
      // Without a link secret the alert has no links, and the log says why.
      const first = await startRequestApp({ store, clock, capture, staff: { linkSecret: null, token: STAFF.token } });
      const booking = await requestTheGite(first, 'c-restart');
      const alert = first.alerts.find((a) => a.kind === 'booking_request');
      expect(alert?.data).not.toHaveProperty('approveUrl');
      expect(first.logLines()).toContain('STAFF_LINK_SECRET is not set');
      await first.close();

      const second = await startRequestApp({ store, clock, capture });
      try {
        expect(second.logLines()).toMatch(/"scheduled":1,"timers":"memory".*booking request deadlines scheduled/);
        const since = capture.replies.length;
        clock.set(new Date(Date.parse(booking.createdAt) + 72 * HOUR - 1).toISOString());
        await second.app.requests.runDueTimers();
        expect((await store.getBooking(GITE, booking.id))?.state).toBe('requested');

        clock.set(new Date(Date.parse(booking.createdAt) + 72 * HOUR).toISOString());
        expect(await second.app.requests.runDueTimers()).toBe(1);
        expect((await store.getBooking(GITE, booking.id))?.state).toBe('expired');
        expect(toldSince(second, 'c-restart', since).join('\n')).toContain(`couldn't answer your request ${booking.reference} in time`);
        // The staff hear that the guest went without an answer: ids and reference only.
        expect(second.alerts.filter((a) => a.data.outcome === 'lapsed')).toEqual([
          expect.objectContaining({ propertyId: GITE, kind: 'booking_request', data: { bookingId: booking.id, reference: booking.reference, outcome: 'lapsed', guestNotice: 'sent' } }),
        ]);
        // The nights are free again: the same stay can be asked for anew.
        const again = await requestTheGite(second, 'c-restart-2');
        expect(again.unitId).toBe(booking.unitId);
      } finally {
        await second.close();
      }
    } finally {
      await capture.close();
    }
  });

  it('an approval made before a restart ends its payment window after it, at 48 hours', async () => {
    const store = createMemoryStore();
    const clock = new FakeClock(Date.parse(START));
    const capture = await ConnectorCapture.start();
    try {
      const first = await startRequestApp({ store, clock, capture });
      const booking = await requestTheGite(first, 'c-window');
      const approved = await fetch(`${first.base}/staff/requests/${GITE}:${booking.id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${STAFF.token}` },
        body: JSON.stringify({ decision: 'approve' }),
      });
      expect(approved.status).toBe(200);
      await first.close();

      const second = await startRequestApp({ store, clock, capture });
      try {
        const since = capture.replies.length;
        clock.set(new Date(Date.parse(START) + 48 * HOUR).toISOString());
        expect(await second.app.requests.runDueTimers()).toBe(1);
        expect((await store.getBooking(GITE, booking.id))?.state).toBe('expired');
        expect(toldSince(second, 'c-window', since).join('\n')).toContain(`The hold on booking ${booking.reference} has ended without payment`);
      } finally {
        await second.close();
      }
    } finally {
      await capture.close();
    }
  });
});
