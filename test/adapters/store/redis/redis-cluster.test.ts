import { Cluster } from 'ioredis';
import { createRedisStore, type RedisStore } from '../../../../adapters/store/redis';
import { withShebang } from '../../../../adapters/store/redis/scripts';
import { freshPropertyId, holdRequest, T0 } from '../../../contract/fixtures';
import { runStoreContract } from '../../../contract/store-contract';
import { keySlot, startRedisClusterNode } from '../../../support/redis-cluster';
import type { RedisServerHandle } from '../../../support/redis-server';
import { uniqueKeyPrefix } from '../../../support/redis-store';

/**
 * Cluster mode refuses a script (declared with a shebang, as ours are) that touches a key
 * outside the slot of its declared key, so the whole contract passing here shows that every
 * script stays inside `{p:<propertyId>}`.
 */
let node: RedisServerHandle;
beforeAll(async () => {
  node = await startRedisClusterNode();
});
afterAll(async () => {
  await node?.stop();
});

function clusterStore(): RedisStore {
  return createRedisStore({
    cluster: { nodes: [{ host: '127.0.0.1', port: node.port }], options: { redisOptions: { maxRetriesPerRequest: 2 } } },
    keyPrefix: uniqueKeyPrefix('cluster'),
  });
}

runStoreContract('redis cluster', async () => clusterStore());

describe('Redis Cluster', () => {
  it('keeps a property in the slot of its hash tag', async () => {
    const store = clusterStore();
    try {
      const p = freshPropertyId();
      expect((await store.hold(holdRequest(p, { holdId: 'h1' }))).ok).toBe(true);
      await store.confirmHold({ propertyId: p, holdId: 'h1', bookingId: 'b1', now: T0 });
      const base = `${store.keyPrefix}{p:${p}}:`;
      const cluster = store.redis;
      if (!(cluster instanceof Cluster)) throw new Error('expected a Cluster client');
      const slot = Number(await cluster.call('CLUSTER', 'KEYSLOT', base));
      expect(slot).toBe(keySlot(base));
      const keys = (await cluster.call('CLUSTER', 'GETKEYSINSLOT', String(slot), '100')) as string[];
      expect(keys.filter((k) => k.startsWith(base)).sort()).toEqual([`${base}c:b1`, `${base}n:u1:2027-02`, `${base}r:r-h1`]);
      // The guard is real: a script like ours that strays from the declared slot is refused,
      // while keys it builds inside the slot are fine.
      const probe = (name: string, lua: string): Promise<unknown> => {
        cluster.defineCommand(name, { numberOfKeys: 1, lua: withShebang(lua, true) });
        const fn: unknown = Reflect.get(cluster, name);
        if (typeof fn !== 'function') throw new Error('no probe');
        return (fn as (key: string) => Promise<unknown>).call(cluster, base);
      };
      await expect(probe('strayProbe', "return redis.call('GET', 'somewhere-else')")).rejects.toThrow(/same slot/);
      expect(await probe('inSlotProbe', "return redis.call('EXISTS', KEYS[1] .. 'n:u1:2027-02')")).toBe(1);
    } finally {
      await store.close();
    }
  });
});
