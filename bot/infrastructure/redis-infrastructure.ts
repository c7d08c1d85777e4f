import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { RedisActivityLog } from '../../adapters/channels/webchat/redis-activity-log';
import { RedisSyncRecords } from '../../adapters/calendar/records/redis-sync-records';
import { RedisProcessedEvents } from '../../adapters/payments/event-log/redis-processed-events';
import { createRedisStore } from '../../adapters/store/redis';
import { RedisBotStorage } from '../../adapters/store/redis/bot-storage';
import type { ConnectionOptions } from 'bullmq';
import { BullBookingTimers, bookingTimersQueueName } from '../../adapters/timers/bullmq-booking-timers';
import { queueNameOf, startRecurringJobs } from '../../adapters/timers/bullmq-recurring-jobs';
import type { Config, RedisTarget } from '../config';
import type { Logger } from '../logger';
import type { Infrastructure } from './infrastructure';
import { checkWithin, readinessOf, type ReadinessCheck } from './readiness';
import { connectionState, queueConnection, quit, storeConnection, whenReady } from './redis-connections';

const PROBE_MS = 1_000;

/**
 * Everything shared through Redis (one server or a Cluster), on three connections: the store's
 * (store, bot state, web chat log, processed ids, rate limits), the web chat log's subscriber
 * (pub/sub needs its own), and BullMQ's shared one, from which each worker opens its blocking
 * connection.
 */
export async function createRedisInfrastructure(target: RedisTarget, config: Config, log: Logger): Promise<Infrastructure> {
  const keyPrefix = config.redisKeyPrefix;
  const main = storeConnection(target);
  // ioredis reports every failed reconnect; once per outage is enough for the log.
  let down = false;
  main.on('error', (error: Error) => {
    if (!down) log.error({ err: error.message }, 'store connection lost; retrying');
    down = true;
  });
  main.on('ready', () => {
    if (down) log.info({}, 'store connection back');
    down = false;
  });
  let queues: ReturnType<typeof queueConnection> | null = null;
  const queuesConnection = (): ConnectionOptions => {
    if (!queues) {
      queues = queueConnection(target);
      queues.client.on('error', (error: Error) => log.warn({ err: error.message }, 'queue connection error'));
    }
    return queues.connection;
  };

  await whenReady(main);
  const store = createRedisStore({ client: main, keyPrefix });
  const activityLog = new RedisActivityLog({ client: main, keyPrefix, ttlMs: config.webchat.logTtlMs, onError: (e) => log.warn({ err: e.message }, 'web chat subscriber connection error') });
  await activityLog.ready();
  const processed = new Map<string, RedisProcessedEvents>();

  return {
    kind: 'redis',
    store,
    botStorage: new RedisBotStorage({ client: main, keyPrefix, ttlMs: config.bot.stateTtlMs }),
    activityLog,
    syncRecords: new RedisSyncRecords(main, keyPrefix),
    processedIds: (scope, timing = {}) => {
      const key = `${scope}\u0000${timing.claimMs ?? ''}\u0000${timing.retentionMs ?? ''}`;
      let ids = processed.get(key);
      if (!ids) {
        ids = new RedisProcessedEvents(main, keyPrefix, timing.claimMs, timing.retentionMs, scope);
        processed.set(key, ids);
      }
      return ids;
    },
    rateLimiter: (limit) =>
      new RateLimiterRedis({
        storeClient: main,
        keyPrefix: `${keyPrefix}rl:${limit.name}`,
        points: limit.points,
        duration: limit.durationSeconds,
        // Redis away must not refuse every guest: each instance counts alone meanwhile.
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: limit.name, points: limit.points, duration: limit.durationSeconds }),
      }),
    bookingTimers: (clock, handler) => BullBookingTimers.start({ connection: queuesConnection(), queueName: bookingTimersQueueName(keyPrefix), clock, handler, log }),
    recurringJobs: (name, jobs, run) => startRecurringJobs(jobs, run, { connection: queuesConnection(), queueName: queueNameOf(keyPrefix, name), idPrefix: `${name}.`, log }),
    readiness: async () => {
      const checks: ReadinessCheck[] = [await checkWithin('store', PROBE_MS, async () => void (await main.ping()))];
      checks.push(activityLog.subscriberReady() ? { name: 'webchat-pubsub', ok: true } : { name: 'webchat-pubsub', ok: false, reason: 'subscriber connection not ready' });
      const q = queues?.client;
      if (q) checks.push(await checkWithin('queues', PROBE_MS, async () => void (await q.ping())));
      return readinessOf(checks);
    },
    storeState: () => connectionState(main),
    close: async () => {
      await activityLog.close();
      if (queues) await quit(queues.client);
      await quit(main);
    },
  };
}
