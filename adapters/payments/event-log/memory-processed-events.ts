import type { ProcessedEvents } from '../../../domain/payments/event-log';

/** One process's memory of handled event ids; entries lapse like the Redis keys do. */
export class MemoryProcessedEvents implements ProcessedEvents {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly claimMs = 5 * 60_000,
    private readonly retentionMs = 30 * 24 * 3600_000,
  ) {}

  async claim(eventId: string): Promise<boolean> {
    const now = this.now();
    for (const [id, until] of this.until) if (until <= now) this.until.delete(id);
    if (this.until.has(eventId)) return false;
    this.until.set(eventId, now + this.claimMs);
    return true;
  }

  async done(eventId: string): Promise<void> {
    this.until.set(eventId, this.now() + this.retentionMs);
  }

  async release(eventId: string): Promise<void> {
    this.until.delete(eventId);
  }
}
