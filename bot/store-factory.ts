import { createMemoryStore } from '../adapters/store/memory';
import { createRedisStore } from '../adapters/store/redis';
import type { Store } from '../domain/ports';
import type { Config } from './config';

/** Redis when configured, so several instances share one stock; memory otherwise. */
export function createStore(config: Pick<Config, 'redisUrl' | 'redisKeyPrefix'>): Store {
  if (config.redisUrl) return createRedisStore({ url: config.redisUrl, keyPrefix: config.redisKeyPrefix });
  return createMemoryStore();
}
