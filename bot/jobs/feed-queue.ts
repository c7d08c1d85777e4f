import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';
import type { Logger } from '../logger';
import { feedKey, type FeedRef } from './feed-targets';

export interface FeedQueueOptions {
  redisUrl: string;
  /** Queue names cannot hold ':'; derived from the key prefix so deployments sharing a Redis stay apart. */
  queueName: string;
  concurrency?: number;
  log: Logger;
}

/** A hash tag, so every key of the queue lands in one slot of a Redis Cluster. */
export const BULL_PREFIX = '{bull}';
const JOB_NAME = 'import-feed';
const SCHEDULER_PREFIX = 'feed.';

const jobData = z.object({ propertyId: z.string(), unitId: z.string(), feedId: z.string() });

export function feedQueueName(redisKeyPrefix: string): string {
  return `${redisKeyPrefix.replace(/[^A-Za-z0-9_-]/g, '') || 'majordome'}-ical-feeds`;
}

/**
 * Feed refreshes as BullMQ job schedulers, when Redis is configured: every instance upserts
 * the same schedulers (idempotent), one job runs each refresh on whichever instance takes it,
 * and schedulers of feeds removed from the catalogue are dropped.
 */
export async function startFeedQueue(
  feeds: { ref: FeedRef; everyMs: number }[],
  run: (ref: FeedRef) => Promise<void>,
  options: FeedQueueOptions,
): Promise<{ queue: Queue; stop(): Promise<void> }> {
  // Blocking commands must wait for Redis, not fail after a few retries: BullMQ requires null here.
  const connection: ConnectionOptions = { url: options.redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue(options.queueName, { connection, prefix: BULL_PREFIX });
  queue.on('error', (error) => options.log.error({ err: error, queue: options.queueName }, 'feed queue error'));

  const wanted = new Set<string>();
  for (const { ref, everyMs } of feeds) {
    const id = SCHEDULER_PREFIX + feedKey(ref);
    wanted.add(id);
    await queue.upsertJobScheduler(id, { every: everyMs }, { name: JOB_NAME, data: ref, opts: { removeOnComplete: 100, removeOnFail: 500 } });
  }
  for (const scheduler of await queue.getJobSchedulers(0, -1)) {
    const id = scheduler.key;
    if (id.startsWith(SCHEDULER_PREFIX) && !wanted.has(id)) await queue.removeJobScheduler(id);
  }

  const worker = new Worker(
    options.queueName,
    async (job) => {
      const ref = jobData.safeParse(job.data);
      if (!ref.success) {
        options.log.error({ jobId: job.id, queue: options.queueName }, 'feed job with unexpected data skipped');
        return;
      }
      await run(ref.data);
    },
    { connection, prefix: BULL_PREFIX, concurrency: options.concurrency ?? 4 },
  );
  worker.on('error', (error) => options.log.error({ err: error, queue: options.queueName }, 'feed worker error'));
  // BullMQ emits an error no listener can catch when a connection still initialising is closed:
  // return only once every connection is up, so a quick stop is a clean one.
  await Promise.all([queue.waitUntilReady(), worker.waitUntilReady()]);

  return {
    queue,
    async stop() {
      // Finish the jobs in hand before closing, so none completes on a closing connection.
      await worker.pause();
      await worker.close();
      await queue.close();
    },
  };
}
