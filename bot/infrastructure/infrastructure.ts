import type { Storage } from 'botbuilder';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ActivityLog } from '../../adapters/channels/webchat/activity-log';
import type { TimerHandler } from '../../adapters/timers/timer-handler';
import type { CalendarSyncRecords } from '../../domain/calendar/sync-ports';
import type { ProcessedEvents } from '../../domain/payments/event-log';
import type { BookingTimers, Clock, Store } from '../../domain/ports';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { createMemoryInfrastructure } from './memory-infrastructure';
import { createRedisInfrastructure } from './redis-infrastructure';
import type { Readiness } from './readiness';

/** Booking deadlines, started: the app may run the due ones now (a clock set forward) and stop them. */
export type StartedTimers = BookingTimers & { runDue(): Promise<number>; close(): Promise<void> };

/** A periodic job per key (a calendar feed), run once per period across every instance. */
export interface RecurringJobs {
  stop(): Promise<void>;
}

export interface RecurringJob {
  key: string;
  everyMs: number;
}

export interface ClaimTiming {
  claimMs?: number;
  retentionMs?: number;
}

/** How many actions a key may take in a window; `name` keeps limiters apart in a shared store. */
export interface RateLimit {
  name: string;
  points: number;
  durationSeconds: number;
}

/**
 * Everything that holds shared state or time, built once from the configuration: in this
 * process's memory by default, in Redis (one server or a Cluster) when configured. The rest
 * of the app is handed these and never asks which it got.
 */
export interface Infrastructure {
  readonly kind: 'memory' | 'redis';
  readonly store: Store;
  /** Conversation and user state of the bot, beside the store's data. */
  readonly botStorage: Storage;
  /** The web chat transcripts (Direct Line's activity log). */
  readonly activityLog: ActivityLog;
  /** Calendar sync's feed statuses and double-booking records. */
  readonly syncRecords: CalendarSyncRecords;
  /**
   * Ids already handled for one source (`stripe`, a channel's message ids…), claimed before work
   * and marked done after. A claim lapses after `claimMs` (its holder died mid-way), a done id
   * after `retentionMs`.
   */
  processedIds(scope: string, timing?: ClaimTiming): ProcessedEvents;
  /** A limiter whose counts every instance shares when the store is shared. */
  rateLimiter(limit: RateLimit): RateLimiterAbstract;
  /** Booking deadlines: BullMQ delayed jobs on Redis, in-process timers in memory. */
  bookingTimers(clock: Clock, handler: TimerHandler): Promise<StartedTimers>;
  /** Calendar feed refreshes: BullMQ job schedulers on Redis, in-process intervals in memory. */
  recurringJobs(name: string, jobs: RecurringJob[], run: (key: string) => Promise<void>, options?: { firstDelayMs?: (index: number) => number }): Promise<RecurringJobs>;
  /** Whether the shared state can be reached now, part by part; never throws, answers within about a second. */
  readiness(): Promise<Readiness>;
  /** The store connection's state as last seen, without a round trip: for liveness. */
  storeState(): 'memory' | 'ready' | 'connecting' | 'unreachable';
  /** Closes the connections it opened, after everything that uses them has stopped. */
  close(): Promise<void>;
}

export interface InfrastructureOptions {
  /** A memory store the caller keeps across app restarts (tests of what survives a restart). */
  memoryStore?: Store & { kind: 'memory' };
}

/** The one place that decides where shared state lives. */
export async function createInfrastructure(config: Config, log: Logger, options: InfrastructureOptions = {}): Promise<Infrastructure> {
  if (config.redis) return createRedisInfrastructure(config.redis, config, log);
  return createMemoryInfrastructure(config, log, options.memoryStore);
}
