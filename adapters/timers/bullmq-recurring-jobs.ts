import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';
import type { TimerLog } from './timer-handler';

export interface RecurringJobsOptions {
  /** A shared ioredis connection (maxRetriesPerRequest null); the worker opens its own blocking one from it. */
  connection: ConnectionOptions;
  /** Queue names cannot hold ':'; see queueNameOf. */
  queueName: string;
  /** Prefix of each job scheduler's id, so a queue's own schedulers are told from others. No ':'. */
  idPrefix: string;
  concurrency?: number;
  log: TimerLog;
}

/** A hash tag, so every key of the queue lands in one slot of a Redis Cluster. */
export const BULL_PREFIX = '{bull}';
const JOB_NAME = 'recurring';

const jobData = z.object({ key: z.string().min(1) });

/** A queue name from the deployment's key prefix: deployments sharing a Redis stay apart, and BullMQ refuses ':'. */
export function queueNameOf(redisKeyPrefix: string, name: string): string {
  return `${redisKeyPrefix.replace(/[^A-Za-z0-9_-]/g, '') || 'majordome'}-${name}`;
}

/**
 * Periodic jobs as BullMQ job schedulers: every instance upserts the same schedulers
 * (idempotent), one job runs each period on whichever instance takes it, and schedulers of
 * keys no longer wanted are dropped.
 */
export async function startRecurringJobs(
  jobs: { key: string; everyMs: number }[],
  run: (key: string) => Promise<void>,
  options: RecurringJobsOptions,
): Promise<{ queue: Queue; stop(): Promise<void> }> {
  const queue = new Queue(options.queueName, { connection: options.connection, prefix: BULL_PREFIX });
  queue.on('error', (error) => options.log.error({ err: error, queue: options.queueName }, 'recurring jobs queue error'));

  const wanted = new Set<string>();
  for (const { key, everyMs } of jobs) {
    const id = options.idPrefix + key;
    wanted.add(id);
    await queue.upsertJobScheduler(id, { every: everyMs }, { name: JOB_NAME, data: { key }, opts: { removeOnComplete: 100, removeOnFail: 500 } });
  }
  for (const scheduler of await queue.getJobSchedulers(0, -1)) {
    const id = scheduler.key;
    if (id.startsWith(options.idPrefix) && !wanted.has(id)) await queue.removeJobScheduler(id);
  }

  const worker = new Worker(
    options.queueName,
    async (job) => {
      const data = jobData.safeParse(job.data);
      if (!data.success) {
        options.log.error({ jobId: job.id, queue: options.queueName }, 'recurring job with unexpected data skipped');
        return;
      }
      await run(data.data.key);
    },
    { connection: options.connection, prefix: BULL_PREFIX, concurrency: options.concurrency ?? 4 },
  );
  worker.on('error', (error) => options.log.error({ err: error, queue: options.queueName }, 'recurring jobs worker error'));
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
