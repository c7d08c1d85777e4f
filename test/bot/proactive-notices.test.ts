import { guestMessage } from '../bench/support/guest-activity';
import { startTestBot, type TestBot } from './messages-support';

/**
 * A booking made in a conversation remembers it, and a notice told later (a payment confirmed
 * by a webhook, a refund) reaches that conversation through the channel's connector, in the
 * guest's language, without the guest writing first.
 */
describe('proactive guest notices', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot?.close();
  });

  async function say(conversationId: string, text: string, locale: string): Promise<string[]> {
    const message = guestMessage({ serviceUrl: bot.capture.url, conversationId, text, locale });
    expect((await bot.post(message)).status).toBe(200);
    return bot.capture.repliesTo(message.id).map((r) => String(r.activity.text ?? ''));
  }

  async function bookInFrench(conversationId: string): Promise<string> {
    await say(conversationId, 'Avez-vous une chambre du 12 au 15 décembre pour 2 adultes ?', 'fr-FR');
    await say(conversationId, '1', 'fr-FR');
    await say(conversationId, 'Camille Martin', 'fr-FR');
    await say(conversationId, 'camille@example.com', 'fr-FR');
    await say(conversationId, '+33612345678', 'fr-FR');
    const done = (await say(conversationId, 'oui', 'fr-FR')).join('\n');
    const reference = /\b([A-HJ-NP-Z2-9]{6})\b/.exec(done)?.[1];
    if (!reference) throw new Error(`no reference in: ${done}`);
    return reference;
  }

  it('tells the confirmation in the conversation the booking was made in, in French', async () => {
    const reference = await bookInFrench('c-proactive');
    const booking = await bot.app.deps.store.findBookingByReference('chateau-de-vauclair', reference);
    expect(booking?.address).toMatchObject({ channelId: 'emulator', conversationId: 'c-proactive', locale: 'fr' });
    if (!booking) return;

    const before = bot.capture.replies.length;
    const delivery = await bot.app.messenger.tell({ kind: 'booking_confirmed', booking: { ...booking, amountPaid: booking.quote.total }, calendarUrl: 'http://127.0.0.1/ics/x.ics' });
    expect(delivery).toBe('sent');
    const told = bot.capture.replies.slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]?.conversationId).toBe('c-proactive');
    expect(String(told[0]?.activity.text)).toContain(`Votre réservation ${reference} est confirmée`);
    expect(String(told[0]?.activity.text)).toContain('http://127.0.0.1/ics/x.ics');
    // Ids in the log, never the guest's name or email.
    expect(bot.logLines()).toContain('guest notice sent');
    expect(bot.logLines()).not.toContain('camille@example.com');
    expect(bot.logLines()).not.toContain('Camille Martin');
  });

  it('says so, without throwing, when a booking has no conversation or the channel is down', async () => {
    const reference = await bookInFrench('c-proactive-2');
    const booking = await bot.app.deps.store.findBookingByReference('chateau-de-vauclair', reference);
    if (!booking?.address) throw new Error('booking without address');
    const { address: _address, ...withoutAddress } = booking;
    expect(await bot.app.messenger.tell({ kind: 'hold_expired', booking: withoutAddress })).toBe('no_address');
    const unreachable = { ...booking, address: { ...booking.address, serviceUrl: 'http://127.0.0.1:9' } };
    expect(await bot.app.messenger.tell({ kind: 'refund_issued', booking: unreachable, amount: 1000, cause: 'cancellation' })).toBe('failed');
    expect(bot.logLines()).toContain('guest notice failed');
  });
});
