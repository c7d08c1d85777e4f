import { Redis } from 'ioredis';
import { DEFAULT_BOT_STATE_TTL_MS } from '../../../../adapters/store/bot-storage-conflict';
import { RedisBotStorage } from '../../../../adapters/store/redis/bot-storage';
import { runBotStorageContract } from '../../../contract/bot-storage-contract';
import { startRedisClusterNode } from '../../../support/redis-cluster';
import type { RedisServerHandle } from '../../../support/redis-server';
import { makeTestRedisStore, testRedisUrl, uniqueKeyPrefix } from '../../../support/redis-store';
import { createRedisStore } from '../../../../adapters/store/redis';

runBotStorageContract('redis', async ({ ttlMs }) => {
  const store = makeTestRedisStore('bot-storage');
  return { storage: new RedisBotStorage({ client: store.redis, keyPrefix: store.keyPrefix, ...(ttlMs === undefined ? {} : { ttlMs }) }), close: () => store.close() };
});

describe('RedisBotStorage', () => {
  it('keeps items under the store prefix, with the TTL, and shares the store connection', async () => {
    const store = makeTestRedisStore('bot-storage-keys');
    try {
      const storage = new RedisBotStorage({ client: store.redis, keyPrefix: store.keyPrefix });
      await storage.write({ 'emulator/conversations/c{1}:x': { v: 1 } });
      const keys = await store.redis.keys(`${store.keyPrefix}*`);
      expect(keys).toEqual([`${store.keyPrefix}bot:emulator/conversations/c%7B1%7D%3Ax`]);
      const ttl = await store.redis.pttl(keys[0] ?? '');
      expect(ttl).toBeGreaterThan(DEFAULT_BOT_STATE_TTL_MS - 60_000);
      expect(ttl).toBeLessThanOrEqual(DEFAULT_BOT_STATE_TTL_MS);
      // A second storage on the same connection (a second runtime) reuses the script.
      const again = new RedisBotStorage({ client: store.redis, keyPrefix: store.keyPrefix });
      expect((await again.read(['emulator/conversations/c{1}:x']))['emulator/conversations/c{1}:x']?.v).toBe(1);
    } finally {
      await store.close();
    }
    expect(store.redis.status).toBe('end');
  });

  it('sees what another instance wrote, and its eTag', async () => {
    const url = testRedisUrl();
    const keyPrefix = uniqueKeyPrefix('bot-two');
    const [one, two] = [new Redis(url), new Redis(url)];
    try {
      const a = new RedisBotStorage({ client: one, keyPrefix });
      const b = new RedisBotStorage({ client: two, keyPrefix });
      await a.write({ k: { step: 1 } });
      const seen = (await b.read(['k'])).k as Record<string, unknown>;
      await b.write({ k: { ...seen, step: 2 } });
      await expect(a.write({ k: { ...seen, step: 3 } })).rejects.toMatchObject({ code: 'etag_conflict', key: 'k' });
    } finally {
      one.disconnect();
      two.disconnect();
    }
  });
});

describe('RedisBotStorage on a Cluster', () => {
  let node: RedisServerHandle;
  beforeAll(async () => {
    node = await startRedisClusterNode();
  });
  afterAll(async () => {
    await node?.stop();
  });
  runBotStorageContract('redis cluster', async ({ ttlMs }) => {
    const store = createRedisStore({
      cluster: { nodes: [{ host: '127.0.0.1', port: node.port }], options: { redisOptions: { maxRetriesPerRequest: 2 } } },
      keyPrefix: uniqueKeyPrefix('bot-cluster'),
    });
    return { storage: new RedisBotStorage({ client: store.redis, keyPrefix: store.keyPrefix, ...(ttlMs === undefined ? {} : { ttlMs }) }), close: () => store.close() };
  });
});
