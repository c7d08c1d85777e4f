import type { Cluster, Redis } from 'ioredis';
import type { ProcessedEvents } from '../../../domain/payments/event-log';

/**
 * Handled event ids in Redis, shared by every instance: `SET NX` with a TTL claims an id. Keys
 * carry their source as a hash tag (`{stripe}`) so they live in one cluster slot, apart from the properties'.
 * A claim lapses after `claimMs` if its holder dies mid-way, so the provider's retry gets through.
 */
export class RedisProcessedEvents implements ProcessedEvents {
  constructor(
    private readonly redis: Redis | Cluster,
    private readonly keyPrefix: string,
    private readonly claimMs = 5 * 60_000,
    private readonly retentionMs = 30 * 24 * 3600_000,
    /** The source of the ids (`stripe`, a channel…); also the hash tag, so one slot per source. */
    private readonly scope = 'stripe',
  ) {}

  private key(eventId: string): string {
    return `${this.keyPrefix}{${this.scope}}:event:${eventId}`;
  }

  async claim(eventId: string): Promise<boolean> {
    return (await this.redis.set(this.key(eventId), 'processing', 'PX', this.claimMs, 'NX')) === 'OK';
  }

  async done(eventId: string): Promise<void> {
    await this.redis.set(this.key(eventId), 'done', 'PX', this.retentionMs);
  }

  async release(eventId: string): Promise<void> {
    await this.redis.del(this.key(eventId));
  }
}
