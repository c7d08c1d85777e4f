import { guestMessage } from '../bench/support/guest-activity';
import { dueOnline } from '../../domain/payments/payment-policy';
import { CHATEAU, startPaymentsWorld, toldTo, type PaymentsWorld } from './payments-support';

/**
 * The demo mode a bare `npm start` runs: a guest books through /api/messages, pays on the demo
 * checkout page over HTTP, gets the confirmation on their conversation, cancels in the chat and
 * is told the refund. The page drives the same settle path as Stripe's webhooks.
 */
describe('demo payments end to end', () => {
  let w: PaymentsWorld;
  beforeAll(async () => {
    w = await startPaymentsWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  async function say(conversationId: string, text: string): Promise<string> {
    const message = guestMessage({ serviceUrl: w.capture.url, conversationId, text, locale: 'en-GB' });
    const res = await fetch(`${w.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
    expect(res.status).toBe(200);
    return w.capture.repliesTo(message.id).map((r) => String(r.activity.text ?? '')).join('\n');
  }

  const local = (url: string) => url.replace(/^http:\/\/localhost:\d+/, w.base);
  const formOf = (html: string, action: RegExp): { action: string; body: string } => {
    const form = [...html.matchAll(/<form method="post" action="([^"]+)">(.*?)<\/form>/g)].find((m) => action.test(m[1] ?? ''));
    if (!form) throw new Error(`no form ${action} in ${html}`);
    const fields = [...(form[2] ?? '').matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m): [string, string] => [m[1] ?? '', (m[2] ?? '').replace(/&amp;/g, '&')]);
    return { action: (form[1] ?? '').replace(/&amp;/g, '&'), body: new URLSearchParams(fields).toString() };
  };

  it('books, pays on the demo page, is confirmed, cancels and is told the refund', async () => {
    const c = 'c-demo-e2e';
    await say(c, 'Do you have a room from 12 to 15 December for 2 adults?');
    expect(await say(c, 'the suite, flexible rate')).toContain('What name');
    await say(c, 'Camille Martin');
    await say(c, 'camille@example.org');
    await say(c, '+33612345678');
    const held = await say(c, 'yes');
    const reference = /\b([A-HJ-NP-Z2-9]{6})\b/.exec(held)?.[1] ?? '';
    const url = /(http:\/\/\S+\/pay\/demo\/\S+)/.exec(held)?.[1] ?? '';
    expect(held).toContain('no real payment');
    expect(url).toContain(`/pay/demo/${CHATEAU}/`);
    const booking = await w.app.deps.store.findBookingByReference(CHATEAU, reference);
    expect(booking?.state).toBe('awaiting_payment');
    if (!booking) return;

    const page = await fetch(local(url));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Demo: no real payment is taken.');
    const deposit = dueOnline(w.app.deps.catalog.get(CHATEAU)!, booking.quote.total);
    expect(html).toContain(`Booking ${reference}: €`);
    // A tampered signature shows nothing of the booking.
    expect((await fetch(local(url).replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(404);

    const pay = formOf(html, /\/pay\?/);
    const before = w.capture.replies.length;
    const paid = await fetch(`${w.base}${pay.action}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: pay.body });
    expect(paid.status).toBe(200);
    expect(await paid.text()).toContain('Payment received');
    const confirmation = w.capture.replies.slice(before).map((r) => String(r.activity.text ?? ''));
    expect(confirmation).toHaveLength(1);
    expect(confirmation[0]).toContain(`Your booking ${reference} is confirmed`);
    expect(confirmation[0]).toMatch(/\/bookings\/chateau-de-vauclair\/\S+\.ics\?sig=/);
    expect(await w.app.deps.store.getBooking(CHATEAU, booking.id)).toMatchObject({ state: 'confirmed', amountPaid: deposit });

    // Paying twice (a double click) counts nothing more and tells nothing more.
    const twice = await fetch(`${w.base}${pay.action}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: pay.body });
    expect(await twice.text()).toContain('already paid');
    expect((await w.app.deps.store.getBooking(CHATEAU, booking.id))?.amountPaid).toBe(deposit);
    expect(toldTo(w, c).filter((t) => t.includes('is confirmed'))).toHaveLength(1);

    const preview = await say(c, 'I want to cancel my booking');
    expect(preview).toContain('You can still cancel for free');
    const done = await say(c, 'yes');
    expect(done).toMatch(new RegExp(`Booking ${reference} is cancelled. You will be refunded €[\\d,.]+; refunds usually reach your account within 5 to 10 days.`));
    const after = await w.app.deps.store.getBooking(CHATEAU, booking.id);
    expect(after).toMatchObject({ state: 'cancelled', amountPaid: 0 });
    expect(after?.payments?.refunds).toEqual([expect.objectContaining({ amount: deposit, cause: 'cancellation', status: 'succeeded' })]);
    const nights = await w.app.deps.store.readUnitNights(CHATEAU, [booking.unitId], ['2027-12-12', '2027-12-13', '2027-12-14'], w.clock.now().getTime());
    expect(nights[booking.unitId]?.every((n) => n.owner === null)).toBe(true);
  });

  it('releases the nights when the guest cancels on the demo page', async () => {
    const c = 'c-demo-leave';
    await say(c, 'A room from 20 to 22 December for 2 adults please');
    await say(c, '1');
    await say(c, 'Alex Smith');
    await say(c, 'alex@example.org');
    await say(c, '+33612345679');
    const held = await say(c, 'yes');
    const url = /(http:\/\/\S+\/pay\/demo\/\S+)/.exec(held)?.[1] ?? '';
    const html = await (await fetch(local(url))).text();
    const leave = formOf(html, /\/cancel\?/);
    const res = await fetch(`${w.base}${leave.action}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: leave.body });
    expect(await res.text()).toContain('the room has been released');
    const reference = /\b([A-HJ-NP-Z2-9]{6})\b/.exec(held)?.[1] ?? '';
    const booking = await w.app.deps.store.findBookingByReference(CHATEAU, reference);
    expect(booking?.state).toBe('cancelled');
    // A body that is no form gets a 415 with the reason.
    const json = await fetch(`${w.base}${leave.action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    expect(await json.json()).toEqual({ error: 'unsupported_media_type', reasons: ['content-type application/json is not accepted here'] });
    // The page now refuses to take money for it.
    expect((await fetch(local(url))).status).toBe(410);
  });
});
