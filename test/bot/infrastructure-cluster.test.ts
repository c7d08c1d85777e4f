import type { RedisServerHandle } from '../support/redis-server';
import { startRedisClusterNode } from '../support/redis-cluster';
import { uniqueKeyPrefix } from '../support/redis-store';
import { FRENCH_SEARCH, startWebchatApp, type WebchatTestApp } from '../adapters/channels/webchat/webchat-support';

/**
 * Redis Cluster is configuration, not a code path: the same app, given cluster nodes instead of
 * a URL, keeps its store, bot state, web chat log, processed ids, rate limits and queues there.
 */
describe('the whole app on a Redis Cluster', () => {
  jest.setTimeout(60_000);
  let node: RedisServerHandle;
  let s: WebchatTestApp;
  beforeAll(async () => {
    node = await startRedisClusterNode();
    s = await startWebchatApp({ config: { redis: { kind: 'cluster', nodes: [{ host: '127.0.0.1', port: node.port }] }, redisKeyPrefix: uniqueKeyPrefix('cluster-app') } });
  });
  afterAll(async () => {
    await s?.close();
    await node?.stop();
  });

  it('is ready on every part, and answers a French guest through Direct Line', async () => {
    const ready = await s.call('GET', '/ready');
    expect(ready).toMatchObject({ status: 200, body: { status: 'ready' } });
    expect((ready.body as { checks: { name: string; ok: boolean }[] }).checks.map((c) => [c.name, c.ok])).toEqual([
      ['store', true],
      ['webchat-pubsub', true],
      ['queues', true],
    ]);
    expect((await s.call('GET', '/health')).body).toMatchObject({ store: 'redis', storeConnection: 'ready' });

    const { conversationId, token } = await s.widgetToken('fr');
    const posted = await s.call('POST', `/v3/directline/conversations/${conversationId}/activities`, { auth: token, body: { type: 'message', text: FRENCH_SEARCH, channelData: { clientActivityID: 'cli-cluster-1' } } });
    expect(posted.status).toBe(200);
    const log = await s.call('GET', `/v3/directline/conversations/${conversationId}/activities`, { auth: token });
    const said = (log.body as { activities: { text?: string; from: { role?: string } }[] }).activities.filter((a) => a.from.role === 'bot').map((a) => a.text ?? '');
    expect(said.join('\n')).toContain('Voici nos disponibilités');
  });
});
