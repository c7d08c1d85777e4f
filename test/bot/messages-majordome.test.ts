import { guestMessage } from '../bench/support/guest-activity';
import { startTestBot, type TestBot } from './messages-support';

/**
 * The real bot behind the real route: whatever the dialogs answer, it arrives at the
 * serviceUrl as replies to the guest's activity before the POST returns. The dialogs' own
 * tests check what they say; this checks the wiring carries it.
 */
describe('MajordomeBot over /api/messages', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('greets a guest who joins and answers a search in English and in French', async () => {
    const join = {
      ...guestMessage({ serviceUrl: bot.capture.url, conversationId: 'c-real', text: '' }),
      type: 'conversationUpdate',
      membersAdded: [{ id: 'guest-c-real' }, { id: 'majordome' }],
      text: undefined,
    };
    expect((await bot.post(join)).status).toBe(200);
    expect(bot.capture.repliesTo(join.id).length).toBeGreaterThan(0);

    for (const [text, locale] of [
      ['Do you have a room from December 12 to 15 for 2 adults?', 'en-US'],
      ['Avez-vous une chambre du 12 au 15 décembre pour 2 adultes ?', 'fr-FR'],
    ] as const) {
      const message = guestMessage({ serviceUrl: bot.capture.url, conversationId: `c-search-${locale}`, text, locale });
      const res = await bot.post(message);
      expect(res.status).toBe(200);
      const replies = bot.capture.repliesTo(message.id);
      expect(replies.length).toBeGreaterThan(0);
      expect(replies.every((r) => r.conversationId === `c-search-${locale}`)).toBe(true);
    }
    expect(bot.capture.unexpected).toEqual([]);
    // No turn failed along the way.
    expect(bot.logLines()).not.toContain('turn failed');
  });
});
