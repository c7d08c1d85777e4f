import { RateLimiterMemory } from 'rate-limiter-flexible';
import { MemoryActivityLog } from '../../adapters/channels/webchat/memory-activity-log';
import { MemorySyncRecords } from '../../adapters/calendar/records/memory-sync-records';
import { MemoryProcessedEvents } from '../../adapters/payments/event-log/memory-processed-events';
import { createMemoryStore } from '../../adapters/store/memory';
import { MemoryBotStorage } from '../../adapters/store/memory/bot-storage';
import { MemoryBookingTimers } from '../../adapters/timers/memory-booking-timers';
import type { Store } from '../../domain/ports';
import type { Config } from '../config';
import { startFeedScheduler } from '../jobs/feed-scheduler';
import type { Logger } from '../logger';
import type { Infrastructure } from './infrastructure';
import { readinessOf } from './readiness';

/** Everything in this process: one instance, nothing to connect to, always ready. */
export function createMemoryInfrastructure(config: Config, log: Logger, keptStore?: Store): Infrastructure {
  const store = keptStore ?? createMemoryStore();
  const activityLog = new MemoryActivityLog(config.webchat.logTtlMs);
  const processed = new Map<string, MemoryProcessedEvents>();
  return {
    kind: 'memory',
    store,
    botStorage: new MemoryBotStorage({ ttlMs: config.bot.stateTtlMs }),
    activityLog,
    syncRecords: new MemorySyncRecords(),
    processedIds: (scope, timing = {}) => {
      const key = `${scope}\u0000${timing.claimMs ?? ''}\u0000${timing.retentionMs ?? ''}`;
      let ids = processed.get(key);
      if (!ids) {
        ids = new MemoryProcessedEvents(() => Date.now(), timing.claimMs, timing.retentionMs);
        processed.set(key, ids);
      }
      return ids;
    },
    rateLimiter: (limit) => new RateLimiterMemory({ keyPrefix: limit.name, points: limit.points, duration: limit.durationSeconds }),
    bookingTimers: async (clock, handler) => new MemoryBookingTimers(clock, handler, log),
    recurringJobs: async (_name, jobs, run, options) => startFeedScheduler(jobs, run, options ?? {}),
    readiness: async () => readinessOf([{ name: 'store', ok: true }]),
    storeState: () => 'memory',
    close: async () => {
      await activityLog.close();
      // A store the caller passed in is theirs to keep; ours has nothing to release either.
      if (!keptStore) await store.close();
    },
  };
}
