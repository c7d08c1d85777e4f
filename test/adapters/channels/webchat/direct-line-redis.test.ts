import { RedisStore } from '../../../../adapters/store/redis';
import { RedisActivityLog } from '../../../../adapters/channels/webchat/redis-activity-log';
import { FakeClock } from '../../../fakes/clock';
import { testRedisUrl, uniqueKeyPrefix } from '../../../support/redis-store';
import { randomSecret, startWebchatApp, StreamClient, type WebchatTestApp } from './webchat-support';

/**
 * Two instances on one Redis, as behind a load balancer: the guest's stream is on one, their
 * messages land on the other, and the replies still reach them.
 */
describe('Direct Line on Redis, across instances', () => {
  const secret = randomSecret();
  const prefix = uniqueKeyPrefix('webchat');
  let a: WebchatTestApp;
  let b: WebchatTestApp;
  beforeAll(async () => {
    const clock = new FakeClock(Date.parse('2027-11-20T09:00:00Z'));
    a = await startWebchatApp({ config: { redis: { kind: 'single', url: testRedisUrl() }, redisKeyPrefix: prefix }, webchat: { secret }, clock });
    b = await startWebchatApp({ config: { redis: { kind: 'single', url: testRedisUrl() }, redisKeyPrefix: prefix }, webchat: { secret }, clock });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('a stream on one instance receives the replies produced by the other', async () => {
    expect(a.app.webchat.log.kind).toBe('redis');
    const { conversationId, token } = await a.widgetToken('en');
    expect((await a.call('POST', '/v3/directline/conversations', { auth: token })).status).toBe(201);

    const resumed = (await b.call('GET', `/v3/directline/conversations/${conversationId}`, { auth: token })).body as { streamUrl: string };
    expect(resumed.streamUrl).toContain(b.base.slice('http://'.length));
    const stream = await StreamClient.open(resumed.streamUrl, { origin: b.origin });
    if (!(stream instanceof StreamClient)) throw new Error(`refused: ${JSON.stringify(stream)}`);
    try {
      // The greeting made on A, replayed by B.
      await stream.waitFor((x) => x.length >= 1);
      expect(stream.activities[0]?.text).toContain('Welcome');

      const posted = await a.call('POST', `/v3/directline/conversations/${conversationId}/activities`, { auth: token, body: { type: 'message', text: 'help', channelData: { clientActivityID: 'x-1' } } });
      expect(posted.status).toBe(200);
      const { id } = posted.body as { id: string };
      await stream.waitFor((x) => x.some((act) => act.replyToId === id));
      expect(stream.activities[1]).toMatchObject({ id, channelData: { clientActivityID: 'x-1' } });

      // Polling B from the start gives the same log.
      const polled = (await b.call('GET', `/v3/directline/conversations/${conversationId}/activities`, { auth: token })).body as { activities: { id: string }[] };
      expect(polled.activities.map((x) => x.id)).toEqual(stream.activities.map((x) => x.id));
    } finally {
      stream.close();
    }

    // The log's keys: under the prefix, one hash tag per conversation, with a TTL.
    const log = a.app.webchat.log;
    if (!(log instanceof RedisActivityLog)) throw new Error('expected the Redis log');
    const keys = log.keys(conversationId);
    expect(keys.activities).toBe(`${prefix}dl:{${conversationId}}:a`);
    const store = a.app.deps.store;
    if (!(store instanceof RedisStore)) throw new Error('expected the Redis store');
    expect(await store.redis.pttl(keys.activities)).toBeGreaterThan(0);
    expect(await store.redis.pttl(keys.record)).toBeGreaterThan(0);
  });

  it('a notice told on one instance reaches a stream open on the other', async () => {
    const { conversationId, token } = await b.widgetToken('fr');
    const started = (await b.call('POST', '/v3/directline/conversations', { auth: token })).body as { streamUrl: string };
    const stream = await StreamClient.open(started.streamUrl);
    if (!(stream instanceof StreamClient)) throw new Error('refused');
    try {
      await stream.waitFor((x) => x.length >= 1);
      await a.app.webchat.service.tellLater(conversationId, [{ type: 'message', text: 'notice' }]);
      await stream.waitFor((x) => x.some((act) => act.text === 'notice'));
      expect(stream.activities.at(-1)).toMatchObject({ text: 'notice', from: { role: 'bot' } });
    } finally {
      stream.close();
    }
  });
});

describe('Direct Line on Redis without a secret', () => {
  const prefix = uniqueKeyPrefix('webchat-nosecret');
  let a: WebchatTestApp;
  let b: WebchatTestApp;
  beforeAll(async () => {
    a = await startWebchatApp({ config: { redis: { kind: 'single', url: testRedisUrl() }, redisKeyPrefix: prefix } });
    b = await startWebchatApp({ config: { redis: { kind: 'single', url: testRedisUrl() }, redisKeyPrefix: prefix } });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it("each instance signs with its own key, so one refuses the other's tokens (why several instances need DIRECT_LINE_SECRET)", async () => {
    const { conversationId, token } = await a.widgetToken();
    expect((await a.call('GET', `/v3/directline/conversations/${conversationId}/activities`, { auth: token })).status).toBe(200);
    expect((await b.call('GET', `/v3/directline/conversations/${conversationId}/activities`, { auth: token })).status).toBe(401);
    expect(a.logLines()).toContain('DIRECT_LINE_SECRET is not set');
  });
});
