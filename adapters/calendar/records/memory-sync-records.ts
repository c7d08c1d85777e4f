import { doubleBookingKey, type CalendarSyncRecords, type DoubleBooking, type FeedStatus } from '../../../domain/calendar/sync-ports';

/** Sync records in process memory, beside the memory store: lost on restart, like it. */
export class MemorySyncRecords implements CalendarSyncRecords {
  private readonly statuses = new Map<string, FeedStatus>();
  /** propertyId|unitId|feedId → key → open double booking */
  private readonly open = new Map<string, Map<string, DoubleBooking>>();
  private readonly log = new Map<string, DoubleBooking[]>();

  constructor(private readonly logLimit = 1000) {}

  private key(propertyId: string, unitId: string, feedId: string): string {
    return `${propertyId}\u0000${unitId}\u0000${feedId}`;
  }

  async getFeedStatus(propertyId: string, unitId: string, feedId: string): Promise<FeedStatus | null> {
    const found = this.statuses.get(this.key(propertyId, unitId, feedId));
    return found ? structuredClone(found) : null;
  }

  async saveFeedStatus(propertyId: string, unitId: string, feedId: string, status: FeedStatus): Promise<void> {
    this.statuses.set(this.key(propertyId, unitId, feedId), structuredClone(status));
  }

  async syncDoubleBookings(propertyId: string, unitId: string, feedId: string, current: DoubleBooking[]): Promise<DoubleBooking[]> {
    const k = this.key(propertyId, unitId, feedId);
    const before = this.open.get(k) ?? new Map<string, DoubleBooking>();
    const after = new Map<string, DoubleBooking>();
    const fresh: DoubleBooking[] = [];
    for (const d of current) {
      const id = doubleBookingKey(d);
      // An open one keeps its first sighting; only its nights follow the feed.
      const previous = before.get(id);
      after.set(id, previous ? { ...previous, nights: [...d.nights] } : structuredClone(d));
      if (!previous) fresh.push(structuredClone(d));
    }
    if (after.size) this.open.set(k, after);
    else this.open.delete(k);
    if (fresh.length) {
      const log = this.log.get(propertyId) ?? [];
      log.unshift(...fresh.map((d) => structuredClone(d)).reverse());
      log.length = Math.min(log.length, this.logLimit);
      this.log.set(propertyId, log);
    }
    return fresh;
  }

  async listDoubleBookings(propertyId: string, limit = 100): Promise<DoubleBooking[]> {
    return (this.log.get(propertyId) ?? []).slice(0, limit).map((d) => structuredClone(d));
  }
}
