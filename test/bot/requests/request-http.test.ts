import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signedStaffLink } from '../../../bot/requests/staff-links';
import { STAFF_PAGE_TEXTS } from '../../../bot/requests/staff-page-texts';
import { LOCALES } from '../../../domain/catalog/locales';
import { checkStaffToken } from '../../../bot/requests/staff-token';
import { GITE, requestTheGite, STAFF, startRequestApp, toldSince, type RequestApp } from './request-app';

/**
 * The staff answer a request through the signed links of its alert (a page, then a button) or
 * through the token API; every refusal has a status and a reason.
 */
describe('staff answers over HTTP', () => {
  let r: RequestApp;
  beforeAll(async () => {
    r = await startRequestApp();
  });
  afterAll(async () => {
    await r?.close();
  });

  const stateOf = async (bookingId: string) => (await r.app.deps.store.getBooking(GITE, bookingId))?.state;
  const linksOf = (bookingId: string) => {
    const alert = r.alerts.find((a) => a.kind === 'booking_request' && a.data.bookingId === bookingId);
    const approve = alert?.data.approveUrl;
    const decline = alert?.data.declineUrl;
    if (typeof approve !== 'string' || typeof decline !== 'string') throw new Error('no answer links in the alert');
    return { alert, approve: approve.replace(/^http:\/\/localhost:\d+/, r.base), decline: decline.replace(/^http:\/\/localhost:\d+/, r.base) };
  };
  const post = (url: string, body = '') => fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  const api = (path: string, body: unknown, auth: string | null = `Bearer ${STAFF.token}`) =>
    fetch(`${r.base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  describe('signed links', () => {
    it('puts approve and decline links, signed and on the public address, in the request alert', async () => {
      const booking = await requestTheGite(r, 'c-links-alert');
      const { alert } = linksOf(booking.id);
      expect(alert?.data).toMatchObject({ bookingId: booking.id, reference: booking.reference, answerBy: '2027-11-23T09:00:00.000Z' });
      expect(String(alert?.data.approveUrl)).toMatch(new RegExp(`^http://localhost:\\d+/staff/requests/${GITE}/${booking.id}/approve\\?exp=\\d+&sig=[\\w-]{43}$`));
      // Ids and links only: the guest's name, email and phone stay out of the alert.
      expect(JSON.stringify(alert)).not.toMatch(/Alex|alex@example\.com|612345678/);
    });

    it('GET shows a confirmation page with a POST button and changes nothing; the POST approves', async () => {
      const booking = await requestTheGite(r, 'c-links-approve', 'from 2 to 5 January');
      const { approve } = linksOf(booking.id);

      const page = await fetch(approve);
      expect(page.status).toBe(200);
      const html = await page.text();
      // The gîte's default language is French: so is the page its staff see.
      expect(html).toContain('<html lang="fr">');
      expect(html).toContain('Accepter cette demande de réservation ?');
      expect(html).toContain(`Demande ${booking.reference} : ${booking.unitTypeId}, du ${booking.stay.checkIn} au ${booking.stay.checkOut}, 2 adulte(s), 0 enfant(s).`);
      expect(html).toContain('<button type="submit">Accepter et envoyer le lien de paiement</button>');
      expect(html).not.toMatch(/Approve|Request/);
      expect(html).toContain(`<form method="post" action="${new URL(approve).pathname}${new URL(approve).search.replace(/&/g, '&#38;')}">`);
      expect(html).not.toMatch(/<script|onclick|javascript:/i);
      expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'.*form-action 'self'/);
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      // A second look, as a link previewer would: still nothing done.
      await fetch(approve);
      expect(await stateOf(booking.id)).toBe('requested');

      const since = r.capture.replies.length;
      const done = await post(approve);
      expect(done.status).toBe(200);
      expect(await done.text()).toContain('Demande acceptée');
      expect(await stateOf(booking.id)).toBe('approved');
      const told = toldSince(r, 'c-links-approve', since).join('\n');
      expect(told).toContain(`the team has accepted your request ${booking.reference}`);
      expect(told).toContain(`/pay/demo/${GITE}/${booking.id}`);

      const again = await post(approve);
      expect(again.status).toBe(409);
      expect(await again.text()).toContain('cette demande a déjà reçu une réponse : la réservation est à l’état approved');
      const look = await fetch(approve);
      expect(look.status).toBe(409);
      expect(await look.text()).not.toContain('<form');
    });

    it('the decline page asks for an optional reason, kept in the booking history', async () => {
      const booking = await requestTheGite(r, 'c-links-decline', 'from 8 to 11 January');
      const { decline } = linksOf(booking.id);
      expect(await (await fetch(decline)).text()).toContain('<label>Motif (facultatif, non montré au client)<br><textarea name="reason"');
      const done = await post(decline, new URLSearchParams({ reason: 'closed for works' }).toString());
      expect(done.status).toBe(200);
      const stored = await r.app.deps.store.getBooking(GITE, booking.id);
      expect(stored?.state).toBe('declined');
      expect(stored?.history.at(-1)).toMatchObject({ actor: 'staff:link', reason: 'closed for works' });
    });

    it('refuses a link altered, swapped or expired with 403, and acts on none of them', async () => {
      const booking = await requestTheGite(r, 'c-links-bad', 'from 15 to 18 January');
      const { approve, decline } = linksOf(booking.id);
      const sig = new URL(approve).searchParams.get('sig') ?? '';
      const tampered = approve.replace(`sig=${sig}`, `sig=${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`);
      const longer = approve.replace(/exp=(\d+)/, (_m, exp: string) => `exp=${Number(exp) + 86_400}`);
      const swapped = decline.replace('/decline?', '/approve?');
      const unsigned = approve.split('?')[0] ?? '';
      for (const url of [tampered, longer, swapped, unsigned]) {
        const get = await fetch(url);
        expect(get.status).toBe(403);
        expect(await get.text()).toContain('Ce lien n’est pas valide');
        expect((await post(url)).status).toBe(403);
      }
      const expired = signedStaffLink(r.base, STAFF.linkSecret ?? '', 'approve', GITE, booking.id, new Date(r.clock.now().getTime() - 1000));
      const late = await fetch(expired);
      expect(late.status).toBe(403);
      expect(await late.text()).toContain('Ce lien a expiré');
      expect((await post(expired)).status).toBe(403);
      expect(await stateOf(booking.id)).toBe('requested');
    });
  });

  describe('token API', () => {
    it('names what is wrong with the credentials: 401 without, 401 for another scheme, 403 for a wrong token', async () => {
      const none = await api('/staff/requests/whatever', { decision: 'approve' }, null);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await none.json()).toEqual({ error: 'unauthorized', reasons: ['send Authorization: Bearer <staff token>'] });
      expect((await api('/staff/requests/whatever', { decision: 'approve' }, `Basic ${Buffer.from('a:b').toString('base64')}`)).status).toBe(401);
      const wrong = await api('/staff/requests/whatever', { decision: 'approve' }, 'Bearer not-the-token');
      expect(wrong.status).toBe(403);
      expect(await wrong.json()).toEqual({ error: 'forbidden', reasons: ['the staff token is not valid'] });
      // Credentials are checked before anything else: a stranger learns nothing about bookings.
      expect((await api('/staff/requests/nope', '{', 'Bearer not-the-token')).status).toBe(403);
      expect(checkStaffToken(null, `Bearer ${STAFF.token}`)).toMatchObject({ ok: false, status: 503, code: 'staff_api_disabled' });
    });

    it('refuses a bad body with 400 and a reason, and an unknown booking or property with 404', async () => {
      const notJson = await api('/staff/requests/x', '{decision');
      expect(notJson.status).toBe(400);
      expect(await notJson.json()).toMatchObject({ error: 'invalid_json' });
      const badDecision = await api('/staff/requests/x', { decision: 'maybe' });
      expect(badDecision.status).toBe(400);
      expect(await badDecision.json()).toEqual({ error: 'invalid_body', reasons: ['decision: expected "approve" or "decline"'] });
      expect((await api('/staff/requests/x', { decision: 'approve', extra: true })).status).toBe(400);
      expect((await api('/staff/requests/x', { decision: 'decline', reason: 'x'.repeat(501) })).status).toBe(400);

      const unknown = await api('/staff/requests/no-such-booking', { decision: 'approve' });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toEqual({ error: 'booking_not_found', reasons: ['no such booking request'] });
      const noProperty = await api('/staff/requests/nowhere:bk1', { decision: 'approve' });
      expect(noProperty.status).toBe(404);
      expect(await noProperty.json()).toMatchObject({ error: 'unknown_property' });
    });

    it('approves by booking id alone, then answers 409 with the state to a second answer', async () => {
      const booking = await requestTheGite(r, 'c-api-approve', 'from 22 to 25 January');
      const since = r.capture.replies.length;
      const res = await api(`/staff/requests/${booking.id}`, { decision: 'approve' });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        decision: 'approved',
        propertyId: GITE,
        bookingId: booking.id,
        reference: booking.reference,
        state: 'approved',
        paymentDueAt: '2027-11-22T09:00:00.000Z',
        guestNotice: 'sent',
      });
      expect(toldSince(r, 'c-api-approve', since).join('\n')).toContain('/pay/demo/');

      const again = await api(`/staff/requests/${GITE}:${booking.id}`, { decision: 'decline' });
      expect(again.status).toBe(409);
      expect(await again.json()).toMatchObject({ error: 'already_answered', state: 'approved' });
    });

    it('declines through the two-segment path, with the reason in the history and never in the log', async () => {
      const booking = await requestTheGite(r, 'c-api-decline', 'from 1 to 4 February');
      const res = await api(`/staff/requests/${GITE}/${booking.id}`, { decision: 'decline', reason: 'private family event' });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ decision: 'declined', state: 'declined' });
      expect((await r.app.deps.store.getBooking(GITE, booking.id))?.history.at(-1)).toMatchObject({ actor: 'staff:api', reason: 'private family event' });
      expect(r.logLines()).toContain('booking request declined');
      expect(r.logLines()).not.toContain('private family event');
      expect(r.logLines()).not.toContain(STAFF.token ?? 'no token');
    });

    it('answers 409 "already lapsed" once three days have passed, and the guest has been told', async () => {
      const booking = await requestTheGite(r, 'c-api-lapsed', 'from 8 to 11 February');
      const since = r.capture.replies.length;
      r.clock.set(new Date(Date.parse(booking.createdAt) + 72 * 3_600_000).toISOString());
      const res = await api(`/staff/requests/${GITE}:${booking.id}`, { decision: 'approve' });
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ error: 'request_lapsed', state: 'expired', reasons: [expect.stringContaining('already lapsed')] });
      expect(toldSince(r, 'c-api-lapsed', since).join('\n')).toContain("couldn't answer your request");
    });
  });
});

describe('the staff link pages speak the property\'s default language', () => {
  let r: RequestApp;
  let dir: string;
  beforeAll(async () => {
    // The demo properties, with the gîte's default language switched to Spanish.
    dir = mkdtempSync(path.join(tmpdir(), 'majordome-props-'));
    cpSync(path.join(__dirname, '../../../bot/properties'), dir, { recursive: true });
    const file = path.join(dir, `${GITE}.json`);
    writeFileSync(file, JSON.stringify({ ...(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>), defaultLocale: 'es' }));
    r = await startRequestApp({ config: { propertiesDir: dir } });
  });
  afterAll(async () => {
    await r?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks, answers and refuses in Spanish for a Spanish-speaking property', async () => {
    const booking = await requestTheGite(r, 'c-links-es');
    const alert = r.alerts.find((a) => a.kind === 'booking_request' && a.data.bookingId === booking.id);
    const decline = String(alert?.data.declineUrl).replace(/^http:\/\/localhost:\d+/, r.base);
    const page = await (await fetch(decline)).text();
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('¿Rechazar esta solicitud de reserva?');
    expect(page).toContain('Motivo (opcional, no se muestra al huésped)');
    const post = () => fetch(decline, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    const done = await post();
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Solicitud rechazada');
    expect(await (await post()).text()).toContain('esta solicitud ya tiene respuesta: la reserva está en estado declined');
    expect(await (await fetch(decline.replace(/sig=[\w-]+/, 'sig=forged'))).text()).toContain('Este enlace no es válido');
  });

  it('has every sentence in every language, none left in English', () => {
    const sample = (locale: (typeof LOCALES)[number]) => {
      const t = STAFF_PAGE_TEXTS[locale];
      const request = { reference: 'ABC234', unitTypeId: 'gite', checkIn: '2027-12-12', checkOut: '2027-12-15', adults: 2, children: 0 };
      return [
        t.linksDisabled.title, t.linksDisabled.line, t.linkExpired.title, t.linkExpired.line, t.linkInvalid.title, t.linkInvalid.line, t.notFound.title, t.notFound.line,
        t.ask.approve, t.ask.decline, t.button.approve, t.button.decline, t.summary(request), t.lapsesAt('2027-12-01T09:00:00.000Z'), t.effect.approve, t.effect.decline,
        t.reasonLabel, t.refused, t.notReady.title, t.notReady.line, t.done.approve, t.done.decline, t.approved('2027-12-03T09:00:00.000Z'), t.declined,
        t.guestTold('sent'), t.guestTold('failed'),
        ...(['booking_not_found', 'not_a_request', 'already_answered', 'request_lapsed', 'conflict', 'payment_unavailable'] as const).map((code) => t.failure(code, 'approved')),
      ];
    };
    const english = sample('en');
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const texts = sample(locale);
      expect(texts.every((text) => text.length > 0)).toBe(true);
      expect([locale, texts.filter((text, i) => text === english[i])]).toEqual([locale, []]);
    }
  });
});
