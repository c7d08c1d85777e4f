import type { Storage } from 'botbuilder';
import { MemoryBotStorage } from '../adapters/store/memory/bot-storage';
import { RedisStore } from '../adapters/store/redis';
import { RedisBotStorage } from '../adapters/store/redis/bot-storage';
import type { Store } from '../domain/ports';

/**
 * Bot state lives where the rest of the data lives: in Redis when the store is Redis (on its
 * connection and key prefix, so every instance sees every conversation), in memory otherwise.
 */
export function createBotStorage(store: Store, ttlMs: number): Storage {
  if (store instanceof RedisStore) return new RedisBotStorage({ client: store.redis, keyPrefix: store.keyPrefix, ttlMs });
  if (store.kind === 'redis') throw new Error('a Redis store must be a RedisStore to hold bot state on its connection');
  return new MemoryBotStorage({ ttlMs });
}
