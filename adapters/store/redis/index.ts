import { Cluster, Redis, type ClusterNode, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { RedisClient } from './context';
import { checkKeyPrefix, DEFAULT_KEY_PREFIX } from './keys';
import { RedisStore } from './redis-store';
import { defineScripts } from './scripts';

export { RedisStore } from './redis-store';
export { DEFAULT_KEY_PREFIX, propertyBase } from './keys';

/** How long a hold's request id is remembered, as in the memory store. */
export const DEFAULT_REQUEST_MEMORY_MS = 24 * 3600 * 1000;

export interface RedisStoreOptions {
  /** `redis://host:port/db`; or give `redis` options, `cluster` nodes, or an existing `client`. */
  url?: string;
  redis?: RedisOptions;
  /** A Redis Cluster: each property's keys share the hash tag `{p:<id>}`, so one slot. */
  cluster?: { nodes: ClusterNode[]; options?: ClusterOptions };
  /** A connection (single or Cluster) owned by the caller: close() leaves it open. */
  client?: RedisClient;
  /** Prepended to every key (default `majordome:`); must not contain braces. */
  keyPrefix?: string;
  requestMemoryMs?: number;
}

export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const keyPrefix = checkKeyPrefix(options.keyPrefix ?? DEFAULT_KEY_PREFIX);
  if (options.redis?.keyPrefix) throw new Error('use createRedisStore({ keyPrefix }), not the ioredis keyPrefix option');
  if (options.cluster?.options?.redisOptions?.keyPrefix || options.cluster?.options?.keyPrefix) {
    throw new Error('use createRedisStore({ keyPrefix }), not the ioredis keyPrefix option');
  }
  let redis: RedisClient;
  if (options.client) redis = options.client;
  else if (options.cluster) redis = new Cluster(options.cluster.nodes, options.cluster.options);
  else if (options.url !== undefined) redis = new Redis(options.url, options.redis ?? {});
  else if (options.redis) redis = new Redis(options.redis);
  else throw new Error('createRedisStore needs a url, redis options, cluster nodes or a client');
  const scripts = defineScripts(redis);
  const ctx = { redis, scripts, keyPrefix, requestMemoryMs: options.requestMemoryMs ?? DEFAULT_REQUEST_MEMORY_MS };
  return new RedisStore(ctx, options.client === undefined);
}
