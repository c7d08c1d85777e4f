import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { RedisClient } from './context';
import { checkKeyPrefix, DEFAULT_KEY_PREFIX, escapeKeyPart } from './keys';
import { BotStorageConflictError, DEFAULT_BOT_STATE_TTL_MS } from '../bot-storage-conflict';

/**
 * Check-and-set of one item, atomic in Redis. An expected eTag that is not the stored one,
 * including for an item that no longer exists, is a conflict. Each write restarts the TTL.
 * KEYS[1] the item's hash (e eTag, j JSON); ARGV expected eTag ('' = unconditional), new eTag, JSON, TTL ms.
 */
const WRITE_LUA = `
local current = redis.call('HGET', KEYS[1], 'e')
if ARGV[1] ~= '' and current ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'e', ARGV[2], 'j', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`;

type WriteCall = (key: string, expected: string, eTag: string, json: string, ttlMs: string) => Promise<unknown>;

export interface RedisBotStorageOptions {
  /** The store's own connection (single or Cluster): bot state lives beside everything else. */
  client: RedisClient;
  /** The store's key prefix; items live under `<prefix>bot:`. */
  keyPrefix?: string;
  /** How long an item lives after its last write. */
  ttlMs?: number;
}

/**
 * Conversation and user state in Redis (botbuilder `Storage`), so several bot instances share
 * them. Every item is one hash `<prefix>bot:<key>` (key %-escaped, so no stray hash tag) and
 * every command touches one key, so it works on a Cluster too. A write of several items checks
 * and writes each one atomically, but not all of them together (as botbuilder's Cosmos and
 * Blob storages): BotState writes one item per call. A successful write puts the new eTag on
 * the written item, so a second save in the same turn is not a self-conflict. The connection
 * belongs to the store: this class never closes it.
 */
export class RedisBotStorage implements Storage {
  private readonly redis: RedisClient;
  private readonly base: string;
  private readonly ttlMs: number;
  private readonly writeItem: WriteCall;

  constructor(options: RedisBotStorageOptions) {
    this.redis = options.client;
    this.base = `${checkKeyPrefix(options.keyPrefix ?? DEFAULT_KEY_PREFIX)}bot:`;
    this.ttlMs = options.ttlMs ?? DEFAULT_BOT_STATE_TTL_MS;
    if (!Number.isInteger(this.ttlMs) || this.ttlMs <= 0) throw new Error('RedisBotStorage: ttlMs must be a positive integer');
    const command = 'majordome_botStorageWrite';
    // defineCommand is idempotent per connection; EVALSHA with a fallback to EVAL on NOSCRIPT.
    if (typeof Reflect.get(this.redis, command) !== 'function') this.redis.defineCommand(command, { lua: WRITE_LUA, numberOfKeys: 1 });
    const fn: unknown = Reflect.get(this.redis, command);
    if (typeof fn !== 'function') throw new Error(`ioredis did not define ${command}`);
    this.writeItem = fn.bind(this.redis) as WriteCall;
  }

  /** The Redis key of a storage key; for tests and operators. */
  redisKey(key: string): string {
    return this.base + escapeKeyPart(key);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const found = await Promise.all(keys.map((key) => this.redis.hmget(this.redisKey(key), 'e', 'j')));
    const out: StoreItems = {};
    keys.forEach((key, i) => {
      const [eTag, json] = found[i] ?? [];
      if (typeof eTag === 'string' && typeof json === 'string') out[key] = { ...(JSON.parse(json) as object), eTag };
    });
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    const writes = Object.keys(changes).map((key) => {
      const item: unknown = changes[key];
      if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new TypeError(`Storage: item "${key}" must be an object`);
      return { key, item: item as Record<string, unknown> };
    });
    await Promise.all(
      writes.map(async ({ key, item }) => {
        const { eTag: expected, ...data } = item;
        // Random, not a per-key counter: an item deleted and written again must not reuse an eTag an old turn still holds.
        const eTag = randomUUID();
        const expectedETag = typeof expected === 'string' && expected !== '*' ? expected : '';
        const written = await this.writeItem(this.redisKey(key), expectedETag, eTag, JSON.stringify(data), String(this.ttlMs));
        if (written !== 1) throw new BotStorageConflictError(key);
        item.eTag = eTag;
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    // One DEL per key: on a Cluster, keys of different conversations live in different slots.
    await Promise.all(keys.map((key) => this.redis.del(this.redisKey(key))));
  }
}
