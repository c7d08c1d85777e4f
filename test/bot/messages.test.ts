import os from 'node:os';
import { ActivityHandler } from 'botbuilder';
import type { BotOptions } from '../../bot/majordome-bot';
import { EchoBot } from '../bench/support/echo-bot';
import { guestMessage } from '../bench/support/guest-activity';
import { NO_CREDENTIALS, startTestBot, type TestBot } from './messages-support';

describe('POST /api/messages without app credentials (loopback only)', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ createBot: () => new EchoBot() });
  });
  afterAll(async () => {
    await bot?.close();
  });
  beforeEach(() => {
    bot.capture.replies.length = 0;
  });

  it('runs the turn and posts the reply to the serviceUrl before answering', async () => {
    const activity = guestMessage({ serviceUrl: bot.capture.url, conversationId: 'conv-echo', text: 'hello there' });
    const res = await bot.post(activity);
    expect(res.status).toBe(200);
    // Already there when the POST returns: the adapter awaits every reply.
    expect(bot.capture.replies).toHaveLength(1);
    const [reply] = bot.capture.replies;
    expect(reply?.conversationId).toBe('conv-echo');
    expect(reply?.replyToId).toBe(activity.id);
    expect(reply?.activity).toMatchObject({ type: 'message', text: 'echo: hello there', replyToId: activity.id, recipient: { id: 'guest-conv-echo' } });
    expect(bot.capture.unexpected).toEqual([]);
  });

  it('accepts the other spellings of this machine as serviceUrl', async () => {
    const port = new URL(bot.capture.url).port;
    // The capture server listens on IPv4 only; the IPv6 spellings are covered in messages-guard.test.ts.
    for (const host of ['localhost', '127.0.0.1', '127.1', '2130706433']) {
      const res = await bot.post(guestMessage({ serviceUrl: `http://${host}:${port}`, conversationId: `c-${host}`, text: 'hi' }));
      expect([host, res.status]).toEqual([host, 200]);
    }
    expect(bot.capture.replies).toHaveLength(4);
  });

  it('refuses a serviceUrl elsewhere with 403, and posts nothing anywhere', async () => {
    for (const serviceUrl of ['https://smba.trafficmanager.net/emea/', 'http://10.0.0.5:3978', 'http://0.0.0.0:1234', 'http://localhost.evil.example', 'ftp://127.0.0.1/']) {
      const res = await bot.post(guestMessage({ serviceUrl, conversationId: 'conv-relay', text: 'relay this' }));
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: 'service_url_not_loopback', reasons: [expect.stringContaining('MicrosoftAppId')] });
    }
    expect(bot.capture.replies).toEqual([]);
  });

  it('refuses a request that came through a proxy on this machine', async () => {
    const res = await bot.post(guestMessage({ serviceUrl: bot.capture.url, conversationId: 'c-proxy', text: 'hi' }), { 'x-forwarded-for': '203.0.113.9' });
    expect(res).toEqual({ status: 403, body: { error: 'loopback_only', reasons: [expect.stringContaining('proxy')] } });
    expect(bot.capture.replies).toEqual([]);
  });

  it('answers 400 with the reasons for a body that is not an activity', async () => {
    expect(await bot.post('{"type": "message", ')).toEqual({ status: 400, body: { error: 'invalid_activity', reasons: ['(root): the body is not valid JSON'] } });
    expect(await bot.post('')).toMatchObject({ status: 400, body: { error: 'invalid_activity' } });
    expect(await bot.post('[1,2]')).toEqual({ status: 400, body: { error: 'invalid_activity', reasons: ['(root): expected an activity object'] } });
    const res = await bot.post({ type: 'message', text: 'hi', serviceUrl: bot.capture.url });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'invalid_activity',
      reasons: ['channelId: expected the channel id', 'conversation: expected an id', 'from: expected an id', 'recipient: expected an id'].map((r) => expect.stringContaining(r.split(':')[0] ?? r)),
    });
    expect(bot.capture.replies).toEqual([]);
  });

  it('answers 415 for a body that is not JSON and 413 for an oversized one', async () => {
    const activity = guestMessage({ serviceUrl: bot.capture.url, conversationId: 'c-type', text: 'hi' });
    expect((await bot.post(JSON.stringify(activity), { 'content-type': 'text/plain' })).status).toBe(415);
    const huge = guestMessage({ serviceUrl: bot.capture.url, conversationId: 'c-big', text: 'x'.repeat(600 * 1024) });
    expect(await bot.post(huge)).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
    expect(bot.capture.replies).toEqual([]);
  });

  it('keeps the other routes working beside it', async () => {
    const res = await fetch(`${bot.base}/health`);
    expect(res.status).toBe(200);
    expect((await fetch(`${bot.base}/api/messages`)).status).toBe(405);
  });

  it('refuses callers that are not on this machine', async () => {
    // Reach the server through a non-loopback address of this machine, if it has one.
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (!external) return;
    const open = await startTestBot({ createBot: () => new EchoBot(), host: '0.0.0.0' });
    try {
      const port = new URL(open.base).port;
      const res = await fetch(`http://${external}:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(guestMessage({ serviceUrl: open.capture.url, conversationId: 'c-remote', text: 'hi' })),
      });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'loopback_only' });
      expect(open.capture.replies).toEqual([]);
    } finally {
      await open.close();
    }
  });
});

describe('POST /api/messages with app credentials', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({
      createBot: () => new EchoBot(),
      botConfig: { ...NO_CREDENTIALS, credentials: { appId: '00000000-0000-0000-0000-000000000001', appPassword: 'not-a-real-secret', appType: 'MultiTenant', tenantId: null } },
    });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('refuses a request without a Bot Framework token with 401, even from loopback', async () => {
    const res = await bot.post(guestMessage({ serviceUrl: bot.capture.url, conversationId: 'c-jwt', text: 'hi' }));
    expect(res).toEqual({ status: 401, body: { error: 'unauthorized', reasons: [expect.stringContaining('Bot Framework authentication failed')] } });
    expect(bot.app.bot.loopbackOnly).toBe(false);
    expect(bot.capture.replies).toEqual([]);
  });
});

describe('a turn that fails', () => {
  let bot: TestBot;
  let throwOn: string;
  beforeAll(async () => {
    // Counts turns in conversation state, then fails when told to: the state must be cleared.
    const failing = (options: BotOptions) => {
      const handler = new ActivityHandler();
      const turns = options.conversationState.createProperty<number>('turns');
      handler.onMessage(async (context, next) => {
        const n = (await turns.get(context, 0)) + 1;
        await turns.set(context, n);
        if (context.activity.text === throwOn) throw new Error(`cannot handle "${context.activity.text}" from guest@example.com`);
        await context.sendActivity(`turn ${n}`);
        await next();
      });
      return {
        run: async (context: Parameters<ActivityHandler['run']>[0]) => {
          await handler.run(context);
          await options.conversationState.saveChanges(context);
        },
      };
    };
    bot = await startTestBot({ createBot: failing });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it.each([
    ['fr-FR', 'Désolé, un problème est survenu de mon côté. Reprenons : que puis-je faire pour vous ?'],
    ['es', 'Lo siento, algo ha fallado por mi parte. Empecemos de nuevo: ¿en qué puedo ayudarle?'],
    ['pt-BR', 'Desculpe, algo correu mal do meu lado. Vamos recomeçar: como posso ajudar?'],
    ['de-DE', "Sorry, something went wrong on my side. Let's start again: how can I help?"],
    [undefined, "Sorry, something went wrong on my side. Let's start again: how can I help?"],
  ])('tells the guest politely (locale %s), clears the conversation, and keeps serving', async (locale, expected) => {
    const conversationId = `c-fail-${locale ?? 'none'}`;
    throwOn = `Chambre pour Jeanne Dupont ${locale ?? ''}`;
    const send = (text: string) => {
      const activity = guestMessage({ serviceUrl: bot.capture.url, conversationId, text, ...(locale ? { locale } : {}) });
      return bot.post(activity).then((res) => ({ res, replies: bot.capture.repliesTo(activity.id).map((r) => r.activity.text) }));
    };
    expect(await send('one')).toMatchObject({ res: { status: 200 }, replies: ['turn 1'] });
    expect(await send('two')).toMatchObject({ res: { status: 200 }, replies: ['turn 2'] });
    const failed = await send(throwOn);
    // The channel gets a 200: the failure was handled, a retry would only fail again.
    expect(failed).toEqual({ res: { status: 200, body: null }, replies: [expected] });
    // Cleared: counting starts again rather than resuming the state of the failed turn.
    expect(await send('again')).toMatchObject({ res: { status: 200 }, replies: ['turn 1'] });

    const logs = bot.logLines();
    expect(logs).toContain(conversationId);
    expect(logs).toContain('"channelId":"emulator"');
    expect(logs).not.toContain('Jeanne');
    expect(logs).not.toContain('guest@example.com');
  });
});
