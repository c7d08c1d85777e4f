import type { Cluster, Redis } from 'ioredis';
import { propertyBase } from './keys';
import type { StoreScripts } from './scripts';

/** What the inventory, booking and guest parts of the Redis store share. */
/** A single server or a Cluster: every script touches one property, so one slot. */
export type RedisClient = Redis | Cluster;

export interface RedisContext {
  readonly redis: RedisClient;
  readonly scripts: StoreScripts;
  readonly keyPrefix: string;
  /** How long a hold request id is remembered (ms). */
  readonly requestMemoryMs: number;
}

export function baseOf(ctx: RedisContext, propertyId: string): string {
  return propertyBase(ctx.keyPrefix, propertyId);
}
