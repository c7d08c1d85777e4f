import { DirectLineGuest, installBrowserGlobals, textOf, type Mode } from './directline-client';
import { FRENCH_SEARCH, PROPERTY, startWebchatApp, type WebchatTestApp } from './webchat-support';

/**
 * The official Direct Line client (botframework-directlinejs, as Web Chat uses it) against our
 * endpoints, in both of its modes: a French search, then a booking up to the payment link; and
 * a message sent while the guest was away, waiting for them when they come back.
 */
describe.each<Mode>(['polling', 'websocket'])('botframework-directlinejs in %s mode', (mode) => {
  let s: WebchatTestApp;
  beforeAll(async () => {
    installBrowserGlobals();
    s = await startWebchatApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('greets in French, searches, and books up to the payment link', async () => {
    const auth = await s.widgetToken('fr');
    const guest = DirectLineGuest.start(s.app, s.base, mode, auth);
    try {
      await guest.waitFor((r) => r.length >= 1);
      expect(textOf(guest.received.slice(0, 1))).toContain('Bonjour et bienvenue');

      const offers = await guest.says(FRENCH_SEARCH);
      expect(textOf(offers)).toMatch(/12 déc/);
      // The mode really is the one under test: a stream is open only in WebSocket mode.
      expect(s.app.webchat.streams.size).toBe(mode === 'websocket' ? 1 : 0);
      const cards = offers.flatMap((a) => ('attachments' in a && a.attachments ? a.attachments : []));
      expect(cards.length).toBeGreaterThan(0);

      expect(textOf(await guest.says('1'))).toMatch(/nom/i);
      expect(textOf(await guest.says('Camille Martin'))).toMatch(/e-mail|email/i);
      expect(textOf(await guest.says('camille@example.com'))).toMatch(/téléphone/i);
      const summary = textOf(await guest.says('+33612345678'));
      expect(summary).toContain('Camille Martin');
      const done = textOf(await guest.says('oui'));
      const reference = /\b([A-HJ-NP-Z2-9]{6})\b/.exec(done)?.[1];
      expect(reference).toBeDefined();
      expect(done).toMatch(/https?:\/\/\S+/);

      const booking = await s.app.deps.store.findBookingByReference(PROPERTY, reference ?? '');
      expect(booking?.state).toBe('awaiting_payment');
      expect(booking?.address).toMatchObject({ channelId: 'webchat', conversationId: auth.conversationId, locale: 'fr' });
      // Ids in the log, never what the guest wrote.
      expect(s.logLines()).not.toContain('Camille');
      expect(s.logLines()).not.toContain('camille@example.com');
      expect(s.logLines()).not.toContain('turn failed');
    } finally {
      guest.end();
    }
  });

  it('a message sent while the guest was away reaches them when they resume from their watermark', async () => {
    const auth = await s.widgetToken('fr');
    const first = DirectLineGuest.start(s.app, s.base, mode, auth);
    let reference = '';
    try {
      await first.waitFor((r) => r.length >= 1);
      await first.says(FRENCH_SEARCH);
      for (const text of ['1', 'Camille Martin', 'camille@example.com', '+33612345678']) await first.says(text);
      reference = /\b([A-HJ-NP-Z2-9]{6})\b/.exec(textOf(await first.says('oui')))?.[1] ?? '';
    } finally {
      first.end();
    }
    const { watermark } = await s.app.webchat.service.read(auth.conversationId, null);
    const booking = await s.app.deps.store.findBookingByReference(PROPERTY, reference);
    if (!booking) throw new Error('no booking');
    const delivery = await s.app.messenger.tell({ kind: 'booking_confirmed', booking: { ...booking, amountPaid: booking.quote.total }, calendarUrl: 'http://127.0.0.1/ics/x.ics' });
    expect(delivery).toBe('sent');

    const refreshed = await s.call('POST', '/v3/directline/tokens/refresh', { auth: auth.token });
    const back = DirectLineGuest.start(s.app, s.base, mode, { token: (refreshed.body as { token: string }).token, conversationId: auth.conversationId, resume: true, ...(watermark ? { watermark } : {}) });
    try {
      await back.waitFor((r) => r.length >= 1);
      expect(back.received).toHaveLength(1);
      expect(textOf(back.received)).toContain(`Votre réservation ${reference} est confirmée`);
      expect(back.received[0]?.from.role).toBe('bot');
    } finally {
      back.end();
    }
  });
});
