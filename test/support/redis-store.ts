import { randomUUID } from 'node:crypto';
import { createRedisStore, type RedisStore, type RedisStoreOptions } from '../../adapters/store/redis';
import { REDIS_URL_ENV } from './redis-global-setup';

/** The private server started by jest's globalSetup. */
export function testRedisUrl(): string {
  const url = process.env[REDIS_URL_ENV];
  if (!url) {
    throw new Error(`${REDIS_URL_ENV} is not set: run the Redis tests through jest (its globalSetup starts a private redis-server).`);
  }
  if (/:6379(\/|$)/.test(url)) throw new Error(`refusing to test against the shared Redis on 6379 (${url})`);
  return url;
}

/** A key prefix nobody else uses: tests sharing the server never see each other's keys. */
export function uniqueKeyPrefix(label = 'test'): string {
  return `mjt:${label.replace(/[^a-zA-Z0-9_-]/g, '_')}:${process.pid}:${randomUUID().slice(0, 8)}:`;
}

/** A store on the private server with a fresh key prefix; close it when done. */
export function makeTestRedisStore(label = 'test', options: Omit<RedisStoreOptions, 'url' | 'keyPrefix'> = {}): RedisStore {
  return createRedisStore({ ...options, url: testRedisUrl(), keyPrefix: uniqueKeyPrefix(label) });
}

/** App settings that put everything on the private server, under a fresh key prefix. */
export function testRedisConfig(label = 'test'): { redis: { kind: 'single'; url: string }; redisKeyPrefix: string } {
  return { redis: { kind: 'single', url: testRedisUrl() }, redisKeyPrefix: uniqueKeyPrefix(label) };
}
