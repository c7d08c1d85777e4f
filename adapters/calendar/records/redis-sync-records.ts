import type { Cluster, Redis } from 'ioredis';
import { doubleBookingKey, type CalendarSyncRecords, type DoubleBooking, type FeedStatus } from '../../../domain/calendar/sync-ports';
import { parseDoubleBooking, parseFeedStatus } from './record-schemas';

/**
 * Replaces the open double bookings of one feed and appends the new ones to the property's
 * log, in one step: two instances importing at once cannot both alert about the same one.
 * KEYS[1] open hash, KEYS[2] log list; ARGV[1] log limit, then key, json pairs.
 * An open one keeps its first sighting; only its nights follow the feed.
 */
const SYNC_DOUBLE_BOOKINGS_LUA = `
local old = {}
local flat = redis.call('HGETALL', KEYS[1])
for i = 1, #flat, 2 do old[flat[i]] = flat[i + 1] end
redis.call('DEL', KEYS[1])
local fresh = {}
for i = 2, #ARGV, 2 do
  local key, json = ARGV[i], ARGV[i + 1]
  local keep = json
  if old[key] then
    local record = cjson.decode(old[key])
    record.nights = cjson.decode(json).nights
    keep = cjson.encode(record)
  else
    fresh[#fresh + 1] = json
  end
  redis.call('HSET', KEYS[1], key, keep)
end
for _, json in ipairs(fresh) do redis.call('LPUSH', KEYS[2], json) end
if #fresh > 0 then redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[1]) - 1) end
return fresh
`;

/**
 * Sync records in the shared Redis, so every instance sees the same validators, failure
 * counts and open double bookings. Keys carry the property's hash tag `{p:<id>}`, like the
 * store's, so a property's keys stay in one Cluster slot.
 */
export class RedisSyncRecords implements CalendarSyncRecords {
  constructor(
    private readonly redis: Redis | Cluster,
    private readonly keyPrefix: string,
    private readonly logLimit = 1000,
  ) {}

  private base(propertyId: string): string {
    return `${this.keyPrefix}{p:${propertyId}}:ical:`;
  }

  async getFeedStatus(propertyId: string, unitId: string, feedId: string): Promise<FeedStatus | null> {
    const raw = await this.redis.get(`${this.base(propertyId)}status:${unitId}:${feedId}`);
    return raw === null ? null : parseFeedStatus(raw);
  }

  async saveFeedStatus(propertyId: string, unitId: string, feedId: string, status: FeedStatus): Promise<void> {
    await this.redis.set(`${this.base(propertyId)}status:${unitId}:${feedId}`, JSON.stringify(status));
  }

  async syncDoubleBookings(propertyId: string, unitId: string, feedId: string, current: DoubleBooking[]): Promise<DoubleBooking[]> {
    const base = this.base(propertyId);
    const args = current.flatMap((d) => [doubleBookingKey(d), JSON.stringify(d)]);
    const fresh = await this.redis.eval(SYNC_DOUBLE_BOOKINGS_LUA, 2, `${base}open:${unitId}:${feedId}`, `${base}double-bookings`, String(this.logLimit), ...args);
    return (Array.isArray(fresh) ? fresh : []).map((json) => parseDoubleBooking(String(json)));
  }

  async listDoubleBookings(propertyId: string, limit = 100): Promise<DoubleBooking[]> {
    const raw = await this.redis.lrange(`${this.base(propertyId)}double-bookings`, 0, Math.max(0, limit - 1));
    return raw.map(parseDoubleBooking);
  }
}
