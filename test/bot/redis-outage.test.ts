import { guestMessage } from '../bench/support/guest-activity';
import { startRestartableRedis, type RestartableRedis } from '../support/redis-server';
import { uniqueKeyPrefix } from '../support/redis-store';
import { startTestBot, type TestBot } from './messages-support';

/** Resolves when `check` holds; jest's timeout bounds the wait. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 50));
}

const json = async (url: string): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/**
 * Redis stopped and started under a conversation (append-only file on, so its data comes back):
 * the guest is told at once in their language, health says what is wrong, and once Redis is back
 * the redelivered message runs exactly once, on the state the conversation had.
 */
describe('a Redis outage in the middle of a conversation', () => {
  jest.setTimeout(90_000);
  let redis: RestartableRedis;
  let bot: TestBot;
  beforeAll(async () => {
    redis = await startRestartableRedis();
    bot = await startTestBot({ config: { redis: { kind: 'single', url: redis.url }, redisKeyPrefix: uniqueKeyPrefix('outage') } });
  });
  afterAll(async () => {
    await bot?.close();
    await redis?.stop();
  });

  const say = async (conversationId: string, text: string, activityId?: string) => {
    const activity = guestMessage({ serviceUrl: bot.capture.url, conversationId, text, locale: 'fr-FR', ...(activityId ? { activityId } : {}) });
    const res = await bot.post(activity);
    return { status: res.status, replies: bot.capture.repliesTo(activity.id).map((r) => r.activity.text ?? ''), id: activity.id };
  };

  it('tells the guest within seconds, reports it on /health and /ready, then runs the redelivered message once on the kept state', async () => {
    const conversation = 'c-outage';
    const search = await say(conversation, 'Avez-vous une chambre du 12 au 15 décembre pour 2 adultes ?');
    expect(search.status).toBe(200);
    expect(search.replies.join('\n')).toContain('Voici nos disponibilités');
    expect((await json(`${bot.base}/ready`)).status).toBe(200);

    // A web chat guest of the same instance, with a conversation open.
    const dl = async (method: string, path: string, auth: string, body?: unknown) => {
      const res = await fetch(`${bot.base}${path}`, { method, headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Record<string, unknown> };
    };
    const tokenRes = await fetch(`${bot.base}/webchat/token`, { method: 'POST', headers: { origin: bot.base, 'content-type': 'application/json' }, body: JSON.stringify({ property: 'chateau-de-vauclair', locale: 'fr' }) });
    const { token, conversationId } = (await tokenRes.json()) as { token: string; conversationId: string };
    const activities = `/v3/directline/conversations/${conversationId}/activities`;
    const question = { type: 'message', text: 'Avez-vous une chambre ?', channelData: { clientActivityID: 'cli-outage' } };
    expect((await dl('POST', activities, token, { type: 'message', text: 'Bonjour', channelData: { clientActivityID: 'cli-hello' } })).status).toBe(200);

    await redis.kill();
    // Not "expired": the store is away, the conversation is not gone, and the client is told when to come back.
    const refused = await dl('POST', activities, token, question);
    expect(refused).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/), body: { error: { code: 'ServiceUnavailable' } } });
    const started = Date.now();
    const during = await say(conversation, 'la première', 'msg-during-outage');
    const tookMs = Date.now() - started;
    expect(during.status).toBe(200);
    expect(during.replies).toEqual(['Désolé, nous rencontrons un problème technique. Merci de réessayer dans une minute : je reprendrai là où nous en étions.']);
    // A few seconds at most (the store's command deadline is 2.5 s); far from a hung turn.
    expect(tookMs).toBeLessThan(15_000);

    const health = await json(`${bot.base}/health`);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', store: 'redis', storeConnection: expect.stringMatching(/unreachable|connecting/) });
    const ready = await json(`${bot.base}/ready`);
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', checks: expect.arrayContaining([expect.objectContaining({ name: 'store', ok: false })]) });

    await redis.restart();
    await eventually(async () => (await json(`${bot.base}/ready`)).status === 200);

    // The channel delivers the same message again: it runs now, on the offers the guest saw before.
    const retried = await say(conversation, 'la première', 'msg-during-outage');
    expect(retried.status).toBe(200);
    const answer = bot.capture.repliesTo('msg-during-outage').map((r) => r.activity.text ?? '');
    expect(answer.length).toBeGreaterThan(1);
    expect(answer.slice(1).join('\n')).not.toMatch(/problème technique|didn't understand|pas compris/);

    // The web chat guest sends the same message again: it is in the transcript once, and answered.
    expect((await dl('POST', activities, token, question)).status).toBe(200);
    const transcript = (await dl('GET', activities, token)).body.activities as { text?: string; from: { role?: string } }[];
    expect(transcript.filter((a) => a.text === 'Avez-vous une chambre ?')).toHaveLength(1);
    expect(transcript.at(-1)?.from.role).toBe('bot');

    // And once more: nothing new is said.
    const before = bot.capture.repliesTo('msg-during-outage').length;
    const again = await say(conversation, 'la première', 'msg-during-outage');
    expect(again.status).toBe(200);
    expect(bot.capture.repliesTo('msg-during-outage')).toHaveLength(before);
    expect(bot.logLines()).toContain('message delivered again; already handled or in hand, skipped');
  });
});
