import type { Activity as BotActivity } from 'botbuilder';
import { DirectLineService } from '../../../../adapters/channels/webchat/direct-line-service';
import { MemoryActivityLog } from '../../../../adapters/channels/webchat/memory-activity-log';
import { DirectLineTokens } from '../../../../adapters/channels/webchat/tokens';
import { TurnQueue } from '../../../../bot/turn-queue';
import { queuedDelivery } from '../../../../bot/webchat';
import { memoryLogger } from '../../../bot/messages-support';
import { PROPERTY, randomSecret, startWebchatApp, StreamClient, type WebchatTestApp } from './webchat-support';

type Activity = Record<string, unknown> & { id?: string; type?: string; text?: string; replyToId?: string; from?: { id?: string; role?: string }; channelData?: Record<string, unknown> };
const errorOf = (body: unknown) => (body as { error?: { code?: string; message?: string } }).error;
const activitiesOf = (body: unknown) => (body as { activities: Activity[]; watermark?: string });

/**
 * Direct Line 3.0 at the protocol level: what each endpoint answers, and how it refuses.
 * The official client's own tests (directlinejs, polling and WebSocket) are apart.
 */
describe('Direct Line 3.0, self-hosted', () => {
  const secret = randomSecret();
  let s: WebchatTestApp;
  beforeAll(async () => {
    s = await startWebchatApp({ webchat: { secret } });
  });
  afterAll(async () => {
    await s?.close();
  });

  describe('the widget token endpoint', () => {
    it('gives a page of an allowed origin a token for a new conversation of the property', async () => {
      const res = await s.call('POST', '/webchat/token', { origin: s.origin, body: { property: PROPERTY, locale: 'fr' } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ conversationId: expect.stringMatching(/^[\w-]{8,}$/), token: expect.any(String), expires_in: 1800 });
      expect(res.headers.get('access-control-allow-origin')).toBe(s.origin);
      const other = await s.widgetToken();
      expect(other.conversationId).not.toBe((res.body as { conversationId: string }).conversationId);
    });

    it('refuses a request without an Origin or from another site, and says why', async () => {
      const none = await s.call('POST', '/webchat/token', { body: { property: PROPERTY } });
      expect(none.status).toBe(403);
      expect(errorOf(none.body)?.message).toContain('no Origin');
      const foreign = await s.call('POST', '/webchat/token', { origin: 'https://evil.example', body: { property: PROPERTY } });
      expect(foreign.status).toBe(403);
      expect(errorOf(foreign.body)).toEqual({ code: 'Forbidden', message: expect.stringContaining('https://evil.example is not allowed') });
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('answers 404 for an unknown property and 400 for a bad body, with the reason', async () => {
      const unknown = await s.call('POST', '/webchat/token', { origin: s.origin, body: { property: 'nowhere' } });
      expect(unknown.status).toBe(404);
      expect(errorOf(unknown.body)?.message).toBe('no property "nowhere"');
      const badLocale = await s.call('POST', '/webchat/token', { origin: s.origin, body: { property: PROPERTY, locale: 'de' } });
      expect(badLocale.status).toBe(400);
      expect(errorOf(badLocale.body)?.message).toContain('locale: expected en, fr, es or pt');
      const malformed = await s.call('POST', '/webchat/token', { origin: s.origin, body: '{"property":' });
      expect(malformed.status).toBe(400);
      expect(errorOf(malformed.body)?.message).toBe('the body is not valid JSON');
    });

    it('answers CORS preflights for allowed origins only', async () => {
      for (const path of ['/webchat/token', '/v3/directline/conversations', '/v3/directline/conversations/abcdefgh/activities']) {
        const ok = await s.call('OPTIONS', path, { origin: s.origin, headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
        expect([path, ok.status]).toEqual([path, 204]);
        expect(ok.headers.get('access-control-allow-origin')).toBe(s.origin);
        expect(ok.headers.get('access-control-allow-headers')).toContain('Authorization');
        const no = await s.call('OPTIONS', path, { origin: 'https://evil.example', headers: { 'access-control-request-method': 'POST' } });
        expect(no.headers.get('access-control-allow-origin')).toBeNull();
      }
    });
  });

  describe('a conversation', () => {
    it('starts once, greets in the page language, echoes the guest with clientActivityID before the replies', async () => {
      const { conversationId, token } = await s.widgetToken('fr');
      const start = await s.call('POST', '/v3/directline/conversations', { auth: token, origin: s.origin });
      expect(start.status).toBe(201);
      expect(start.body).toMatchObject({ conversationId, token: expect.any(String), expires_in: 1800 });
      expect((start.body as { streamUrl: string }).streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${conversationId}/stream\\?watermark=&t=`));
      const again = await s.call('POST', '/v3/directline/conversations', { auth: token });
      expect(again.status).toBe(200);
      expect((again.body as { conversationId: string }).conversationId).toBe(conversationId);

      const first = await s.call('GET', `/v3/directline/conversations/${conversationId}/activities`, { auth: token });
      expect(first.status).toBe(200);
      const greeting = activitiesOf(first.body);
      // One greeting although the conversation was "started" twice.
      expect(greeting.activities).toHaveLength(1);
      expect(greeting.activities[0]).toMatchObject({ type: 'message', from: { role: 'bot' }, channelId: 'webchat', conversation: { id: conversationId } });
      expect(greeting.activities[0]?.text).toContain('Bonjour et bienvenue');
      expect(greeting.watermark).toEqual(expect.any(String));

      const posted = await s.call('POST', `/v3/directline/conversations/${conversationId}/activities`, {
        auth: token,
        body: { type: 'message', text: 'Bonjour', from: { id: 'client-picked', name: 'G' }, channelData: { clientActivityID: 'cli-1', propertyId: 'someone-else' } },
      });
      expect(posted.status).toBe(200);
      const { id } = posted.body as { id: string };
      const after = activitiesOf((await s.call('GET', `/v3/directline/conversations/${conversationId}/activities?watermark=${greeting.watermark}`, { auth: token })).body);
      const [echo, ...replies] = after.activities;
      expect(echo).toMatchObject({ id, type: 'message', text: 'Bonjour', from: { role: 'user' }, channelData: { clientActivityID: 'cli-1' } });
      // The user is the token's, not whoever the client claims to be.
      expect(echo?.from?.id).toMatch(/^dl_/);
      expect(replies.length).toBeGreaterThan(0);
      expect(replies.every((r) => r.replyToId === id && r.from?.role === 'bot')).toBe(true);
      expect(after.watermark).not.toBe(greeting.watermark);

      // Nothing new: same watermark back, no activities.
      const idle = activitiesOf((await s.call('GET', `/v3/directline/conversations/${conversationId}/activities?watermark=${after.watermark}`, { auth: token })).body);
      expect(idle).toEqual({ activities: [], watermark: after.watermark });
    });

    it('gives the bot the token property, whatever channelData the client sends', async () => {
      const { conversationId, token } = await s.widgetToken('en');
      const seen: unknown[] = [];
      const original = s.app.bot.bot.run.bind(s.app.bot.bot);
      s.app.bot.bot.run = async (context) => {
        seen.push(context.activity.channelData);
        await original(context);
      };
      try {
        await s.call('POST', `/v3/directline/conversations/${conversationId}/activities`, { auth: token, body: { type: 'message', text: 'hello', channelData: { propertyId: 'gite-des-tilleuls' } } });
      } finally {
        s.app.bot.bot.run = original;
      }
      expect(seen).toEqual([{ propertyId: PROPERTY }, { propertyId: PROPERTY }]);
    });

    it('resumes: GET conversation gives a fresh token and a stream URL from the watermark', async () => {
      const { conversationId, token } = await s.widgetToken();
      const res = await s.call('GET', `/v3/directline/conversations/${conversationId}?watermark=42`, { auth: token });
      expect(res.status).toBe(200);
      const body = res.body as { conversationId: string; token: string; streamUrl: string };
      expect(body.conversationId).toBe(conversationId);
      expect(body.streamUrl).toContain('watermark=42&t=');
      const bad = await s.call('GET', `/v3/directline/conversations/${conversationId}?watermark=drop%20table`, { auth: token });
      expect(bad.status).toBe(400);
      expect(errorOf(bad.body)?.message).toContain('invalid watermark');
    });
  });

  describe('authentication', () => {
    it('401 without credentials or with a forged token; 403 on another conversation', async () => {
      const a = await s.widgetToken();
      const b = await s.widgetToken();
      const none = await s.call('GET', `/v3/directline/conversations/${a.conversationId}/activities`);
      expect(none.status).toBe(401);
      expect(errorOf(none.body)).toEqual({ code: 'Unauthorized', message: expect.stringContaining('missing credentials') });
      const [payload] = a.token.split('.');
      const forged = await s.call('GET', `/v3/directline/conversations/${a.conversationId}/activities`, { auth: `${payload}.AAAA` });
      expect(forged.status).toBe(401);
      const elsewhere = await s.call('POST', `/v3/directline/conversations/${b.conversationId}/activities`, { auth: a.token, body: { type: 'message', text: 'hi' } });
      expect(elsewhere.status).toBe(403);
      expect(errorOf(elsewhere.body)).toEqual({ code: 'Forbidden', message: 'this token is for another conversation' });
    });

    it('a token expires; refreshing one before then extends it', async () => {
      const { conversationId, token } = await s.widgetToken();
      s.clock.advanceMinutes(20);
      const refreshed = await s.call('POST', '/v3/directline/tokens/refresh', { auth: token });
      expect(refreshed.status).toBe(200);
      const fresh = (refreshed.body as { token: string; conversationId: string });
      expect(fresh.conversationId).toBe(conversationId);
      s.clock.advanceMinutes(15);
      const expired = await s.call('GET', `/v3/directline/conversations/${conversationId}/activities`, { auth: token });
      expect(expired.status).toBe(403);
      expect(errorOf(expired.body)?.code).toBe('TokenExpired');
      expect((await s.call('GET', `/v3/directline/conversations/${conversationId}/activities`, { auth: fresh.token })).status).toBe(200);
      expect((await s.call('POST', '/v3/directline/tokens/refresh', { auth: token })).status).toBe(403);
    });

    it('the secret generates tokens and starts conversations; a token cannot generate', async () => {
      const generated = await s.call('POST', '/v3/directline/tokens/generate', { auth: secret, body: { property: 'gite-des-tilleuls', locale: 'en' } });
      expect(generated.status).toBe(200);
      const { token, conversationId } = generated.body as { token: string; conversationId: string };
      expect((await s.call('POST', '/v3/directline/tokens/generate', { auth: token })).status).toBe(403);
      expect((await s.call('POST', '/v3/directline/tokens/generate', { auth: secret, body: { property: 'nowhere' } })).status).toBe(404);

      const started = await s.call('POST', '/v3/directline/conversations', { auth: secret });
      expect(started.status).toBe(201);
      const other = (started.body as { conversationId: string }).conversationId;
      // The secret opens any conversation, the token only its own.
      expect((await s.call('GET', `/v3/directline/conversations/${other}/activities`, { auth: secret })).status).toBe(200);
      expect((await s.call('GET', `/v3/directline/conversations/${other}/activities`, { auth: token })).status).toBe(403);
      expect((await s.call('GET', `/v3/directline/conversations/${conversationId}/activities`, { auth: token })).status).toBe(200);
      const missing = await s.call('GET', '/v3/directline/conversations/nosuchconversation/activities', { auth: secret });
      expect(missing.status).toBe(404);
      expect(errorOf(missing.body)?.code).toBe('NotFound');
    });
  });

  describe('bad input', () => {
    it('400 with the reason for a malformed or invalid activity, 413 for a huge one', async () => {
      const { conversationId, token } = await s.widgetToken();
      const path = `/v3/directline/conversations/${conversationId}/activities`;
      const malformed = await s.call('POST', path, { auth: token, body: '{"type":"message",' });
      expect(malformed.status).toBe(400);
      expect(errorOf(malformed.body)).toEqual({ code: 'BadArgument', message: 'the body is not valid JSON' });
      const noType = await s.call('POST', path, { auth: token, body: { text: 'hi' } });
      expect(noType.status).toBe(400);
      expect(errorOf(noType.body)?.message).toContain('type: expected type message, event or typing');
      const huge = await s.call('POST', path, { auth: token, body: { type: 'message', text: 'x'.repeat(300_000) } });
      expect(huge.status).toBe(413);
      const wrongType = await s.call('POST', path, { auth: token, body: { type: 'message' }, headers: { 'content-type': 'text/html' } });
      expect(wrongType.status).toBe(415);
      // The server is still fine.
      expect((await s.call('POST', path, { auth: token, body: { type: 'message', text: 'hello' } })).status).toBe(200);
    });
  });

  describe('the WebSocket stream', () => {
    it('replays from the watermark, then pushes new activities; checks Origin when one is sent', async () => {
      const { conversationId, token } = await s.widgetToken('en');
      const start = (await s.call('POST', '/v3/directline/conversations', { auth: token })).body as { streamUrl: string };

      const foreign = await StreamClient.open(start.streamUrl, { origin: 'https://evil.example' });
      expect(foreign).toMatchObject({ refused: 403 });
      const forged = await StreamClient.open(start.streamUrl.replace(/t=[^&]+/, 't=forged.token'));
      expect(forged).toMatchObject({ refused: 401 });
      expect(JSON.parse((forged as { body: string }).body)).toEqual({ error: { code: 'Unauthorized', message: expect.any(String) } });
      const nowhere = await StreamClient.open(`ws${s.base.slice(4)}/elsewhere`);
      expect(nowhere).toMatchObject({ refused: 404 });

      const stream = await StreamClient.open(start.streamUrl, { origin: s.origin });
      if (!(stream instanceof StreamClient)) throw new Error(`refused: ${JSON.stringify(stream)}`);
      await stream.waitFor((a) => a.length >= 1);
      expect(stream.activities[0]?.text).toContain('Welcome');
      const greetingMark = stream.sets[0]?.watermark;

      const posted = await s.call('POST', `/v3/directline/conversations/${conversationId}/activities`, { auth: token, body: { type: 'message', text: 'help', channelData: { clientActivityID: 'ws-1' } } });
      const { id } = posted.body as { id: string };
      await stream.waitFor((a) => a.some((x) => x.replyToId === id));
      const ids = stream.activities.map((a) => a.id);
      const echoAt = stream.activities.findIndex((a) => (a.channelData as { clientActivityID?: string } | undefined)?.clientActivityID === 'ws-1');
      expect(echoAt).toBe(1);
      expect(ids.indexOf(stream.activities.find((a) => a.replyToId === id)?.id)).toBeGreaterThan(echoAt);
      stream.close();

      // A new stream from the greeting's watermark replays exactly what followed it.
      const resumed = (await s.call('GET', `/v3/directline/conversations/${conversationId}?watermark=${greetingMark}`, { auth: token })).body as { streamUrl: string };
      const replay = await StreamClient.open(resumed.streamUrl);
      if (!(replay instanceof StreamClient)) throw new Error('refused');
      await replay.waitFor((a) => a.length >= ids.length - 1);
      expect(replay.activities.map((a) => a.id)).toEqual(ids.slice(1));
      replay.ws.send('');
      replay.ws.send('not json at all');
      replay.close();
      // Junk from a client does not hurt the server.
      expect((await s.call('GET', '/health')).status).toBe(200);
    });
  });
});

describe('the widget token endpoint, under load from one address', () => {
  let s: WebchatTestApp;
  beforeAll(async () => {
    s = await startWebchatApp({ webchat: { tokenRatePerMinute: 2 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('answers 429 with Retry-After once the address has had its tokens', async () => {
    await s.widgetToken();
    await s.widgetToken();
    const third = await s.call('POST', '/webchat/token', { origin: s.origin, body: { property: PROPERTY } });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(errorOf(third.body)?.code).toBe('TooManyRequests');
  });

  it('without a secret, a Bearer that is no token is refused with a hint', async () => {
    const res = await s.call('POST', '/v3/directline/conversations', { auth: randomSecretLike() });
    expect(res.status).toBe(401);
    expect(errorOf(res.body)?.message).toContain('no Direct Line secret');
  });
});

describe('a conversation with too many turns waiting', () => {
  it('refuses a message with 429 before echoing it: the log holds only what the bot received', async () => {
    const log = new MemoryActivityLog(3600_000);
    // No turn may wait behind a running one, so a second message while the first runs is refused.
    const queue = new TurnQueue(0);
    const received: string[] = [];
    let turnStarted!: () => void;
    const started = new Promise<void>((resolve) => (turnStarted = resolve));
    let finishTurn!: () => void;
    const held = new Promise<void>((resolve) => (finishTurn = resolve));
    const service = new DirectLineService({
      log,
      tokens: new DirectLineTokens(null, 1800, () => 0),
      deliver: queuedDelivery(queue, async (activity: Partial<BotActivity>) => {
        received.push(activity.text ?? '');
        turnStarted();
        await held;
      }),
      properties: { defaultId: PROPERTY, has: (id) => id === PROPERTY },
      bot: { id: 'majordome', name: 'Majordome' },
      serviceUrl: 'http://127.0.0.1/v3/directline',
      logger: memoryLogger().log,
    });
    const record = { conversationId: 'conv-busy-1', propertyId: PROPERTY, userId: 'dl_guest', createdAt: 0 };
    await log.create(record);
    const texts = async () => (await log.read(record.conversationId, null, 100)).activities.map((a) => a.text);

    const first = service.post(record, { type: 'message', text: 'first', channelData: { clientActivityID: 'c1' } });
    await started;
    // The running turn's echo is already there, before any reply.
    expect(await texts()).toEqual(['first']);

    const refused = await service.post(record, { type: 'message', text: 'flood', channelData: { clientActivityID: 'c2' } });
    expect(refused).toMatchObject({ status: 429, code: 'TooManyRequests' });
    expect(await texts()).toEqual(['first']);

    finishTurn();
    expect(await first).toEqual({ id: expect.stringMatching(/^conv-busy-1\|/) });
    // Once the queue has room again the next message is echoed and handled as usual.
    expect(await service.post(record, { type: 'message', text: 'later' })).toEqual({ id: expect.any(String) });
    expect(await texts()).toEqual(['first', 'later']);
    expect(received).toEqual(['first', 'later']);
  });
});

function randomSecretLike(): string {
  return 'a'.repeat(64);
}
